/**
 * The consolidated view (consolidate()) over six hand-built member shares, today = 2026-05-15, with every expected
 * figure worked out in a comment. Also the trend helpers, the heatmap's shades and the repère réseau threshold.
 */
import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  STALE_AFTER_MONTHS,
  consolidate,
  filterChoices,
  matchesFilters,
  memberRow,
  monthsBefore,
  themeScoreOf,
  type MemberFilters,
} from '../../src/domain/group/consolidation';
import { benchmarkContent } from '../../src/domain/group/feedback-content';
import { formatPointChange, memberTrend, plotPoints, polylineOf, trendChange } from '../../src/domain/group/trend';
import { bandClass, bandsInWords, scoreBand } from '../../src/components/group/consolidation/heat';
import type { HeldShare } from '../../src/domain/group/console-model';
import type { SharedAction, SharedAudit, SharedCampaign, SharedFinding, SharedScore } from '../../src/domain/group/share-model';
import type { Conventionnement, LegalForm } from '../../src/domain/structure/profile';

const TODAY = '2026-05-15';
const THEMES = ['ID', 'SR', 'SU', 'AC'];

const score = (value: number | null): SharedScore => ({ value, rated: value === null ? 0 : 4, applicable: 4 });

/**
 * A campaign with the four themes, each with one sub-theme « <theme>.1 » scored like its theme unless `values`
 * names the sub-theme too. Themes left out of `values` have no score.
 */
function campaign(id: string, date: string, global: number | null, values: Record<string, number | null> = {}): SharedCampaign {
  const valueOf = (code: string) => values[code] ?? null;
  return {
    id,
    name: `Campagne ${id}`,
    date,
    tracks: ['CAP'],
    referentialVersion: '2026.2',
    global: score(global),
    themes: THEMES.map((code) => ({
      code,
      score: score(valueOf(code)),
      subThemes: [{ code: `${code}.1`, score: score(`${code}.1` in values ? valueOf(`${code}.1`) : valueOf(code)) }],
    })),
    alerts: [],
    levels: null,
  };
}

function finding(id: string, kind: SharedFinding['kind'], clause: string, correctiveStatus: SharedFinding['correctiveStatus']): SharedFinding {
  return { id, criterionCode: 'SU.1.1', clause, kind, statement: `Constat ${id}`, requirement: '', correctiveAction: '', correctiveStatus };
}

function audit(id: string, kind: SharedAudit['kind'], startDate: string, endDate: string, findings: SharedFinding[]): SharedAudit {
  return { id, kind, campaignId: 'any', auditingStructure: 'Pair', auditors: ['A. Auditrice'], startDate, endDate, findings };
}

function action(id: string, status: SharedAction['status'], dueDate: string, imposedActionId: string | null = null): SharedAction {
  return { id, campaignId: 'any', title: `Action ${id}`, criterionCodes: [], status, priority: 'moyenne', dueDate, imposedActionId };
}

interface MemberSpec {
  id: string;
  name: string;
  region?: string;
  legalForm?: LegalForm | null;
  conventionnements?: Conventionnement[];
  campaigns: SharedCampaign[];
  earlierCampaigns?: SharedCampaign[];
  audits?: SharedAudit[];
  actions?: SharedAction[];
}

function held(m: MemberSpec): HeldShare {
  return {
    structureId: m.id,
    shareId: `share-${m.id}`,
    sha256: '0'.repeat(64),
    exportedAt: '2026-05-01T10:00:00.000Z',
    importedAt: '2026-05-02T10:00:00.000Z',
    fileName: `${m.id}.json`,
    content: {
      shareId: `share-${m.id}`,
      recipient: 'Groupe CAP Normandie',
      detail: 'scores',
      structure: {
        id: m.id,
        name: m.name,
        siret: '',
        region: m.region ?? '',
        legalForm: m.legalForm === undefined ? 'ASSOCIATION' : m.legalForm,
        conventionnements: m.conventionnements ?? ['AI'],
        ensemblier: (m.conventionnements ?? []).length > 1,
        essCompany: false,
        group: { role: 'member', name: 'Groupe CAP Normandie', agreementDate: '2024-01-01' },
        headcount: null,
      },
      campaigns: m.campaigns,
      audits: m.audits ?? [],
      actions: m.actions ?? [],
    },
    earlierCampaigns: m.earlierCampaigns ?? [],
  };
}

/*
 * The six members (latest campaign; ID and SR theme scores):
 *   Alpha   Normandie  ASSOCIATION  AI+ACI  2026-03-10  global 0.6  ID 0.2 (ID.1 0.25)  SR 0.5
 *   Bêta    Bretagne   SCIC         ACI     2025-05-15  global 0.4  ID 0.4  SR 0.7   ← exactly 12 months: not stale
 *   Gamma   Normandie  SAS          EI      2025-05-14  global 0.5  ID 0.9  SR 0.3   ← one day more: stale
 *   Delta   Occitanie  ASSOCIATION  AI      2026-01-20  global 0.7  ID 0.5  SR 0.6
 *   Epsilon (none)     (none)       GEIQ    2025-11-02  global 0.8  ID 0.6  SR —
 *   Zêta    Bretagne   ASSOCIATION  EA      2024-12-01  global —    nothing scored       ← stale
 * SU and AC are scored by nobody.
 */
const alpha = held({
  id: 'a',
  name: 'Alpha',
  region: 'Normandie',
  conventionnements: ['AI', 'ACI'],
  campaigns: [campaign('a-2025', '2025-02-01', 0.5, { ID: 0.3 }), campaign('a-2026', '2026-03-10', 0.6, { ID: 0.2, 'ID.1': 0.25, SR: 0.5 })],
  // An earlier share carried the 2024 campaign, and an older copy of a-2025: the latest share's copy wins.
  earlierCampaigns: [campaign('a-2024', '2024-04-01', 0.3), campaign('a-2025', '2025-02-01', 0.99)],
});
const beta = held({
  id: 'b',
  name: 'Bêta',
  region: 'Bretagne',
  legalForm: 'SCIC',
  conventionnements: ['ACI'],
  campaigns: [campaign('b-1', '2025-05-15', 0.4, { ID: 0.4, SR: 0.7 })],
  audits: [
    audit('b-aud', 'interne', '2026-02-01', '2026-02-02', [
      finding('f1', 'nc_majeure', '7.5', 'realisee'), // carried out: closed
      finding('f2', 'nc_majeure', '10.2', 'abandonnee'), // abandoning the action does not close the gap: open
      finding('f3', 'nc_mineure', '7.5', 'aucune'), // open
      finding('f4', 'point_sensible', '8.5', 'aucune'), // not a non-conformity
    ]),
  ],
});
const gamma = held({
  id: 'c',
  name: 'Gamma',
  region: 'Normandie',
  legalForm: 'SAS',
  conventionnements: ['EI'],
  campaigns: [campaign('c-1', '2025-05-14', 0.5, { ID: 0.9, SR: 0.3 })],
  audits: [
    audit('c-aud', 'croise', '2026-03-03', '', [
      finding('f5', 'nc_mineure', '', 'en_cours'), // no clause: « — »
      finding('f6', 'nc_mineure', '7.1.5', 'a_lancer'),
      finding('f7', 'nc_majeure', '9.2', 'en_cours'),
    ]),
  ],
});
const delta = held({
  id: 'd',
  name: 'Delta',
  region: 'Occitanie',
  campaigns: [campaign('d-2025a', '2025-03-01', 0.2), campaign('d-2025b', '2025-10-01', 0.45), campaign('d-2026', '2026-01-20', 0.7, { ID: 0.5, SR: 0.6 })],
  actions: [
    action('x1', 'en_cours', '2026-05-14'), // due yesterday: overdue
    action('x2', 'a_lancer', '2026-05-15'), // due today: not yet
    action('x3', 'realisee', '2026-01-01'), // done
    action('x4', 'abandonnee', '2026-01-01'), // closed
    action('x5', 'a_lancer', ''), // no due date
    action('x6', 'a_lancer', '2025-12-31', 'imp-1'), // imposed by the group, overdue
  ],
});
const epsilon = held({
  id: 'e',
  name: 'Epsilon',
  legalForm: null,
  conventionnements: ['GEIQ'],
  campaigns: [campaign('e-1', '2025-11-02', 0.8, { ID: 0.6 })],
  actions: [action('x7', 'en_cours', '2026-04-01')],
});
const zeta = held({ id: 'f', name: 'Zêta', region: 'Bretagne', conventionnements: ['EA'], campaigns: [campaign('f-1', '2024-12-01', null)] });

const SHARES = [delta, zeta, alpha, gamma, epsilon, beta];
const run = (filters: MemberFilters = NO_FILTERS, shares: HeldShare[] = SHARES) => consolidate(shares, { today: TODAY, filters, themeCodes: THEMES });
const names = (rows: readonly { name: string }[]) => rows.map((r) => r.name);

describe('rows', () => {
  it('one row per member, sorted by name in French order, latest campaign by date', () => {
    const c = run();
    expect(names(c.rows)).toEqual(['Alpha', 'Bêta', 'Delta', 'Epsilon', 'Gamma', 'Zêta']);
    expect(c.rows.map((r) => r.latest.id)).toEqual(['a-2026', 'b-1', 'd-2026', 'e-1', 'c-1', 'f-1']);
    expect(c.themeCodes).toEqual(THEMES);
  });

  it('the central function named by the console is found as the programme finds it: case, accents and spacing aside', () => {
    // « beta » names Bêta (sameGroupName); every member's profile says « member », so the name decides.
    const c = consolidate(SHARES, { today: TODAY, themeCodes: THEMES, centralName: '  BETA ' });
    expect(c.rows.filter((r) => r.isCentral).map((r) => r.name)).toEqual(['Bêta']);
    expect(run().rows.some((r) => r.isCentral)).toBe(false);
  });

  it('earlier shares’ campaigns join the trend, the latest share’s copy of a campaign wins', () => {
    const row = memberRow(alpha, TODAY);
    expect(row.campaigns.map((x) => x.id)).toEqual(['a-2024', 'a-2025', 'a-2026']);
    expect(row.campaigns[1]?.global.value).toBe(0.5);
  });

  it('themeScoreOf reads one theme of a campaign', () => {
    const latest = memberRow(alpha, TODAY).latest;
    expect(themeScoreOf(latest, 'ID')).toEqual({ value: 0.2, rated: 4, applicable: 4 });
    expect(themeScoreOf(latest, 'XX')).toBeUndefined();
  });
});

describe('distributions (QUARTILE.INCLUS)', () => {
  it('per theme, over the members with a score', () => {
    const c = run();
    // ID: [0.2, 0.4, 0.9, 0.5, 0.6] (Zêta has none) sorted [0.2, 0.4, 0.5, 0.6, 0.9]; n−1 = 4 → positions 1, 2, 3
    expect(c.themeDistribution.get('ID')).toEqual({ n: 5, min: 0.2, q1: 0.4, median: 0.5, q3: 0.6, max: 0.9 });
    // SR: [0.5, 0.7, 0.3, 0.6] sorted [0.3, 0.5, 0.6, 0.7]; n−1 = 3 →
    // q1 at 0.75: 0.3 + 0.75·0.2 = 0.45; median at 1.5: 0.5 + 0.5·0.1 = 0.55; q3 at 2.25: 0.6 + 0.25·0.1 = 0.625
    const sr = c.themeDistribution.get('SR')!;
    expect(sr).toMatchObject({ n: 4, min: 0.3, max: 0.7 });
    expect(sr.q1).toBeCloseTo(0.45, 12);
    expect(sr.median).toBeCloseTo(0.55, 12);
    expect(sr.q3).toBeCloseTo(0.625, 12);
    // Nobody scored SU or AC: no figure (the screen prints « — »).
    expect(c.themeDistribution.has('SU')).toBe(false);
    expect(c.themeDistribution.has('AC')).toBe(false);
  });

  it('per sub-theme, read apart from the theme', () => {
    // ID.1: Alpha 0.25 (not its theme's 0.2), then 0.4, 0.9, 0.5, 0.6 → sorted [0.25, 0.4, 0.5, 0.6, 0.9]
    expect(run().subThemeDistribution.get('ID.1')).toEqual({ n: 5, min: 0.25, q1: 0.4, median: 0.5, q3: 0.6, max: 0.9 });
  });

  it('global: only the latest campaign of each member counts', () => {
    // [0.6, 0.4, 0.7, 0.8, 0.5] (Zêta null; Alpha's 0.5 and 0.3 are older) sorted [0.4, 0.5, 0.6, 0.7, 0.8]
    expect(run().globalDistribution).toEqual({ n: 5, min: 0.4, q1: 0.5, median: 0.6, q3: 0.7, max: 0.8 });
    expect(run({ ...NO_FILTERS, region: 'Bretagne' }, [zeta]).globalDistribution).toBeNull();
  });
});

describe('stale self-assessments (older than 12 months)', () => {
  it('12 months before 2026-05-15 is 2025-05-15: that day is not stale, the day before is', () => {
    expect(STALE_AFTER_MONTHS).toBe(12);
    expect(monthsBefore(TODAY, 12)).toBe('2025-05-15');
    expect(memberRow(beta, TODAY).stale).toBe(false);
    expect(memberRow(gamma, TODAY).stale).toBe(true);
    // One day later, Bêta's 2025-05-15 is more than 12 months old too.
    expect(memberRow(beta, '2026-05-16').stale).toBe(true);
    expect(names(run().stale)).toEqual(['Gamma', 'Zêta']);
  });

  it('a 29 February rolls over to 1 March a year earlier', () => {
    // 2023-02-29 does not exist: Date rolls it to 2023-03-01, so a self-assessment of 2023-02-28 is stale on
    // 2024-02-29 (a year and a day) and one of 2023-03-01 is not.
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-03-01');
    const on = (date: string) => held({ id: 'z', name: 'Z', campaigns: [campaign('z', date, 0.5)] });
    expect(memberRow(on('2023-02-28'), '2024-02-29').stale).toBe(true);
    expect(memberRow(on('2023-03-01'), '2024-02-29').stale).toBe(false);
  });
});

describe('filters', () => {
  const only = (f: Partial<MemberFilters>) => names(run({ ...NO_FILTERS, ...f }).rows);

  it('by region, conventionnement (an ensemblier matches each of its own), legal form, and together', () => {
    expect(only({ region: 'Normandie' })).toEqual(['Alpha', 'Gamma']);
    expect(only({ conventionnement: 'ACI' })).toEqual(['Alpha', 'Bêta']);
    expect(only({ legalForm: 'ASSOCIATION' })).toEqual(['Alpha', 'Delta', 'Zêta']);
    expect(only({ region: 'Normandie', legalForm: 'ASSOCIATION' })).toEqual(['Alpha']);
    expect(only({ region: 'Bretagne', conventionnement: 'AI' })).toEqual([]);
    // A member whose legal form is not known matches only « toutes ».
    expect(matchesFilters(memberRow(epsilon, TODAY), { ...NO_FILTERS, legalForm: 'AUTRE' })).toBe(false);
    expect(only({})).toHaveLength(6);
  });

  it('every figure follows the filters', () => {
    const c = run({ ...NO_FILTERS, region: 'Bretagne' });
    // Bêta and Zêta: ID only Bêta's 0.4 (Zêta has none)
    expect(c.themeDistribution.get('ID')).toEqual({ n: 1, min: 0.4, q1: 0.4, median: 0.4, q3: 0.4, max: 0.4 });
    expect(names(c.stale)).toEqual(['Zêta']);
    expect(c.openNonConformities.map((nc) => nc.finding.id)).toEqual(['f2', 'f3']);
    expect(c.overdueActions).toEqual([]);
    // 2024: Zêta's campaign has no score → no year; 2025: Bêta 0.4
    expect(c.groupTrend).toEqual([{ year: '2025', mean: 0.4, members: 1 }]);
  });

  it('the regions offered are those of the members, sorted, without the empty one', () => {
    expect(filterChoices(SHARES)).toEqual({ regions: ['Bretagne', 'Normandie', 'Occitanie'] });
  });
});

describe('open non-conformities', () => {
  const c = run();

  it('a major carried out is closed; an abandoned one stays open; other findings are not counted', () => {
    // Open: f2 (major, abandonnée), f3 (minor, aucune), f5, f6 (minor), f7 (major). Closed: f1. Not NC: f4.
    expect(c.openNonConformities.map((nc) => nc.finding.id)).toEqual(['f2', 'f3', 'f5', 'f6', 'f7']);
    expect(c.ncBySeverity).toEqual({ major: 2, minor: 3 });
    expect(c.blockingMajors.map((nc) => nc.finding.id)).toEqual(['f2', 'f7']);
  });

  it('carries the member and the audit (its end date, else its start date)', () => {
    expect(c.openNonConformities[0]).toMatchObject({ structureId: 'b', memberName: 'Bêta', auditId: 'b-aud', auditKind: 'interne', auditDate: '2026-02-02' });
    expect(c.openNonConformities[2]).toMatchObject({ memberName: 'Gamma', auditKind: 'croise', auditDate: '2026-03-03' });
  });

  it('by ISO 9001 clause in numeric order (7.1.5 < 7.5 < 9.2 < 10.2), no clause last', () => {
    expect(c.ncByClause).toEqual([
      { clause: '7.1.5', major: 0, minor: 1 },
      { clause: '7.5', major: 0, minor: 1 },
      { clause: '9.2', major: 1, minor: 0 },
      { clause: '10.2', major: 1, minor: 0 },
      { clause: '—', major: 0, minor: 1 },
    ]);
  });
});

describe('overdue actions (today 2026-05-15)', () => {
  it('open actions due before today; due today, closed or undated ones are not', () => {
    const overdue = run().overdueActions;
    expect(overdue.map((o) => [o.memberName, o.action.id])).toEqual([
      ['Delta', 'x1'],
      ['Delta', 'x6'],
      ['Epsilon', 'x7'],
    ]);
    expect(overdue[1]?.action.imposedActionId).toBe('imp-1');
  });
});

describe('group trend per year', () => {
  it('each member counts once a year, by its latest campaign of that year; earlier shares included', () => {
    // 2024: Alpha a-2024 0.3 (from an earlier share); Zêta's 2024-12-01 has no score → mean 0.3, 1 member
    // 2025: Alpha 0.5 (the latest share's a-2025, not the older copy's 0.99), Bêta 0.4, Gamma 0.5,
    //       Delta 0.45 (d-2025b, later than d-2025a's 0.2), Epsilon 0.8 → 2.65 / 5 = 0.53
    // 2026: Alpha 0.6, Delta 0.7 → 1.3 / 2 = 0.65
    const trend = run().groupTrend;
    expect(trend.map((t) => [t.year, t.members])).toEqual([
      ['2024', 1],
      ['2025', 5],
      ['2026', 2],
    ]);
    expect(trend[0]?.mean).toBeCloseTo(0.3, 12);
    expect(trend[1]?.mean).toBeCloseTo(0.53, 12);
    expect(trend[2]?.mean).toBeCloseTo(0.65, 12);
  });
});

describe('member trend helpers', () => {
  it('the global score per campaign, and the change from the first scored to the last scored', () => {
    const points = memberTrend(memberRow(delta, TODAY).campaigns);
    expect(points).toEqual([
      { date: '2025-03-01', value: 0.2 },
      { date: '2025-10-01', value: 0.45 },
      { date: '2026-01-20', value: 0.7 },
    ]);
    // 0.7 − 0.2 = 0.5 → « +50 points »
    expect(trendChange(points)).toBeCloseTo(0.5, 12);
    expect(formatPointChange(trendChange(points))).toBe('+50 points');
    // Nulls are skipped: 0.3 − 0.6 = −0.3
    expect(trendChange([{ value: 0.6 }, { value: null }, { value: 0.3 }])).toBeCloseTo(-0.3, 12);
    expect(trendChange([{ value: 0.6 }, { value: null }])).toBeNull();
  });

  it('formats a change in points, with a true minus sign and French plural', () => {
    expect(formatPointChange(-0.034)).toBe('−3 points');
    expect(formatPointChange(0.01)).toBe('+1 point');
    expect(formatPointChange(-0.004)).toBe('0 point');
    expect(formatPointChange(null)).toBe('—');
  });

  it('places points in the box: evenly by rank, 1 at the top, gaps kept', () => {
    // width 100, height 20, inset 2 → inner 96 × 16; 3 slots → step 48
    // 0.5 → y = 2 + 0.5·16 = 10; slot 1 is null; 1 → y = 2
    const points = plotPoints([0.5, null, 1], 100, 20);
    expect(points).toEqual([
      { index: 0, x: 2, y: 10 },
      { index: 2, x: 98, y: 2 },
    ]);
    expect(polylineOf(points)).toBe('2,10 98,2');
    // A lone value sits in the middle; 0 at the bottom (2 + 16 = 18)
    expect(plotPoints([0], 100, 20)).toEqual([{ index: 0, x: 50, y: 18 }]);
  });
});

describe('heatmap shades', () => {
  it('five bands read from the printed percentage', () => {
    // 0.199 prints « 20 % »: its shade must be 20–39 %, not « moins de 20 % »
    expect([0, 0.194, 0.199, 0.39, 0.4, 0.6, 0.795, 0.8, 1].map(scoreBand)).toEqual([0, 0, 1, 1, 2, 3, 4, 4, 4]);
    expect(scoreBand(null)).toBeNull();
    expect(bandClass(null)).toBe('heat-cell heat-none');
    expect(bandClass(0.55)).toBe('heat-cell heat-2');
    // The caption names every shade in words, not by colour alone.
    expect(bandsInWords()).toBe('rouge clair : moins de 20 %, orange clair : de 20 à 39 %, jaune clair : de 40 à 59 %, vert clair : de 60 à 79 %, vert : 80 % et plus');
  });
});

describe('repère réseau from the consolidated rows', () => {
  const rowsOf = (shares: HeldShare[]) => run(NO_FILTERS, shares).rows;

  it('4 members: every theme and sub-theme withheld', () => {
    const content = benchmarkContent(rowsOf([alpha, beta, gamma, delta]), 'Groupe CAP Normandie', '2026-05-15T09:00:00.000Z');
    expect(content.contributors).toBe(4);
    expect(content.themes).toEqual([]);
    expect(content.subThemes).toEqual([]);
    expect([...content.withheld].sort()).toEqual(['AC', 'AC.1', 'ID', 'ID.1', 'SR', 'SR.1', 'SU', 'SU.1']);
  });

  it('5 members: ID published (5 scores), SR still withheld (4 scores), no member named', () => {
    const content = benchmarkContent(rowsOf([alpha, beta, gamma, delta, epsilon]), 'Groupe CAP Normandie', '2026-05-15T09:00:00.000Z');
    expect(content.contributors).toBe(5);
    // ID sorted [0.2, 0.4, 0.5, 0.6, 0.9] → 0.4 / 0.5 / 0.6; ID.1 [0.25, 0.4, 0.5, 0.6, 0.9] → the same quartiles
    expect(content.themes).toEqual([{ code: 'ID', n: 5, q1: 0.4, median: 0.5, q3: 0.6 }]);
    expect(content.subThemes).toEqual([{ code: 'ID.1', n: 5, q1: 0.4, median: 0.5, q3: 0.6 }]);
    expect([...content.withheld].sort()).toEqual(['AC', 'AC.1', 'SR', 'SR.1', 'SU', 'SU.1']);
    const text = JSON.stringify(content);
    for (const name of ['Alpha', 'Bêta', 'Gamma', 'Delta', 'Epsilon', 'share-']) expect(text).not.toContain(name);
  });
});
