/** Adapters from the console's shares to the audit programme and sample inputs (hand-built shares, hand-computed). */
import { describe, expect, it } from 'vitest';
import { centralShare, type GroupConsole, type HeldShare } from '../../src/domain/group/console-model';
import type { SharedAction, SharedAudit, SharedCampaign, SharedFinding } from '../../src/domain/group/share-model';
import type { GroupRole } from '../../src/domain/structure/profile';
import { drawSample, type SampleDraw } from '../../src/domain/group/sampling';
import { riskScore } from '../../src/domain/group/risk';
import {
  auditsDone,
  compareDraws,
  cycleOf,
  earlierAuditDraws,
  programmeMembers,
  riskInputsOf,
  sampleInput,
  type DrawRecord,
} from '../../src/domain/group/member-inputs';

const campaign = (id: string, date: string, value: number | null): SharedCampaign => ({
  id,
  name: `Campagne ${id}`,
  date,
  tracks: [],
  referentialVersion: '2026.2',
  global: { value, rated: 10, applicable: 10 },
  themes: [],
  alerts: [],
  levels: null,
});

const finding = (id: string, kind: SharedFinding['kind'], correctiveStatus: SharedFinding['correctiveStatus']): SharedFinding => ({
  id,
  criterionCode: null,
  clause: '7.1',
  kind,
  statement: 'constat',
  requirement: 'exigence',
  correctiveAction: '',
  correctiveStatus,
});

const audit = (id: string, over: Partial<SharedAudit> = {}): SharedAudit => ({
  id,
  kind: 'interne',
  campaignId: 'c1',
  auditingStructure: 'Pair',
  auditors: ['A. Auditrice'],
  startDate: '2026-05-10',
  endDate: '2026-05-12',
  findings: [],
  ...over,
});

const action = (id: string, status: SharedAction['status'], dueDate: string): SharedAction => ({
  id,
  campaignId: 'c1',
  title: id,
  criterionCodes: [],
  status,
  priority: 'moyenne',
  dueDate,
  imposedActionId: null,
});

interface ShareOptions {
  agreementDate?: string | null;
  role?: GroupRole;
  noGroup?: boolean;
  campaigns?: SharedCampaign[];
  earlier?: SharedCampaign[];
  audits?: SharedAudit[];
  actions?: SharedAction[];
}

function share(id: string, name: string, o: ShareOptions = {}): HeldShare {
  return {
    structureId: id,
    shareId: `share-${id}`,
    sha256: 'x',
    exportedAt: '2026-06-01T10:00:00.000Z',
    importedAt: '2026-06-02T10:00:00.000Z',
    fileName: `${id}.json`,
    content: {
      shareId: `share-${id}`,
      recipient: 'Groupe CAP',
      detail: 'scores',
      structure: {
        id,
        name,
        siret: '',
        region: '',
        legalForm: null,
        conventionnements: [],
        ensemblier: false,
        essCompany: false,
        group: o.noGroup ? null : { role: o.role ?? 'member', name: 'Groupe CAP', agreementDate: o.agreementDate === undefined ? '2025-01-15' : o.agreementDate },
        headcount: null,
      },
      campaigns: o.campaigns ?? [campaign('c1', '2026-03-01', 0.7)],
      audits: o.audits ?? [],
      actions: o.actions ?? [],
    },
    earlierCampaigns: o.earlier ?? [],
  };
}

const group: Pick<GroupConsole, 'centralFunction' | 'cycleStart' | 'currentAudit' | 'previousAuditDate'> = {
  centralFunction: 'COORACE Siège',
  cycleStart: '2026-01-01',
  currentAudit: 'surveillance1',
  previousAuditDate: '2026-01-10',
};

describe('auditsDone', () => {
  it('dates each audit by its end, else its start, and skips undated ones', () => {
    const shares = [
      share('s1', 'Alpha', {
        audits: [
          audit('a1', { kind: 'croise', auditingStructure: 'Beta', startDate: '2026-05-10', endDate: '2026-05-12' }),
          audit('a2', { kind: 'blanc', startDate: '2026-02-03', endDate: '' }),
          audit('a3', { startDate: '', endDate: '' }),
        ],
      }),
      share('s2', 'Beta', { audits: [audit('b1', { kind: 'interne', auditingStructure: 'Beta' })] }),
    ];
    expect(auditsDone(shares)).toEqual([
      { structureId: 's1', kind: 'croise', date: '2026-05-12', auditingStructure: 'Beta' },
      { structureId: 's1', kind: 'blanc', date: '2026-02-03', auditingStructure: 'Pair' },
      { structureId: 's2', kind: 'interne', date: '2026-05-12', auditingStructure: 'Beta' },
    ]);
  });
});

describe('central function and programme members', () => {
  it('finds the central function by its role first, else by name (case and accents aside)', () => {
    const byName = [share('s1', 'Alpha'), share('s2', 'coorace siege')];
    expect(centralShare(byName, group)?.structureId).toBe('s2');
    const byRole = [share('s1', 'Alpha', { role: 'central' }), share('s2', 'COORACE Siège')];
    expect(centralShare(byRole, group)?.structureId).toBe('s1');
    expect(centralShare([share('s1', 'Alpha')], group)).toBeUndefined();
    // An empty central function name matches nobody (not even a structure with an empty name).
    expect(centralShare([share('s1', '')], { centralFunction: '' })).toBeUndefined();
  });

  it('lists members by name, eligible when the agreement is signed, the central function always', () => {
    const shares = [
      share('s3', 'Gamma', { agreementDate: null }),
      share('s1', 'Alpha'),
      share('s9', 'COORACE Siège', { agreementDate: null }),
      share('s2', 'Beta', { noGroup: true }),
      share('s4', 'Delta', { agreementDate: '' }),
    ];
    expect(programmeMembers(shares, group)).toEqual([
      { structureId: 's1', name: 'Alpha', eligible: true, isCentral: false },
      { structureId: 's2', name: 'Beta', eligible: false, isCentral: false },
      { structureId: 's9', name: 'COORACE Siège', eligible: true, isCentral: true },
      { structureId: 's4', name: 'Delta', eligible: false, isCentral: false },
      { structureId: 's3', name: 'Gamma', eligible: false, isCentral: false },
    ]);
  });
});

describe('riskInputsOf', () => {
  const cycle = { start: '2026-01-01', years: 3 as const };

  it('counts open NCs, overdue actions, latest and previous global scores across held campaigns', () => {
    const s = share('s1', 'Alpha', {
      agreementDate: '2026-02-01',
      // Latest campaign by date is c3 (2026-04-01, 0.45); the one before is c0 from the earlier shares (2025-10-01, 0.6).
      campaigns: [campaign('c3', '2026-04-01', 0.45), campaign('c1', '2025-03-01', 0.9)],
      earlier: [campaign('c0', '2025-10-01', 0.6), campaign('c3', '2026-04-01', 0.1)],
      audits: [
        audit('a1', {
          findings: [
            finding('f1', 'nc_majeure', 'aucune'), // open
            finding('f2', 'nc_majeure', 'realisee'), // closed
            finding('f3', 'nc_mineure', 'en_cours'), // open
            finding('f4', 'nc_mineure', 'abandonnee'), // abandoning does not close it: open
            finding('f5', 'point_sensible', 'aucune'), // not an NC
          ],
        }),
        audit('a2', { findings: [finding('f6', 'nc_mineure', 'a_lancer')] }), // open
      ],
      actions: [
        action('x1', 'en_cours', '2026-05-31'), // due before today 2026-06-15, open: overdue
        action('x2', 'a_lancer', '2026-06-14'), // overdue
        action('x3', 'realisee', '2026-01-01'), // done: not overdue
        action('x4', 'en_cours', '2026-06-15'), // due today: not overdue
        action('x5', 'a_lancer', ''), // no due date
      ],
    });
    expect(riskInputsOf(s, [], cycle, '2026-01-10', '2026-06-15')).toEqual({
      openNonConformities: { major: 1, minor: 3 },
      globalScore: 0.45,
      previousGlobalScore: 0.6,
      overdueActions: 2,
      // Signed 2026-02-01, after the last audit of 2026-01-10.
      isNew: true,
      visitedThisCycle: false,
    });
  });

  it('is not new without both dates, nor when it signed on or before the last audit', () => {
    const s = (agreementDate: string | null) => share('s1', 'Alpha', { agreementDate });
    expect(riskInputsOf(s('2026-01-10'), [], cycle, '2026-01-10', '2026-06-15').isNew).toBe(false);
    expect(riskInputsOf(s('2026-02-01'), [], cycle, null, '2026-06-15').isNew).toBe(false);
    expect(riskInputsOf(s('2026-02-01'), [], cycle, '', '2026-06-15').isNew).toBe(false);
    expect(riskInputsOf(s(null), [], cycle, '2026-01-10', '2026-06-15').isNew).toBe(false);
  });

  it('has no previous score with a single campaign', () => {
    const inputs = riskInputsOf(share('s1', 'Alpha'), [], cycle, null, '2026-06-15');
    expect(inputs.globalScore).toBe(0.7);
    expect(inputs.previousGlobalScore).toBeNull();
  });

  it('counts a visit only when selected other than as central function, in a draw dated within the cycle', () => {
    const selected = (structureId: string, reason: 'central' | 'random' | 'risk') => ({ structureId, name: structureId, cohort: null, reason, riskScore: null, riskFactors: [] });
    const draws: DrawRecord[] = [
      { auditType: 'initial', drawDate: '2025-12-31', selected: [selected('before', 'random')] }, // before the cycle
      { auditType: 'surveillance1', drawDate: '2026-01-01', selected: [selected('first', 'risk')] }, // first day: inside
      { auditType: 'surveillance2', drawDate: '2028-12-31', selected: [selected('last', 'random'), selected('hub', 'central')] }, // last day: inside
      { auditType: 'recertification', drawDate: '2029-01-01', selected: [selected('after', 'random')] }, // cycle end: outside
    ];
    const visited = (id: string, c: typeof cycle | null = cycle) => riskInputsOf(share(id, id), draws, c, null, '2029-06-01').visitedThisCycle;
    expect(visited('before')).toBe(false);
    expect(visited('first')).toBe(true);
    expect(visited('last')).toBe(true);
    expect(visited('hub')).toBe(false);
    expect(visited('after')).toBe(false);
    expect(visited('first', null)).toBe(false);
  });
});

describe('sampleInput', () => {
  const shares = [
    share('s2', 'Beta', { agreementDate: '2026-03-01', actions: [action('x', 'en_cours', '2026-06-30')] }),
    share('s1', 'COORACE Siège', { agreementDate: null }),
    share('s3', 'Gamma', { agreementDate: null }),
  ];

  it('puts the central function apart and the others as members, dating overdue actions by the draw date', () => {
    const input = sampleInput(group, shares, [], 42, '2026-07-01');
    expect(input.auditType).toBe('surveillance1');
    expect(input.seed).toBe(42);
    expect(input.previousAuditDate).toBe('2026-01-10');
    expect(input.central).toEqual({ structureId: 's1', name: 'COORACE Siège' });
    expect(input.members.map((m) => [m.structureId, m.agreementDate])).toEqual([
      ['s2', '2026-03-01'],
      ['s3', null],
    ]);
    // Due 2026-06-30, open, draw on 2026-07-01: overdue. Signed 2026-03-01 > last audit 2026-01-10: new.
    expect(input.members[0]!.risk).toMatchObject({ overdueActions: 1, isNew: true, visitedThisCycle: false });
    // Drawn on 2026-06-30 the same action is not overdue yet.
    expect(sampleInput(group, shares, [], 42, '2026-06-30').members[0]!.risk.overdueActions).toBe(0);
  });

  it('names the central function from the group when it has not shared, and has none when unnamed', () => {
    const others = shares.filter((s) => s.structureId !== 's1');
    expect(sampleInput(group, others, [], 1, '2026-07-01').central).toEqual({ structureId: 'central', name: 'COORACE Siège' });
    expect(sampleInput({ ...group, centralFunction: ' ' }, others, [], 1, '2026-07-01').central).toBeNull();
    expect(sampleInput({ ...group, previousAuditDate: '' }, others, [], 1, '2026-07-01').previousAuditDate).toBeNull();
  });

  it('takes the audit type given, else the group’s', () => {
    expect(sampleInput(group, shares, [], 1, '2026-07-01', 'recertification').auditType).toBe('recertification');
  });

  it('counts as visited only the earlier audits’ draws, so re-running a recorded draw gives the same sample', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      share(`m${String(i).padStart(2, '0')}`, `Membre ${i}`, { agreementDate: '2025-06-01', campaigns: [campaign('c', '2026-03-01', 0.3 + i * 0.05)] }),
    );
    const earlier: DrawRecord = {
      auditType: 'initial',
      drawDate: '2026-01-05',
      selected: ['m00', 'm01', 'm02'].map((structureId) => ({ structureId, name: structureId, cohort: 'etablis' as const, reason: 'random' as const, riskScore: 0, riskFactors: [] })),
    };
    const first = drawSample(sampleInput(group, many, [earlier], 777, '2026-07-01'));
    // The draw is recorded, then re-run: its own record (same audit type, same day) must not change any score.
    const recorded: SampleDraw = first;
    const again = drawSample(sampleInput(group, many, [earlier, recorded], 777, '2026-07-01'));
    expect(again).toEqual(first);
    // m00 was seen at the initial audit (in the cycle, before the draw): no « not visited » points; m03 was not.
    const m00 = sampleInput(group, many, [earlier], 777, '2026-07-01').members.find((m) => m.structureId === 'm00')!;
    const m03 = sampleInput(group, many, [earlier], 777, '2026-07-01').members.find((m) => m.structureId === 'm03')!;
    expect(m00.risk.visitedThisCycle).toBe(true);
    expect(m03.risk.visitedThisCycle).toBe(false);
    // m03: score 0.3 + 3 × 0.05 = 0.45 < 0.5 → 3 points, not visited → 3 points: total 6.
    expect(riskScore(m03.risk).total).toBe(6);
  });

  it('earlierAuditDraws keeps other audits drawn strictly before the day', () => {
    const d = (auditType: DrawRecord['auditType'], drawDate: string): DrawRecord => ({ auditType, drawDate, selected: [] });
    const draws = [d('initial', '2026-01-05'), d('surveillance1', '2026-02-01'), d('surveillance2', '2026-07-01'), d('surveillance2', '2026-08-01')];
    expect(earlierAuditDraws(draws, 'surveillance1', '2026-07-01')).toEqual([draws[0]]);
  });

  it('cycleOf is null until the cycle start is set', () => {
    expect(cycleOf({ cycleStart: '' })).toBeNull();
    expect(cycleOf({ cycleStart: '2026-01-01' })).toEqual({ start: '2026-01-01', years: 3 });
  });
});

describe('compareDraws', () => {
  const many = Array.from({ length: 10 }, (_, i) => share(`m${i}`, `Membre ${i}`, { agreementDate: '2025-06-01', campaigns: [campaign('c', '2026-03-01', 0.3 + i * 0.05)] }));
  const draw = drawSample(sampleInput(group, many, [], 99, '2026-07-01'));

  it('finds a re-run identical whatever the key order and extra record fields', () => {
    // A recorded draw carries id and recordedAt, and its keys may come back in another order.
    const stored = { id: 'r1', recordedAt: '2026-07-01T10:00:00Z', ...Object.fromEntries(Object.entries(draw).reverse()) } as unknown as SampleDraw;
    expect(compareDraws(stored, draw)).toEqual({ identical: true, sameSites: true, added: [], removed: [] });
  });

  it('tells a changed score from a changed sample', () => {
    // Same sites, one member's risk score changed (its share was updated).
    const rescored: SampleDraw = { ...draw, notSelected: draw.notSelected.map((m, i) => (i === 0 ? { ...m, riskScore: m.riskScore + 1 } : m)) };
    expect(compareDraws(draw, rescored)).toEqual({ identical: false, sameSites: true, added: [], removed: [] });
    // Another seed whose random pick differs: added/removed name the sites that changed.
    const key = (d: SampleDraw) => d.selected.map((s) => s.structureId).join();
    const other = Array.from({ length: 100 }, (_, i) => drawSample(sampleInput(group, many, [], 100 + i, '2026-07-01'))).find((d) => key(d) !== key(draw))!;
    const result = compareDraws(draw, other);
    const before = new Set(draw.selected.map((s) => s.name));
    const after = new Set(other.selected.map((s) => s.name));
    expect(result.identical).toBe(false);
    expect(result.sameSites).toBe(false);
    expect(result.added.length).toBeGreaterThan(0);
    expect(result.added).toEqual([...after].filter((n) => !before.has(n)));
    expect(result.removed).toEqual([...before].filter((n) => !after.has(n)));
  });
});
