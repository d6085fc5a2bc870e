/**
 * The group management review (ISO 9001:2015 § 9.3) as data: the inputs of § 9.3.2 consolidated for the whole
 * group, in the standard's order, and the decisions of § 9.3.3 as the central function wrote them. The PDF and
 * the review screen both render this one model; every figure comes from the group's domain functions
 * (consolidate, closureByMember, programmeCoverage), so the review says what the console's screens say.
 */
import type { FindingKind } from '../audit/model';
import { canonicalJson, sha256Hex } from '../evaluation/canonical';
import type { GroupConsole, HeldShare, NcExtension } from '../group/console-model';
import { monthsBefore, type Consolidation } from '../group/consolidation';
import type { CoverageStatus, MemberCoverage, ProgrammeCoverage } from '../group/audit-programme';
import { CLOSURE_LABELS, closureByMember, type ClosureStatus } from '../group/extension';
import type { CorrectiveStatus } from '../group/share-model';
import type { Quartiles } from '../group/statistics';
import { ACTION_STATUS_LABELS } from '../plan/model';

/** What the review needs of the referential: theme and sub-theme titles, in reading order. */
export interface ThemeInfo {
  code: string;
  title: string;
  subThemes: readonly { code: string; title: string }[];
}

export type ReviewGroup = Pick<
  GroupConsole,
  'name' | 'mode' | 'centralFunction' | 'certificationBody' | 'cycleStart' | 'currentAudit' | 'currentAuditDate' | 'previousAuditDate' | 'review'
>;

export interface GroupReviewInput {
  group: ReviewGroup;
  consolidation: Consolidation;
  themes: readonly ThemeInfo[];
  extensions: readonly NcExtension[];
  /** Members' latest shares by structure id: the imposed actions' closure is read from them. */
  shares: ReadonlyMap<string, HeldShare>;
  /** The internal audit programme over the cycle; null when the console follows no cycle (mode suivi, no start). */
  coverage: ProgrammeCoverage | null;
  today: string;
  /** ISO timestamp of the document. */
  generatedAt: string;
  /** SHA-256 of the console data the review is drawn from (groupDataFingerprint). */
  dataSha256: string;
}

/**
 * The customers' and supported people's satisfaction is not collected by the console: the « Services rendus »
 * theme, and its sub-theme on clients (whose objective says « la satisfaction mesurée »), stand in for it.
 */
export const SATISFACTION_THEME = 'SR';
export const SATISFACTION_SUB_THEME = 'SR.4';
/** How many sub-themes the review names as risks (lowest medians) and as opportunities (highest). */
export const RISK_COUNT = 3;
/**
 * A review consolidates: each list of members or findings prints at most this many rows, then « … et N autres »
 * (the console's screens hold the detail). Open major non-conformities are always listed in full: each blocks the
 * certificate. It also keeps the PDF of a 600-member group within its time budget.
 */
export const LIST_LIMIT = 50;

/** The first rows of a list, and how many more there are. */
export interface Listed<T> {
  items: T[];
  more: number;
}
export function listed<T>(items: readonly T[], limit = LIST_LIMIT): Listed<T> {
  return { items: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

export interface DistributionLine {
  code: string;
  title: string;
  /** Null when no member has a score for it. */
  quartiles: Quartiles | null;
}

export interface ExtensionFollowUp {
  id: string;
  title: string;
  clause: string;
  dueDate: string;
  sourceMember: string;
  systemic: boolean;
  affected: number;
  byStatus: Record<ClosureStatus, number>;
  /** Every affected member has carried the action out (an extension with no member affected is closed). */
  closed: boolean;
  /** Not closed, and its due date has passed. */
  overdue: boolean;
}

export interface ExtensionAnalysis {
  id: string;
  sourceMember: string;
  /** The extended finding's statement, as the source member's latest share carries it. */
  statement: string;
  kind: FindingKind | null;
  clause: string;
  systemic: boolean;
  analysis: string;
  othersNotAffectedBecause: string;
  affected: number;
  closed: boolean;
}

export interface ReviewAudit {
  memberName: string;
  kind: 'interne' | 'blanc' | 'croise';
  date: string;
  auditingStructure: string;
  findings: Record<FindingKind, number>;
}

export interface GroupReviewModel {
  documentId: string;
  generatedAt: string;
  dataSha256: string;
  group: ReviewGroup;
  /** The review's day: the one written, else today. */
  reviewDate: string;
  /** What « since the last review » covers: from the last certification audit, else the 12 months before the review. */
  period: { since: string; until: string; basis: 'previous_audit' | 'twelve_months' };
  memberCount: number;
  /** a) The actions imposed on members (extended non-conformities) and where their closure stands. */
  previousActions: { items: ExtensionFollowUp[]; closed: number; overdue: number };
  /** b) Changes in the group: members who signed their agreement in the period, stale self-assessments, unsigned members. */
  changes: {
    joined: Listed<{ name: string; agreementDate: string }>;
    stale: Listed<{ name: string; latestDate: string }>;
    withoutAgreement: Listed<string>;
  };
  /** c1) Not collected as such; the stand-in distributions. */
  satisfaction: DistributionLine[];
  /** c2) The global and per-theme distributions of the latest self-assessments, and the group's yearly trend. */
  objectives: { global: Quartiles | null; themes: DistributionLine[]; trend: Consolidation['groupTrend'] };
  /** c3) Per theme, its sub-themes' distributions (the CAP's processes). */
  processes: { code: string; title: string; subThemes: DistributionLine[] }[];
  /** c4) Open non-conformities, their corrective actions, and the central function's extensions. */
  nonConformities: {
    bySeverity: { major: number; minor: number };
    byClause: Consolidation['ncByClause'];
    byCorrectiveStatus: { status: CorrectiveStatus; count: number }[];
    /** Majors first, all of them; then minors up to LIST_LIMIT (`more` counts the minors left out). */
    open: Listed<{ memberName: string; auditDate: string; kind: FindingKind; clause: string; statement: string; correctiveAction: string; correctiveStatus: CorrectiveStatus }>;
    extensions: ExtensionAnalysis[];
  };
  /** c5) Regulatory alerts (criteria rated 0 or 1) of the latest self-assessments, by member. */
  monitoring: { members: Listed<{ name: string; alerts: { criterionCode: string; title: string; level: 0 | 1 }[] }>; memberCount: number; total: number };
  /** c6) The internal audit programme's coverage, the members it still misses, the audits of the period. */
  audits: {
    coverage: ProgrammeCoverage['totals'] | null;
    notCovered: Listed<Pick<MemberCoverage, 'name' | 'status' | 'lastAudit' | 'plannedQuarters'>>;
    /** Most recent first. */
    inPeriod: Listed<ReviewAudit>;
    inPeriodCount: number;
    findingTotals: Record<FindingKind, number>;
  };
  /** e) Overdue actions, blocking major non-conformities, weakest sub-themes (risks) and strongest (opportunities). */
  risks: {
    overdue: Listed<{ memberName: string; title: string; dueDate: string; status: string; imposed: boolean }>;
    overdueCount: number;
    blockingMajors: number;
    weakest: DistributionLine[];
    strongest: DistributionLine[];
  };
  /** f) The « pistes de progrès » the audits of the period noted. */
  improvements: { total: number; byClause: { clause: string; count: number }[]; items: Listed<{ memberName: string; date: string; clause: string; statement: string }> };
  /** § 9.3.3, as the central function wrote it. */
  decisions: { participants: string; text: string };
}

export const COVERAGE_STATUS_LABELS: Record<CoverageStatus, string> = {
  audite: 'Audité dans le cycle',
  planifie: 'Planifié',
  a_planifier: 'À planifier',
  en_retard: 'En retard',
};

export const CORRECTIVE_STATUS_LABELS: Record<CorrectiveStatus, string> = { aucune: 'Aucune action corrective', ...ACTION_STATUS_LABELS };

const FINDING_ORDER: readonly FindingKind[] = ['nc_majeure', 'nc_mineure', 'point_sensible', 'piste_progres', 'point_fort'];
const noFindings = (): Record<FindingKind, number> => ({ point_fort: 0, piste_progres: 0, point_sensible: 0, nc_mineure: 0, nc_majeure: 0 });
const CLOSURE_ORDER: readonly ClosureStatus[] = ['a_envoyer', 'envoyee', 'a_lancer', 'en_cours', 'realisee', 'abandonnee'];
const CORRECTIVE_ORDER: readonly CorrectiveStatus[] = ['aucune', 'a_lancer', 'en_cours', 'abandonnee'];

const byFrenchName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'fr');
const auditDay = (a: { startDate: string; endDate: string }) => a.endDate || a.startDate;

/** « Réalisée : 2 · En cours : 1 », statuses in the order an action goes through them; « — » when none. */
export function closureText(byStatus: Record<ClosureStatus, number>): string {
  return CLOSURE_ORDER.filter((s) => byStatus[s] > 0).map((s) => `${CLOSURE_LABELS[s]} : ${byStatus[s]}`).join(' · ') || '—';
}

/** « 2 non-conformités majeures, 1 point fort », most serious first; « aucun constat » when empty. */
export function findingsText(counts: Record<FindingKind, number>): string {
  const labels: Record<FindingKind, [string, string]> = {
    nc_majeure: ['non-conformité majeure', 'non-conformités majeures'],
    nc_mineure: ['non-conformité mineure', 'non-conformités mineures'],
    point_sensible: ['point sensible', 'points sensibles'],
    piste_progres: ['piste de progrès', 'pistes de progrès'],
    point_fort: ['point fort', 'points forts'],
  };
  return FINDING_ORDER.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${labels[k][counts[k] > 1 ? 1 : 0]}`).join(', ') || 'aucun constat';
}

/** The period since the last review: the console keeps one review, so the last certification audit marks its start. */
export function reviewPeriod(group: Pick<ReviewGroup, 'previousAuditDate'>, reviewDate: string): GroupReviewModel['period'] {
  const previous = group.previousAuditDate;
  if (previous && previous < reviewDate) return { since: previous, until: reviewDate, basis: 'previous_audit' };
  return { since: monthsBefore(reviewDate, 12), until: reviewDate, basis: 'twelve_months' };
}

/** Sub-themes by median: the lowest are the group's risks, the highest its opportunities (never both). */
export function weakestAndStrongest(distribution: ReadonlyMap<string, Quartiles>, titles: ReadonlyMap<string, string>, count = RISK_COUNT) {
  const lines = [...distribution].map(([code, quartiles]): DistributionLine & { quartiles: Quartiles } => ({ code, title: titles.get(code) ?? code, quartiles }));
  const codeOrder = (a: DistributionLine, b: DistributionLine) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const weakest = [...lines].sort((a, b) => a.quartiles.median - b.quartiles.median || codeOrder(a, b)).slice(0, count);
  const taken = new Set(weakest.map((l) => l.code));
  const strongest = [...lines]
    .filter((l) => !taken.has(l.code))
    .sort((a, b) => b.quartiles.median - a.quartiles.median || codeOrder(a, b))
    .slice(0, count);
  return { weakest, strongest };
}

/** The imposed action of one extension and where each affected member stands with it. */
export function extensionFollowUp(e: NcExtension, shares: ReadonlyMap<string, HeldShare>, today: string): ExtensionFollowUp {
  const closure = closureByMember(e, shares);
  const byStatus: Record<ClosureStatus, number> = { a_envoyer: 0, envoyee: 0, a_lancer: 0, en_cours: 0, realisee: 0, abandonnee: 0 };
  for (const c of closure) byStatus[c.status]++;
  const closed = closure.every((c) => c.status === 'realisee');
  return {
    id: e.id,
    title: e.action.title,
    clause: e.action.clause,
    dueDate: e.action.dueDate,
    sourceMember: shares.get(e.source.structureId)?.content.structure.name ?? '(membre retiré de la console)',
    systemic: e.systemic,
    affected: closure.length,
    byStatus,
    closed,
    overdue: !closed && e.action.dueDate !== '' && e.action.dueDate < today,
  };
}

export function buildGroupReview(input: GroupReviewInput): GroupReviewModel {
  const { group, consolidation: c, themes, shares, today } = input;
  const reviewDate = group.review.date || today;
  const period = reviewPeriod(group, reviewDate);
  const inPeriod = (day: string) => day > period.since && day <= period.until;
  const titles = new Map(themes.flatMap((t) => [[t.code, t.title] as const, ...t.subThemes.map((s) => [s.code, s.title] as const)]));
  const line = (code: string, distribution: ReadonlyMap<string, Quartiles>): DistributionLine => ({ code, title: titles.get(code) ?? code, quartiles: distribution.get(code) ?? null });

  const followUps = [...input.extensions].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((e) => extensionFollowUp(e, shares, today));
  const certification = group.mode === 'certification';
  const members = c.rows.filter((r) => !r.isCentral);

  const correctiveCounts = new Map<CorrectiveStatus, number>();
  for (const nc of c.openNonConformities) correctiveCounts.set(nc.finding.correctiveStatus, (correctiveCounts.get(nc.finding.correctiveStatus) ?? 0) + 1);

  const audits: ReviewAudit[] = [];
  const improvements: GroupReviewModel['improvements']['items']['items'] = [];
  const findingTotals = noFindings();
  for (const row of c.rows) {
    for (const audit of row.held.content.audits) {
      const date = auditDay(audit);
      if (!inPeriod(date)) continue;
      const findings = noFindings();
      for (const f of audit.findings) {
        findings[f.kind]++;
        findingTotals[f.kind]++;
        if (f.kind === 'piste_progres') improvements.push({ memberName: row.name, date, clause: f.clause, statement: f.statement });
      }
      audits.push({ memberName: row.name, kind: audit.kind, date, auditingStructure: audit.auditingStructure, findings });
    }
  }
  audits.sort((a, b) => b.date.localeCompare(a.date) || a.memberName.localeCompare(b.memberName, 'fr'));
  improvements.sort((a, b) => b.date.localeCompare(a.date) || a.memberName.localeCompare(b.memberName, 'fr'));
  const improvementClauses = new Map<string, number>();
  for (const i of improvements) improvementClauses.set(i.clause || '—', (improvementClauses.get(i.clause || '—') ?? 0) + 1);

  const { weakest, strongest } = weakestAndStrongest(c.subThemeDistribution, titles);
  const day = input.generatedAt.slice(0, 10).replace(/-/g, '');

  return {
    documentId: `GRP-REV-${input.dataSha256.slice(0, 8).toUpperCase()}-${day}`,
    generatedAt: input.generatedAt,
    dataSha256: input.dataSha256,
    group,
    reviewDate,
    period,
    memberCount: c.rows.length,
    previousActions: { items: followUps, closed: followUps.filter((f) => f.closed).length, overdue: followUps.filter((f) => f.overdue).length },
    changes: {
      joined: listed(
        members
          .filter((r) => r.agreementDate !== null && inPeriod(r.agreementDate))
          .map((r) => ({ name: r.name, agreementDate: r.agreementDate! }))
          .sort((a, b) => a.agreementDate.localeCompare(b.agreementDate) || byFrenchName(a, b)),
      ),
      stale: listed(c.stale.map((r) => ({ name: r.name, latestDate: r.latest.date }))),
      withoutAgreement: listed(certification ? members.filter((r) => r.agreementDate === null).map((r) => r.name) : []),
    },
    satisfaction: [line(SATISFACTION_THEME, c.themeDistribution), line(SATISFACTION_SUB_THEME, c.subThemeDistribution)].filter((l) => titles.has(l.code) || l.quartiles !== null),
    objectives: { global: c.globalDistribution, themes: c.themeCodes.map((code) => line(code, c.themeDistribution)), trend: c.groupTrend },
    processes: themes
      .filter((t) => c.themeCodes.includes(t.code))
      .map((t) => ({ code: t.code, title: t.title, subThemes: t.subThemes.map((s) => line(s.code, c.subThemeDistribution)) })),
    nonConformities: {
      bySeverity: c.ncBySeverity,
      byClause: c.ncByClause,
      byCorrectiveStatus: CORRECTIVE_ORDER.filter((s) => correctiveCounts.has(s)).map((status) => ({ status, count: correctiveCounts.get(status)! })),
      open: listed(
        [...c.openNonConformities]
          .sort((a, b) => (a.finding.kind === b.finding.kind ? 0 : a.finding.kind === 'nc_majeure' ? -1 : 1) || a.memberName.localeCompare(b.memberName, 'fr') || b.auditDate.localeCompare(a.auditDate))
          .map((nc) => ({
          memberName: nc.memberName,
          auditDate: nc.auditDate,
          kind: nc.finding.kind,
          clause: nc.finding.clause,
          statement: nc.finding.statement,
          correctiveAction: nc.finding.correctiveAction,
          correctiveStatus: nc.finding.correctiveStatus,
        })),
        c.blockingMajors.length + LIST_LIMIT,
      ),
      extensions: [...input.extensions]
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
        .map((e, i): ExtensionAnalysis => {
          const source = shares.get(e.source.structureId);
          const finding = source?.content.audits.find((a) => a.id === e.source.auditId)?.findings.find((f) => f.id === e.source.findingId);
          return {
            id: e.id,
            sourceMember: followUps[i]!.sourceMember,
            statement: finding?.statement ?? '(constat absent du dernier partage du membre)',
            kind: finding?.kind ?? null,
            clause: finding?.clause ?? e.action.clause,
            systemic: e.systemic,
            analysis: e.analysis,
            othersNotAffectedBecause: e.othersNotAffectedBecause,
            affected: e.affected.length,
            closed: followUps[i]!.closed,
          };
        }),
    },
    monitoring: {
      members: listed(c.alerts.map(({ row, alerts }) => ({ name: row.name, alerts: alerts.map((a) => ({ criterionCode: a.criterionCode, title: a.title, level: a.level })) }))),
      memberCount: c.alerts.length,
      total: c.alerts.reduce((sum, a) => sum + a.alerts.length, 0),
    },
    audits: {
      coverage: input.coverage?.totals ?? null,
      notCovered: listed(
        (input.coverage?.members ?? [])
          .filter((m) => m.eligible && (m.status === 'a_planifier' || m.status === 'en_retard'))
          .map((m) => ({ name: m.name, status: m.status, lastAudit: m.lastAudit, plannedQuarters: m.plannedQuarters }))
          .sort((a, b) => (a.status === b.status ? 0 : a.status === 'en_retard' ? -1 : 1) || byFrenchName(a, b)),
      ),
      inPeriod: listed(audits),
      inPeriodCount: audits.length,
      findingTotals,
    },
    risks: {
      overdue: listed(
        c.overdueActions
          .map((o) => ({ memberName: o.memberName, title: o.action.title, dueDate: o.action.dueDate, status: ACTION_STATUS_LABELS[o.action.status], imposed: o.action.imposedActionId !== null }))
          .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.memberName.localeCompare(b.memberName, 'fr')),
      ),
      overdueCount: c.overdueActions.length,
      blockingMajors: c.blockingMajors.length,
      weakest,
      strongest,
    },
    improvements: {
      total: improvements.length,
      byClause: [...improvementClauses].map(([clause, count]) => ({ clause, count })).sort((a, b) => b.count - a.count || a.clause.localeCompare(b.clause, 'fr', { numeric: true })),
      items: listed(improvements),
    },
    decisions: { participants: group.review.participants.trim(), text: group.review.decisions.trim() },
  };
}

/** What the console's fingerprint covers: the group, each member's share (by its own SHA-256), the decisions taken. */
export interface FingerprintInput {
  group: Omit<GroupConsole, 'key' | 'createdAt' | 'updatedAt'> & Partial<Pick<GroupConsole, 'key' | 'createdAt' | 'updatedAt'>>;
  shares: readonly Pick<HeldShare, 'structureId' | 'sha256'>[];
  extensions: readonly NcExtension[];
  plan: readonly { id: string }[];
  draws: readonly { id: string }[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The canonical text the fingerprint hashes. Timestamps of saving are left out: saving the same values again does
 * not change the fingerprint; order does not matter either (sorted by id).
 */
export function fingerprintSource(input: FingerprintInput): string {
  const { key: _key, createdAt: _created, updatedAt: _updated, ...group } = input.group;
  return canonicalJson({
    group,
    shares: input.shares.map((s) => ({ structureId: s.structureId, sha256: s.sha256 })).sort((a, b) => (a.structureId < b.structureId ? -1 : a.structureId > b.structureId ? 1 : 0)),
    extensions: input.extensions.map(({ createdAt: _c, updatedAt: _u, ...e }) => e).sort(byId),
    plan: [...input.plan].sort(byId),
    draws: [...input.draws].sort(byId),
  });
}

/** SHA-256 of the console data both group PDFs are drawn from; printed on their covers. */
export const groupDataFingerprint = (input: FingerprintInput): Promise<string> => sha256Hex(fingerprintSource(input));
