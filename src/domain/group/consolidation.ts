/**
 * The consolidated view of the group, from each member's latest share: one row per member, the members × themes
 * heatmap, distributions per theme and sub-theme, stale self-assessments, alerts, open non-conformities, overdue
 * actions and trends. Every screen, PDF and export of the console reads these figures from here.
 */
import { centralShare, type HeldShare } from './console-model';
import { isOpenNonConformity, type SharedAction, type SharedCampaign, type SharedFinding, type SharedScore } from './share-model';
import { distribution, mean, type Quartiles } from './statistics';
import { isOverdue } from '../plan/model';
import type { Conventionnement, LegalForm } from '../structure/profile';

/** A self-assessment older than this is flagged: the approach « s'étiole » without a yearly one. */
export const STALE_AFTER_MONTHS = 12;

export interface MemberFilters {
  region: string;
  conventionnement: Conventionnement | '';
  legalForm: LegalForm | '';
}
export const NO_FILTERS: MemberFilters = { region: '', conventionnement: '', legalForm: '' };

export interface MemberRow {
  structureId: string;
  name: string;
  siret: string;
  region: string;
  legalForm: LegalForm | null;
  conventionnements: Conventionnement[];
  isCentral: boolean;
  agreementDate: string | null;
  /** The member's latest campaign, by date. */
  latest: SharedCampaign;
  /** Every campaign the console holds for the member, oldest first (the trend). */
  campaigns: SharedCampaign[];
  stale: boolean;
  exportedAt: string;
  held: HeldShare;
}

export function monthsBefore(day: string, months: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

const byDate = (a: SharedCampaign, b: SharedCampaign) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

/** `central`: the central function's share (centralShare), the one row marked as such. */
export function memberRow(held: HeldShare, today: string, central?: HeldShare): MemberRow {
  const s = held.content.structure;
  const seen = new Set(held.content.campaigns.map((c) => c.id));
  const campaigns = [...held.earlierCampaigns.filter((c) => !seen.has(c.id)), ...held.content.campaigns].sort(byDate);
  const latest = campaigns.at(-1)!;
  return {
    structureId: s.id,
    name: s.name,
    siret: s.siret,
    region: s.region,
    legalForm: s.legalForm,
    conventionnements: s.conventionnements,
    isCentral: held === central,
    agreementDate: s.group?.agreementDate ?? null,
    latest,
    campaigns,
    stale: latest.date < monthsBefore(today, STALE_AFTER_MONTHS),
    exportedAt: held.exportedAt,
    held,
  };
}

export function matchesFilters(row: MemberRow, f: MemberFilters): boolean {
  return (
    (f.region === '' || row.region === f.region) &&
    (f.conventionnement === '' || row.conventionnements.includes(f.conventionnement)) &&
    (f.legalForm === '' || row.legalForm === f.legalForm)
  );
}

export interface OpenNonConformity {
  structureId: string;
  memberName: string;
  auditId: string;
  auditKind: string;
  auditDate: string;
  finding: SharedFinding;
}

export interface OverdueAction {
  structureId: string;
  memberName: string;
  action: SharedAction;
}

export interface Consolidation {
  rows: MemberRow[];
  /** Theme codes in the heatmap's column order. */
  themeCodes: string[];
  themeDistribution: Map<string, Quartiles>;
  subThemeDistribution: Map<string, Quartiles>;
  globalDistribution: Quartiles | null;
  stale: MemberRow[];
  alerts: { row: MemberRow; alerts: SharedCampaign['alerts'] }[];
  openNonConformities: OpenNonConformity[];
  /** Open NCs counted by severity, and by ISO 9001 clause (« — » when none). */
  ncBySeverity: { major: number; minor: number };
  ncByClause: { clause: string; major: number; minor: number }[];
  overdueActions: OverdueAction[];
  /** Per year, the mean global score of the members' latest campaign of that year, and how many members. */
  groupTrend: { year: string; mean: number | null; members: number }[];
  /** One open major non-conformity anywhere blocks the whole group's certificate. */
  blockingMajors: OpenNonConformity[];
}

/** Where a member's last audit of a finding's kind took place (end date, else start date). */
const auditDay = (a: { startDate: string; endDate: string }) => a.endDate || a.startDate;

export function consolidate(shares: readonly HeldShare[], options: { today: string; filters?: MemberFilters; themeCodes: readonly string[]; centralName?: string }): Consolidation {
  const central = centralShare(shares, { centralFunction: options.centralName ?? '' });
  const rows = shares
    .map((h) => memberRow(h, options.today, central))
    .filter((r) => matchesFilters(r, options.filters ?? NO_FILTERS))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const themeRows = rows.flatMap((r) => r.latest.themes.map((t) => ({ key: t.code, value: t.score.value })));
  const subThemeRows = rows.flatMap((r) => r.latest.themes.flatMap((t) => t.subThemes.map((s) => ({ key: s.code, value: s.score.value }))));
  const globals = rows.map((r) => r.latest.global.value).filter((v): v is number => v !== null);
  const openNonConformities = rows.flatMap((row) =>
    row.held.content.audits.flatMap((audit) =>
      audit.findings.filter(isOpenNonConformity).map((finding) => ({ structureId: row.structureId, memberName: row.name, auditId: audit.id, auditKind: audit.kind, auditDate: auditDay(audit), finding })),
    ),
  );
  const clauses = new Map<string, { major: number; minor: number }>();
  for (const nc of openNonConformities) {
    const key = nc.finding.clause || '—';
    const counts = clauses.get(key) ?? { major: 0, minor: 0 };
    if (nc.finding.kind === 'nc_majeure') counts.major++;
    else counts.minor++;
    clauses.set(key, counts);
  }
  const years = new Map<string, number[]>();
  for (const row of rows) {
    const latestOfYear = new Map<string, SharedCampaign>();
    for (const c of row.campaigns) latestOfYear.set(c.date.slice(0, 4), c);
    for (const [year, c] of latestOfYear) if (c.global.value !== null) years.set(year, [...(years.get(year) ?? []), c.global.value]);
  }
  const blockingMajors = openNonConformities.filter((nc) => nc.finding.kind === 'nc_majeure');
  return {
    rows,
    themeCodes: [...options.themeCodes],
    themeDistribution: distribution(themeRows),
    subThemeDistribution: distribution(subThemeRows),
    globalDistribution: distribution(globals.map((value) => ({ key: 'global', value }))).get('global') ?? null,
    stale: rows.filter((r) => r.stale),
    alerts: rows.filter((r) => r.latest.alerts.length > 0).map((row) => ({ row, alerts: row.latest.alerts })),
    openNonConformities,
    ncBySeverity: { major: blockingMajors.length, minor: openNonConformities.length - blockingMajors.length },
    ncByClause: [...clauses].map(([clause, c]) => ({ clause, ...c })).sort((a, b) => clauseOrder(a.clause, b.clause)),
    overdueActions: rows.flatMap((row) => row.held.content.actions.filter((a) => isOverdue(a, options.today)).map((action) => ({ structureId: row.structureId, memberName: row.name, action }))),
    groupTrend: [...years].sort(([a], [b]) => a.localeCompare(b)).map(([year, values]) => ({ year, mean: mean(values), members: values.length })),
    blockingMajors,
  };
}

/** « 7.5 » before « 10.2 », « — » last. */
function clauseOrder(a: string, b: string): number {
  if (a === '—' || b === '—') return a === b ? 0 : a === '—' ? 1 : -1;
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? -1) !== (pb[i] ?? -1)) return (pa[i] ?? -1) - (pb[i] ?? -1);
  return 0;
}

export const themeScoreOf = (campaign: SharedCampaign, code: string): SharedScore | undefined => campaign.themes.find((t) => t.code === code)?.score;

/** The values a filter can take, from the members held. */
export function filterChoices(shares: readonly HeldShare[]): { regions: string[] } {
  return { regions: [...new Set(shares.map((h) => h.content.structure.region).filter((r) => r !== ''))].sort((a, b) => a.localeCompare(b, 'fr')) };
}
