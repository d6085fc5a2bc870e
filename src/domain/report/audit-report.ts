/**
 * The report of an audit, as data, for the PDF (and any HTML twin): who audited what and when, how independent
 * the auditors are, the self-assessment beside the auditor's layer (scored by the one scoring module), the
 * findings in AFNOR's vocabulary and what blocks a certification audit.
 */
import { compareLayers, auditorLayer } from '../audit/layers';
import { certificationBlockers, inReportOrder, type CertificationBlocker } from '../audit/blockers';
import {
  AUDITOR_ROLE_LABELS,
  FINDING_KIND_LABELS,
  isNonConformity,
  type Audit,
  type AuditKind,
  type AuditRating,
  type Finding,
  type FindingKind,
} from '../audit/model';
import type { Rating } from '../evaluation/model';
import type { TrackId } from '../referential/constants';
import { clauseTitle, levelName, trackName } from '../referential/lookup';
import type { Criterion, Referential, Theme } from '../referential/model';
import type { Score } from '../scoring/score';
import { frenchDate } from '../french-date';
// Self and auditor this far apart are discussed, like two participants' views.
import { DIVERGENCE_THRESHOLD } from '../perspectives/views';

export interface AuditReportInput {
  referential: Referential;
  audit: Audit;
  audited: {
    structureName: string;
    /** The audited structure's profile in words (describeProfile). */
    structureProfile: string;
    siret: string;
    region: string;
    campaignName: string;
    campaignDate: string;
    tracks: TrackId[];
    referentialVersion: string;
  };
  scope: Criterion[];
  /** The team's own levels; null when the audited structure withheld them. */
  self: ReadonlyMap<string, Rating> | null;
  auditorRatings: AuditRating[];
  findings: Finding[];
  now: Date;
}

export const AUDIT_REPORT_TITLES: Record<AuditKind, string> = {
  interne: "Rapport d'audit interne",
  blanc: "Rapport d'audit à blanc",
  croise: "Rapport d'audit croisé",
};

export const SIGNATURE_LABELS = ["Le responsable d'audit", 'La direction de la structure auditée'] as const;


/** One row of the layer comparison; self is null when the audited structure withheld its levels. */
export interface LayerLine {
  label: string;
  self: Score | null;
  auditor: Score;
  /** Auditor − self, in points of percentage. */
  gap: number | null;
}

export interface FindingLine {
  finding: Finding;
  kindLabel: string;
  nonConformity: boolean;
  /** « critère ID.1.1 — title » and/or « ISO 9001 § 7.5 — title ». */
  references: string[];
}

export interface Divergence {
  criterion: Criterion;
  selfLevel: number;
  auditorLevel: number;
  /** « 3 – label », as the scale names the level. */
  selfLabel: string;
  auditorLabel: string;
  /** Auditor − self, in levels. */
  gap: number;
  auditorComment: string;
}

export interface AuditReportModel {
  documentId: string;
  generatedAt: string;
  kind: AuditKind;
  title: string;
  audited: {
    structureName: string;
    structureProfile: string;
    siret: string;
    region: string;
    campaignName: string;
    /** French, e.g. « 1 mars 2026 ». */
    campaignDate: string;
    tracks: string[];
    referentialVersion: string;
    criteriaInScope: number;
    scopeNote: string;
  };
  /** French dates, null while not set; text says both in one phrase. */
  dates: { start: string | null; end: string | null; text: string };
  auditingStructure: string;
  auditors: { name: string; role: string; organisation: string }[];
  independence: { declared: boolean; statement: string };
  comparison: { selfShared: boolean; global: LayerLine; themes: (LayerLine & { theme: Theme })[] };
  divergences: Divergence[];
  findings: FindingLine[];
  /** Every finding kind, in report order, with how many there are (zeros included). */
  counts: { kind: FindingKind; label: string; count: number }[];
  blockers: CertificationBlocker[];
  verdict: string;
  conclusion: string;
  signatures: readonly string[];
}

/** Non-conformities first, as the findings table lists them. */
const KINDS_IN_REPORT_ORDER: FindingKind[] = ['nc_majeure', 'nc_mineure', 'point_sensible', 'piste_progres', 'point_fort'];

export function buildAuditReport(input: AuditReportInput): AuditReportModel {
  const { referential, audit, audited, scope } = input;
  const layers = compareLayers(referential, scope, input.self ?? new Map(), auditorLayer(input.auditorRatings));
  const selfShared = input.self !== null;
  const findings = inReportOrder(input.findings);
  const blockers = certificationBlockers(findings);
  const day = input.now.toISOString().slice(0, 10);
  // A gap is only computed when both layers gave a level, hence the non-null levels.
  const divergence = (criterion: Criterion, selfLevel: number, auditorLevel: number, auditorComment: string): Divergence => ({
    criterion,
    selfLevel,
    auditorLevel,
    selfLabel: levelName(referential, selfLevel),
    auditorLabel: levelName(referential, auditorLevel),
    gap: auditorLevel - selfLevel,
    auditorComment,
  });
  return {
    documentId: `AUD-${audit.id.slice(0, 8).toUpperCase()}-${day.replace(/-/g, '')}`,
    generatedAt: input.now.toISOString(),
    kind: audit.kind,
    title: AUDIT_REPORT_TITLES[audit.kind],
    audited: {
      structureName: audited.structureName,
      structureProfile: audited.structureProfile,
      siret: audited.siret,
      region: audited.region,
      campaignName: audited.campaignName,
      campaignDate: audited.campaignDate ? frenchDate(audited.campaignDate) : '',
      tracks: audited.tracks.map((t) => trackName(referential, t)),
      referentialVersion: audited.referentialVersion,
      criteriaInScope: scope.length,
      scopeNote: audit.scopeNote.trim(),
    },
    dates: auditDates(audit.startDate, audit.endDate),
    auditingStructure: audit.auditingStructure,
    auditors: audit.auditors.map((a) => ({ name: a.name, role: AUDITOR_ROLE_LABELS[a.role], organisation: a.organisation })),
    independence: { declared: audit.independence.declared, statement: audit.independence.statement.trim() },
    comparison: {
      selfShared,
      global: { label: 'Score global', self: selfShared ? layers.global.self : null, auditor: layers.global.auditor, gap: selfShared ? layers.global.gap : null },
      themes: layers.themes.map((t) => ({ theme: t.theme, label: t.theme.title, self: selfShared ? t.self : null, auditor: t.auditor, gap: selfShared ? t.gap : null })),
    },
    divergences: selfShared
      ? layers.criteria.flatMap((c): Divergence[] =>
          c.gap !== null && Math.abs(c.gap) >= DIVERGENCE_THRESHOLD
            ? [divergence(c.criterion, c.self!.level!, c.auditor!.level!, c.auditor?.comment ?? '')]
            : [],
        )
      : [],
    findings: findings.map((finding) => ({
      finding,
      kindLabel: FINDING_KIND_LABELS[finding.kind],
      nonConformity: isNonConformity(finding.kind),
      references: referencesOf(referential, finding),
    })),
    counts: KINDS_IN_REPORT_ORDER.map((kind) => ({ kind, label: FINDING_KIND_LABELS[kind], count: findings.filter((f) => f.kind === kind).length })),
    blockers,
    verdict: certificationVerdict(blockers.length),
    conclusion: audit.conclusion.trim(),
    signatures: SIGNATURE_LABELS,
  };
}

export function certificationVerdict(blockerCount: number): string {
  return blockerCount === 0
    ? 'Aucune non-conformité bloquante pour un audit de certification.'
    : `Avant un audit de certification : ${blockerCount} point(s) bloquant(s) à lever.`;
}

/** « critère ID.1.1 — title » and « ISO 9001 § 7.5 — title », each when the finding names it. */
function referencesOf(referential: Referential, finding: Finding): string[] {
  const titled = (reference: string, title: string | undefined) => (title ? `${reference} — ${title}` : reference);
  return [
    ...(finding.criterionCode
      ? [titled(`critère ${finding.criterionCode}`, referential.criteria.find((c) => c.code === finding.criterionCode)?.title)]
      : []),
    ...(finding.clause ? [titled(`ISO 9001 § ${finding.clause}`, clauseTitle(referential, finding.clause))] : []),
  ];
}

/** « du 2 mars 2026 au 4 mars 2026 », « le 2 mars 2026 » (one day), or « Dates non renseignées ». */
function auditDates(startDate: string, endDate: string): AuditReportModel['dates'] {
  const start = startDate ? frenchDate(startDate) : null;
  const end = endDate ? frenchDate(endDate) : null;
  const text =
    start && end && start !== end ? `du ${start} au ${end}` : start || end ? `le ${start ?? end}` : 'Dates non renseignées';
  return { start, end, text };
}
