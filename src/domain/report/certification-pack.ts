/**
 * The pack the central function sends its certification body before an audit (IAF MD 1): the member list for the
 * certificate's annex (with each member's eligibility), the latest recorded sample draw and its rationale, the
 * internal audit programme's coverage, and the central function. Pure: the PDF and the screen render this model.
 */
import type { GroupConsole } from '../group/console-model';
import type { ProgrammeCoverage } from '../group/audit-programme';
import { cycleEnd } from '../group/audit-programme';
import { AUDIT_LABELS, COHORT_LABELS, rationaleLines, type SampleDraw, type SelectionReason } from '../group/sampling';
import type { Conventionnement } from '../structure/profile';
import { frenchDate } from '../french-date';

export type PackGroup = Pick<GroupConsole, 'name' | 'centralFunction' | 'certificationBody' | 'cycleStart' | 'currentAudit' | 'currentAuditDate' | 'previousAuditDate'>;

/** One member as the consolidation's rows describe it (MemberRow fits). */
export interface PackMember {
  structureId: string;
  name: string;
  siret: string;
  region: string;
  conventionnements: readonly Conventionnement[];
  agreementDate: string | null;
  isCentral: boolean;
}

export interface CertificationPackInput {
  group: PackGroup;
  members: readonly PackMember[];
  /** Every recorded draw; the latest by recording time is the one sent. */
  draws: readonly (SampleDraw & { recordedAt: string })[];
  coverage: ProgrammeCoverage | null;
  today: string;
  generatedAt: string;
  dataSha256: string;
}

export interface AnnexRow {
  name: string;
  siret: string;
  region: string;
  /** « ACI, AI », or '' */
  conventionnements: string;
  agreementDate: string | null;
  isCentral: boolean;
  eligible: boolean;
  reason: string;
}

export const REASON_LABELS: Record<SelectionReason, string> = { central: 'Fonction centrale', random: 'Tiré au hasard', risk: 'Choisi selon le risque' };

export interface PackSample {
  recordedAt: string;
  auditLabel: string;
  drawDate: string;
  seed: number;
  memberCount: number;
  selected: { name: string; cohort: string; reason: string; riskScore: number | null }[];
  rationale: string[];
  /** Set when the draw was made for another audit than the coming one. */
  warning: string | null;
}

export interface CertificationPackModel {
  documentId: string;
  generatedAt: string;
  dataSha256: string;
  group: PackGroup;
  /** « du 1 janvier 2026 au 31 décembre 2028 », or null when the cycle's start is not set. */
  cycleText: string | null;
  central: { name: string; siret: string; region: string; shared: boolean };
  annex: { rows: AnnexRow[]; eligible: number; ineligible: number };
  sample: PackSample | null;
  coverage: ProgrammeCoverage | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (value: string) => DAY.test(value) && new Date(`${value}T12:00:00Z`).toISOString().slice(0, 10) === value;

/**
 * Whether a member belongs on the certificate on `today` (IAF MD 1: a legal or contractual link with the central
 * function, here the signed group agreement), and why, in French.
 */
export function annexEligibility(member: Pick<PackMember, 'agreementDate' | 'isCentral'>, today: string): { eligible: boolean; reason: string } {
  if (member.isCentral) return { eligible: true, reason: 'Fonction centrale du groupe, auditée à chaque audit.' };
  const signed = member.agreementDate;
  if (signed === null || signed === '') return { eligible: false, reason: "Pas de convention d'adhésion au groupe signée." };
  if (!isRealDay(signed)) return { eligible: false, reason: `Date de signature de la convention d'adhésion illisible (« ${signed} »).` };
  if (signed > today) return { eligible: false, reason: `Convention d'adhésion signée le ${frenchDate(signed)}, après la date de ce dossier.` };
  return { eligible: true, reason: `Convention d'adhésion signée le ${frenchDate(signed)}.` };
}

/** The latest draw by recording time (the console lists draws newest first; this does not rely on it). */
export function latestDraw<D extends { recordedAt: string }>(draws: readonly D[]): D | null {
  let latest: D | null = null;
  for (const d of draws) if (!latest || d.recordedAt > latest.recordedAt) latest = d;
  return latest;
}

export function buildCertificationPack(input: CertificationPackInput): CertificationPackModel {
  const { group, today } = input;
  // The central function first, then members by name.
  const sorted = [...input.members].sort((a, b) => Number(b.isCentral) - Number(a.isCentral) || a.name.localeCompare(b.name, 'fr'));
  const rows = sorted.map((m): AnnexRow => ({
    name: m.name,
    siret: m.siret,
    region: m.region,
    conventionnements: m.conventionnements.join(', '),
    agreementDate: m.agreementDate,
    isCentral: m.isCentral,
    ...annexEligibility(m, today),
  }));
  const centralMember = input.members.find((m) => m.isCentral);
  const draw = latestDraw(input.draws);
  const day = input.generatedAt.slice(0, 10).replace(/-/g, '');
  return {
    documentId: `GRP-CERT-${input.dataSha256.slice(0, 8).toUpperCase()}-${day}`,
    generatedAt: input.generatedAt,
    dataSha256: input.dataSha256,
    group,
    cycleText: group.cycleStart ? `du ${frenchDate(group.cycleStart)} au ${frenchDate(lastDayOfCycle(group.cycleStart))}` : null,
    central: centralMember
      ? { name: centralMember.name, siret: centralMember.siret, region: centralMember.region, shared: true }
      : { name: group.centralFunction, siret: '', region: '', shared: false },
    annex: { rows, eligible: rows.filter((r) => r.eligible).length, ineligible: rows.filter((r) => !r.eligible).length },
    sample: draw
      ? {
          recordedAt: draw.recordedAt,
          auditLabel: AUDIT_LABELS[draw.auditType],
          drawDate: draw.drawDate,
          seed: draw.seed,
          memberCount: draw.memberCount,
          selected: draw.selected.map((s) => ({ name: s.name, cohort: s.cohort ? COHORT_LABELS[s.cohort] : '—', reason: REASON_LABELS[s.reason], riskScore: s.riskScore })),
          rationale: rationaleLines(draw),
          warning:
            draw.auditType === group.currentAudit
              ? null
              : `Ce tirage a été fait pour l'audit « ${AUDIT_LABELS[draw.auditType]} », alors que l'audit à venir est « ${AUDIT_LABELS[group.currentAudit]} » : refaites un tirage pour cet audit.`,
        }
      : null,
    coverage: input.coverage,
  };
}

/** The cycle's last day: the day before cycleEnd (which is outside the cycle). */
function lastDayOfCycle(start: string): string {
  const end = new Date(`${cycleEnd({ start, years: 3 })}T12:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
