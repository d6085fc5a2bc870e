/**
 * Independence of the group's internal auditors (ISO 19011 objectivity, applied to a pool drawn from the
 * members' own staff): nobody audits their own structure, two structures do not audit each other the same
 * year, an auditor sees a member once per cycle, and nobody carries more than 6 audits in a quarter.
 * Everything is checked through indexes built once, so a 600-entry plan costs one pass, not a pair-wise scan.
 */
import { cycleQuarters, quarterLabel, type Cycle, type PlannedAudit, type PoolAuditor } from './audit-programme';

export type IndependenceRule = 'propre_structure' | 'reciproque' | 'rotation' | 'charge';

export interface IndependenceProblem {
  plannedAuditId: string;
  rule: IndependenceRule;
  /** Only the load warning lets the audit be saved. */
  blocking: boolean;
  message: string;
}

/** Narrow view of a member, only to name structures in messages; an unknown id is shown as is. */
export interface NamedStructure {
  structureId: string;
  name: string;
}

/** Above this many audits in one quarter, an auditor's load is flagged (a warning). */
export const MAX_AUDITS_PER_QUARTER = 6;

const SEP = '\u0000';
const yearOf = (quarter: string) => quarter.slice(0, 4);
const pairKey = (from: string, to: string, year: string) => `${from}${SEP}${to}${SEP}${year}`;
const visitKey = (auditorId: string, auditedId: string) => `${auditorId}${SEP}${auditedId}`;
const loadKey = (auditorId: string, quarter: string) => `${auditorId}${SEP}${quarter}`;
/** Auditor ids once each: listing someone twice on one audit is not a second audit. */
const uniqueAuditors = (entry: PlannedAudit) => [...new Set(entry.auditorIds)];

interface PlanIndex {
  auditors: Map<string, PoolAuditor>;
  inCycle: Set<string>;
  /** Auditor's structure → audited structure → calendar year: the first such entry. */
  pairs: Map<string, PlannedAudit>;
  /** Auditor → audited member, entries inside the cycle, earliest quarter first (plan order on ties). */
  visits: Map<string, PlannedAudit[]>;
  /** Auditor → quarter: number of audits. */
  load: Map<string, number>;
  structureName: (id: string) => string;
}

function indexPlan(plan: readonly PlannedAudit[], pool: readonly PoolAuditor[], cycle: Cycle, members: readonly NamedStructure[]): PlanIndex {
  const auditors = new Map(pool.map((a) => [a.id, a]));
  const inCycle = new Set(cycleQuarters(cycle));
  const pairs = new Map<string, PlannedAudit>();
  const visits = new Map<string, PlannedAudit[]>();
  const load = new Map<string, number>();
  for (const entry of plan) {
    for (const id of uniqueAuditors(entry)) {
      const auditor = auditors.get(id);
      if (!auditor) continue;
      const pair = pairKey(auditor.structureId, entry.auditedId, yearOf(entry.quarter));
      if (!pairs.has(pair)) pairs.set(pair, entry);
      if (inCycle.has(entry.quarter)) {
        const key = visitKey(id, entry.auditedId);
        const list = visits.get(key);
        if (list) list.push(entry);
        else visits.set(key, [entry]);
      }
      const quarterLoad = loadKey(id, entry.quarter);
      load.set(quarterLoad, (load.get(quarterLoad) ?? 0) + 1);
    }
  }
  // Stable sort: same-quarter entries keep plan order.
  for (const list of visits.values()) if (list.length > 1) list.sort((a, b) => (a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : 0));
  const names = new Map(members.map((m) => [m.structureId, m.name]));
  return { auditors, inCycle, pairs, visits, load, structureName: (id) => names.get(id) ?? id };
}

/** « chez » rather than « de »: no elision to get wrong before a name starting with a vowel. */
const where = (entry: PlannedAudit, index: PlanIndex) => `Audit chez ${index.structureName(entry.auditedId)} (${quarterLabel(entry.quarter)})`;

function ownStructure(entry: PlannedAudit, auditor: PoolAuditor, index: PlanIndex): IndependenceProblem | null {
  if (auditor.structureId !== entry.auditedId) return null;
  return {
    plannedAuditId: entry.id,
    rule: 'propre_structure',
    blocking: true,
    message: `${where(entry, index)} : ${auditor.name} travaille pour cette structure et ne peut pas l'auditer.`,
  };
}

function reciprocal(entry: PlannedAudit, auditor: PoolAuditor, index: PlanIndex): IndependenceProblem | null {
  if (auditor.structureId === entry.auditedId) return null;
  const year = yearOf(entry.quarter);
  const reverse = index.pairs.get(pairKey(entry.auditedId, auditor.structureId, year));
  if (!reverse) return null;
  const from = index.structureName(auditor.structureId);
  const to = index.structureName(entry.auditedId);
  return {
    plannedAuditId: entry.id,
    rule: 'reciproque',
    blocking: true,
    message: `${where(entry, index)} : ${auditor.name} travaille pour ${from}, or ${to} audite ${from} la même année (${quarterLabel(reverse.quarter)}). Deux structures ne s'auditent pas l'une l'autre la même année.`,
  };
}

function rotation(entry: PlannedAudit, auditor: PoolAuditor, earlier: PlannedAudit, index: PlanIndex): IndependenceProblem {
  return {
    plannedAuditId: entry.id,
    rule: 'rotation',
    blocking: true,
    message: `${where(entry, index)} : ${auditor.name} a déjà un audit de cette structure dans le cycle (${quarterLabel(earlier.quarter)}). Un auditeur n'audite pas deux fois la même structure dans un cycle.`,
  };
}

function overload(entry: PlannedAudit, auditor: PoolAuditor, count: number): IndependenceProblem {
  return {
    plannedAuditId: entry.id,
    rule: 'charge',
    blocking: false,
    message: `${quarterLabel(entry.quarter)} : ${auditor.name} aurait ${count} audits dans le trimestre (plus de ${MAX_AUDITS_PER_QUARTER}). Vérifiez sa disponibilité.`,
  };
}

/**
 * Every problem of the plan. A repeated visit is charged to the later audit(s), the first one being legitimate;
 * an overloaded quarter is charged to the audits beyond the sixth, in plan order.
 */
export function independenceProblems(
  plan: readonly PlannedAudit[],
  pool: readonly PoolAuditor[],
  cycle: Cycle,
  members: readonly NamedStructure[] = [],
): IndependenceProblem[] {
  const index = indexPlan(plan, pool, cycle, members);
  const running = new Map<string, number>();
  const problems: IndependenceProblem[] = [];
  for (const entry of plan) {
    for (const id of uniqueAuditors(entry)) {
      const auditor = index.auditors.get(id);
      if (!auditor) continue;
      const own = ownStructure(entry, auditor, index);
      if (own) problems.push(own);
      const pair = reciprocal(entry, auditor, index);
      if (pair) problems.push(pair);
      const first = index.inCycle.has(entry.quarter) ? index.visits.get(visitKey(id, entry.auditedId))?.[0] : undefined;
      if (first && first !== entry) problems.push(rotation(entry, auditor, first, index));
      const key = loadKey(id, entry.quarter);
      const rank = (running.get(key) ?? 0) + 1;
      running.set(key, rank);
      if (rank > MAX_AUDITS_PER_QUARTER) problems.push(overload(entry, auditor, index.load.get(key) ?? rank));
    }
  }
  return problems;
}

/** What the candidate would add to the plan; an entry with the candidate's id is the one being edited. */
export function canPlan(
  candidate: PlannedAudit,
  plan: readonly PlannedAudit[],
  pool: readonly PoolAuditor[],
  cycle: Cycle,
  members: readonly NamedStructure[] = [],
): IndependenceProblem[] {
  const index = indexPlan(
    plan.filter((e) => e.id !== candidate.id),
    pool,
    cycle,
    members,
  );
  const problems: IndependenceProblem[] = [];
  for (const id of uniqueAuditors(candidate)) {
    const auditor = index.auditors.get(id);
    if (!auditor) continue;
    const own = ownStructure(candidate, auditor, index);
    if (own) problems.push(own);
    const pair = reciprocal(candidate, auditor, index);
    if (pair) problems.push(pair);
    const earlier = index.inCycle.has(candidate.quarter) ? index.visits.get(visitKey(id, candidate.auditedId))?.[0] : undefined;
    if (earlier) problems.push(rotation(candidate, auditor, earlier, index));
    const count = (index.load.get(loadKey(id, candidate.quarter)) ?? 0) + 1;
    if (count > MAX_AUDITS_PER_QUARTER) problems.push(overload(candidate, auditor, count));
  }
  return problems;
}

/** The pool members who could audit this member in this quarter without a blocking problem (pool order). */
export function eligibleAuditors(
  auditedId: string,
  quarter: string,
  plan: readonly PlannedAudit[],
  pool: readonly PoolAuditor[],
  cycle: Cycle,
): PoolAuditor[] {
  const index = indexPlan(plan, pool, cycle, []);
  const probe: PlannedAudit = { id: '', auditedId, auditorIds: [], quarter };
  const rotationApplies = index.inCycle.has(quarter);
  return pool.filter(
    (auditor) =>
      !ownStructure(probe, auditor, index) &&
      !reciprocal(probe, auditor, index) &&
      !(rotationApplies && index.visits.has(visitKey(auditor.id, auditedId))),
  );
}
