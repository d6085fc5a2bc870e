/**
 * The group's internal audit programme (IAF MD 1): every member site audited internally within the 3-year
 * certification cycle, and every site audited internally before the initial certification audit.
 */
import { frenchDate } from '../french-date';
import type { PlannedAudit, PoolAuditor } from './console-model';

/** A certification cycle; it ends 3 years after its start (the end day itself is outside the cycle). */
export interface Cycle {
  start: string;
  years: 3;
}

/** `eligible`: the member signed the group agreement, so it belongs to the programme. */
export interface ProgrammeMember {
  structureId: string;
  name: string;
  eligible: boolean;
}

/** An internal, peer (croisé) or mock (blanc) audit received from a member's share file. */
export interface AuditDone {
  structureId: string;
  kind: 'interne' | 'croise' | 'blanc';
  /** End date, or start date when the end is unknown. */
  date: string;
  auditingStructure: string;
}

export type { PlannedAudit, PoolAuditor } from './console-model';

const day = (date: string) => date.slice(0, 10);
const pad2 = (n: number) => String(n).padStart(2, '0');

/** First day after the cycle. A cycle starting on 29 February ends on 1 March (the Date rollover). */
export function cycleEnd(cycle: Cycle): string {
  const [y, m, d] = day(cycle.start).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + cycle.years, m - 1, d)).toISOString().slice(0, 10);
}

/** « 2027-02-14 » → « 2027-T1 »; keys sort chronologically as plain strings. */
export function quarterKey(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-T${Math.floor((month - 1) / 3) + 1}`;
}

const QUARTER = /^(\d{4})-T([1-4])$/;

/** « 2027-T1 » → « T1 2027 »; anything else is returned unchanged. */
export function quarterLabel(key: string): string {
  const match = QUARTER.exec(key);
  return match ? `T${match[2]} ${match[1]}` : key;
}

/** First day of the quarter, « 2027-T2 » → « 2027-04-01 ». */
function quarterStart(key: string): string {
  const [, year = '', q = '1'] = QUARTER.exec(key) ?? [];
  return `${year}-${pad2(3 * (Number(q) - 1) + 1)}-01`;
}

function nextQuarter(key: string): string {
  const [, year = '', q = '1'] = QUARTER.exec(key) ?? [];
  return Number(q) === 4 ? `${Number(year) + 1}-T1` : `${year}-T${Number(q) + 1}`;
}

/**
 * Every quarter that overlaps the cycle, in order: 12 when the cycle starts on a quarter's first day; 13 when
 * it starts mid-quarter, since both partial quarters hold days of the cycle and audits may be planned in them.
 */
export function cycleQuarters(cycle: Cycle): string[] {
  const end = cycleEnd(cycle);
  const quarters: string[] = [];
  for (let q = quarterKey(day(cycle.start)); quarterStart(q) < end; q = nextQuarter(q)) quarters.push(q);
  return quarters;
}

export type CoverageStatus = 'audite' | 'planifie' | 'a_planifier' | 'en_retard';

export interface MemberCoverage {
  structureId: string;
  name: string;
  eligible: boolean;
  /** At least one internal, peer or mock audit dated within [start, end) of the cycle. */
  auditedInCycle: boolean;
  /** The latest audit dated before the cycle's end (so a past cycle shows what counted then). */
  lastAudit: { date: string; kind: AuditDone['kind']; auditingStructure: string } | null;
  /** Quarters of the cycle in which the plan schedules this member, sorted, without repeats. */
  plannedQuarters: string[];
  status: CoverageStatus;
}

export interface ProgrammeCoverage {
  members: MemberCoverage[];
  /** Eligible members only: a member without a signed agreement is not in the programme yet. */
  totals: { eligible: number; audited: number; percentage: number; byStatus: Record<CoverageStatus, number> };
}

/**
 * Where each member stands in the cycle's programme. A member not audited is « en retard » only when every
 * quarter it was planned in is over: a later planned quarter means the audit was rescheduled.
 */
export function programmeCoverage(
  members: readonly ProgrammeMember[],
  auditsDone: readonly AuditDone[],
  cycle: Cycle,
  today: string,
  plan: readonly PlannedAudit[],
): ProgrammeCoverage {
  const start = day(cycle.start);
  const end = cycleEnd(cycle);
  const currentQuarter = quarterKey(day(today));
  const inCycle = new Set(cycleQuarters(cycle));

  const latest = new Map<string, AuditDone>();
  for (const audit of auditsDone) {
    const date = day(audit.date);
    if (date >= end) continue;
    const known = latest.get(audit.structureId);
    if (!known || date > day(known.date)) latest.set(audit.structureId, audit);
  }
  const planned = new Map<string, Set<string>>();
  for (const entry of plan) {
    if (!inCycle.has(entry.quarter)) continue;
    const quarters = planned.get(entry.auditedId) ?? new Set<string>();
    quarters.add(entry.quarter);
    planned.set(entry.auditedId, quarters);
  }

  const rows = members.map((member): MemberCoverage => {
    const last = latest.get(member.structureId);
    const auditedInCycle = !!last && day(last.date) >= start;
    const plannedQuarters = [...(planned.get(member.structureId) ?? [])].sort();
    const status: CoverageStatus = auditedInCycle
      ? 'audite'
      : plannedQuarters.length === 0
        ? 'a_planifier'
        : plannedQuarters.some((q) => q >= currentQuarter)
          ? 'planifie'
          : 'en_retard';
    return {
      structureId: member.structureId,
      name: member.name,
      eligible: member.eligible,
      auditedInCycle,
      lastAudit: last ? { date: day(last.date), kind: last.kind, auditingStructure: last.auditingStructure } : null,
      plannedQuarters,
      status,
    };
  });

  const byStatus: Record<CoverageStatus, number> = { audite: 0, planifie: 0, a_planifier: 0, en_retard: 0 };
  const eligibleRows = rows.filter((row) => row.eligible);
  for (const row of eligibleRows) byStatus[row.status] += 1;
  const eligible = eligibleRows.length;
  const audited = byStatus.audite;
  // Rounded down: « 100 % » only once every member really is audited.
  const percentage = eligible === 0 ? 0 : Math.floor((audited * 100) / eligible);
  return { members: rows, totals: { eligible, audited, percentage, byStatus } };
}

export interface InitialAuditGate {
  ready: boolean;
  missing: { structureId: string; name: string }[];
  message: string;
}

const frenchList = (names: readonly string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}`;

/**
 * MD 1 requires every site audited internally before the initial certification audit: the eligible members
 * with no internal, peer or mock audit dated on or before that day. A group without any eligible member is
 * not ready either: there is nothing to certify.
 */
export function initialAuditGate(members: readonly ProgrammeMember[], auditsDone: readonly AuditDone[], auditDate: string): InitialAuditGate {
  const limit = day(auditDate);
  const audited = new Set(auditsDone.filter((a) => day(a.date) <= limit).map((a) => a.structureId));
  const eligible = members.filter((m) => m.eligible);
  const missing = eligible
    .filter((m) => !audited.has(m.structureId))
    .map((m) => ({ structureId: m.structureId, name: m.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const when = frenchDate(limit);
  if (eligible.length === 0)
    return { ready: false, missing, message: `Aucune structure n'a encore signé la convention d'adhésion au groupe : l'audit initial du ${when} n'a rien à certifier.` };
  if (missing.length === 0)
    return { ready: true, missing, message: `Toutes les structures adhérentes (${eligible.length}) ont été auditées en interne avant l'audit initial du ${when}.` };
  const names = frenchList(missing.map((m) => m.name));
  const message =
    missing.length === 1
      ? `Avant l'audit initial du ${when}, 1 structure n'a pas encore été auditée en interne : ${names}.`
      : `Avant l'audit initial du ${when}, ${missing.length} structures n'ont pas encore été auditées en interne : ${names}.`;
  return { ready: false, missing, message };
}

export interface QuarterPlan {
  quarter: string;
  label: string;
  audits: {
    id: string;
    auditedId: string;
    auditedName: string;
    auditors: { id: string; name: string; structureId: string; structureName: string }[];
  }[];
}

/** The plan by quarter, oldest first, audits by audited member's name; unknown ids stay visible as such. */
export function planByQuarter(plan: readonly PlannedAudit[], members: readonly ProgrammeMember[], pool: readonly PoolAuditor[]): QuarterPlan[] {
  const memberName = new Map(members.map((m) => [m.structureId, m.name]));
  const auditors = new Map(pool.map((a) => [a.id, a]));
  const structureName = (id: string) => memberName.get(id) ?? `Structure inconnue (${id})`;
  const byQuarter = new Map<string, QuarterPlan['audits']>();
  for (const entry of plan) {
    const audits = byQuarter.get(entry.quarter) ?? [];
    audits.push({
      id: entry.id,
      auditedId: entry.auditedId,
      auditedName: structureName(entry.auditedId),
      auditors: entry.auditorIds.map((id) => {
        const auditor = auditors.get(id);
        return auditor
          ? { id, name: auditor.name, structureId: auditor.structureId, structureName: structureName(auditor.structureId) }
          : { id, name: `Auditeur inconnu (${id})`, structureId: '', structureName: '' };
      }),
    });
    byQuarter.set(entry.quarter, audits);
  }
  return [...byQuarter.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([quarter, audits]) => ({
      quarter,
      label: quarterLabel(quarter),
      audits: audits.sort((a, b) => a.auditedName.localeCompare(b.auditedName, 'fr')),
    }));
}
