/** The group's internal audit programme (IAF MD 1 coverage, initial-audit gate) and auditor independence. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cycleEnd,
  cycleQuarters,
  initialAuditGate,
  planByQuarter,
  programmeCoverage,
  quarterKey,
  quarterLabel,
  type AuditDone,
  type Cycle,
  type PlannedAudit,
  type PoolAuditor,
  type ProgrammeMember,
} from '../../src/domain/group/audit-programme';
import { canPlan, eligibleAuditors, independenceProblems } from '../../src/domain/group/independence';

const cycle: Cycle = { start: '2026-07-01', years: 3 }; // ends 2029-07-01 (exclusive)

const members: ProgrammeMember[] = [
  { structureId: 'a', name: 'Accueil Emploi', eligible: true },
  { structureId: 'b', name: 'Bâtir Ensemble', eligible: true },
  { structureId: 'c', name: 'Chantier Vert', eligible: true },
  { structureId: 'd', name: 'Domicile Services', eligible: true },
  { structureId: 'e', name: 'Entraide 35', eligible: true },
  { structureId: 'f', name: "Fil d'Ariane", eligible: true },
  { structureId: 'g', name: 'Graines', eligible: false },
];
const done = (structureId: string, kind: AuditDone['kind'], date: string): AuditDone => ({ structureId, kind, date, auditingStructure: 'x' });
const entry = (id: string, auditedId: string, auditorIds: string[], quarter: string): PlannedAudit => ({ id, auditedId, auditorIds, quarter });

describe('quarters and cycle', () => {
  it('keys a date by its calendar quarter and labels it the French way', () => {
    expect(quarterKey('2027-01-15')).toBe('2027-T1');
    expect(quarterKey('2027-03-31')).toBe('2027-T1');
    expect(quarterKey('2027-04-01')).toBe('2027-T2');
    expect(quarterKey('2027-12-31T23:00:00.000Z')).toBe('2027-T4');
    expect(quarterLabel('2027-T1')).toBe('T1 2027');
    expect(quarterLabel('n/a')).toBe('n/a');
  });

  it('ends a cycle 3 years after its start; 29 February rolls to 1 March', () => {
    expect(cycleEnd(cycle)).toBe('2029-07-01');
    expect(cycleEnd({ start: '2028-02-29', years: 3 })).toBe('2031-03-01'); // 2031 is not a leap year
  });

  it('lists the 12 quarters of a cycle starting on 2026-07-01', () => {
    // 2026: T3 T4 (2) + 2027 (4) + 2028 (4) + 2029: T1 T2 (2) = 12; 2029-T3 starts on the end day, outside.
    expect(cycleQuarters(cycle)).toEqual([
      '2026-T3', '2026-T4',
      '2027-T1', '2027-T2', '2027-T3', '2027-T4',
      '2028-T1', '2028-T2', '2028-T3', '2028-T4',
      '2029-T1', '2029-T2',
    ]);
  });

  it('keeps both partial quarters of a cycle starting mid-quarter', () => {
    // 2026-08-15 → 2029-08-15: 2026-T3 … 2029-T3, since 2029-07-01..08-14 still belong to the cycle.
    const quarters = cycleQuarters({ start: '2026-08-15', years: 3 });
    expect(quarters).toHaveLength(13);
    expect([quarters[0], quarters[12]]).toEqual(['2026-T3', '2029-T3']);
  });
});

describe('programmeCoverage', () => {
  const audits = [
    done('a', 'interne', '2026-07-01'), // the cycle's first day counts
    done('b', 'interne', '2026-03-01'),
    done('b', 'blanc', '2027-02-01'), // a mock audit counts as internal, and is the latest
    done('c', 'croise', '2026-06-30'), // the day before the cycle: not in it
    done('e', 'interne', '2029-07-01'), // the end day is outside the cycle
  ];
  const plan = [
    entry('p-c', 'c', [], '2027-T4'), // future
    entry('p-d', 'd', [], '2027-T1'), // over (today is in 2027-T2)
    entry('p-f1', 'f', [], '2026-T4'), // over, but rescheduled:
    entry('p-f2', 'f', [], '2027-T2'), // the current quarter is not over
    entry('p-g', 'g', [], '2026-T2'), // before the cycle: ignored
  ];
  const coverage = programmeCoverage(members, audits, cycle, '2027-05-10', plan);
  const row = (id: string) => coverage.members.find((m) => m.structureId === id)!;

  it('gives each member its status with a fixed today', () => {
    expect(coverage.members.map((m) => [m.structureId, m.status])).toEqual([
      ['a', 'audite'],
      ['b', 'audite'],
      ['c', 'planifie'],
      ['d', 'en_retard'],
      ['e', 'a_planifier'],
      ['f', 'planifie'],
      ['g', 'a_planifier'],
    ]);
  });

  it('reports the last audit before the cycle end and the planned quarters within the cycle', () => {
    expect(row('b')).toMatchObject({ auditedInCycle: true, lastAudit: { date: '2027-02-01', kind: 'blanc' } });
    expect(row('c')).toMatchObject({ auditedInCycle: false, lastAudit: { date: '2026-06-30', kind: 'croise' }, plannedQuarters: ['2027-T4'] });
    expect(row('e')).toMatchObject({ auditedInCycle: false, lastAudit: null, plannedQuarters: [] });
    expect(row('f').plannedQuarters).toEqual(['2026-T4', '2027-T2']);
    expect(row('g').plannedQuarters).toEqual([]);
  });

  it('totals the eligible members only', () => {
    // eligible a–f = 6; audited a, b = 2; 2 × 100 / 6 = 33.3 → 33 (rounded down)
    expect(coverage.totals).toEqual({ eligible: 6, audited: 2, percentage: 33, byStatus: { audite: 2, planifie: 2, a_planifier: 1, en_retard: 1 } });
  });

  it('shows 100 % only when every eligible member is audited', () => {
    const all = members.slice(0, 2);
    expect(programmeCoverage(all, audits, cycle, '2027-05-10', []).totals.percentage).toBe(100);
    expect(programmeCoverage([], audits, cycle, '2027-05-10', []).totals).toMatchObject({ eligible: 0, percentage: 0 });
  });
});

describe('initialAuditGate', () => {
  const audits = [done('a', 'interne', '2026-07-01'), done('b', 'blanc', '2027-02-01'), done('c', 'croise', '2026-06-30'), done('d', 'interne', '2027-03-13')];

  it('lists the eligible members not audited on or before the initial audit, by name', () => {
    // d is audited the day after; e, f never; g is not eligible.
    const gate = initialAuditGate(members, audits, '2027-03-12');
    expect(gate.ready).toBe(false);
    expect(gate.missing).toEqual([
      { structureId: 'd', name: 'Domicile Services' },
      { structureId: 'e', name: 'Entraide 35' },
      { structureId: 'f', name: "Fil d'Ariane" },
    ]);
    expect(gate.message).toBe(
      "Avant l'audit initial du 12 mars 2027, 3 structures n'ont pas encore été auditées en interne : Domicile Services, Entraide 35 et Fil d'Ariane.",
    );
  });

  it('counts an audit dated on the initial audit day, and uses the singular for one member', () => {
    // a, b, c before; d on the day itself; e never.
    const gate = initialAuditGate(members.slice(0, 5), audits, '2027-03-13');
    expect(gate.message).toBe("Avant l'audit initial du 13 mars 2027, 1 structure n'a pas encore été auditée en interne : Entraide 35.");
  });

  it('is ready when every eligible member was audited', () => {
    const gate = initialAuditGate(members.slice(0, 3), audits, '2027-03-12');
    expect(gate).toEqual({ ready: true, missing: [], message: "Toutes les structures adhérentes (3) ont été auditées en interne avant l'audit initial du 12 mars 2027." });
  });

  it('is not ready without any eligible member', () => {
    expect(initialAuditGate([members[6]!], [], '2027-03-12').ready).toBe(false);
  });
});

const alice: PoolAuditor = { id: 'alice', name: 'Alice Martin', structureId: 'a' };
const bruno: PoolAuditor = { id: 'bruno', name: 'Bruno Petit', structureId: 'b' };
const chloe: PoolAuditor = { id: 'chloe', name: 'Chloé Roux', structureId: 'c' };
const david: PoolAuditor = { id: 'david', name: 'David Leroy', structureId: 'd' };
const emma: PoolAuditor = { id: 'emma', name: 'Emma Blanc', structureId: 'c' };
const pool = [alice, bruno, chloe, david, emma];

describe('planByQuarter', () => {
  it('groups by quarter, oldest first, and resolves names', () => {
    const plan = [entry('p1', 'c', ['alice'], '2027-T4'), entry('p2', 'd', ['bruno', 'zz'], '2027-T1'), entry('p3', 'b', ['alice'], '2027-T1')];
    expect(planByQuarter(plan, members, pool)).toEqual([
      {
        quarter: '2027-T1',
        label: 'T1 2027',
        audits: [
          { id: 'p3', auditedId: 'b', auditedName: 'Bâtir Ensemble', auditors: [{ id: 'alice', name: 'Alice Martin', structureId: 'a', structureName: 'Accueil Emploi' }] },
          {
            id: 'p2',
            auditedId: 'd',
            auditedName: 'Domicile Services',
            auditors: [
              { id: 'bruno', name: 'Bruno Petit', structureId: 'b', structureName: 'Bâtir Ensemble' },
              { id: 'zz', name: 'Auditeur inconnu (zz)', structureId: '', structureName: '' },
            ],
          },
        ],
      },
      {
        quarter: '2027-T4',
        label: 'T4 2027',
        audits: [{ id: 'p1', auditedId: 'c', auditedName: 'Chantier Vert', auditors: [{ id: 'alice', name: 'Alice Martin', structureId: 'a', structureName: 'Accueil Emploi' }] }],
      },
    ]);
  });
});

describe('independence rules', () => {
  it('refuses an auditor on their own structure', () => {
    const plan = [entry('p1', 'a', ['alice'], '2027-T1')];
    expect(independenceProblems(plan, pool, cycle, members)).toEqual([
      {
        plannedAuditId: 'p1',
        rule: 'propre_structure',
        blocking: true,
        message: "Audit chez Accueil Emploi (T1 2027) : Alice Martin travaille pour cette structure et ne peut pas l'auditer.",
      },
    ]);
    expect(canPlan(plan[0]!, [], pool, cycle).map((p) => p.rule)).toEqual(['propre_structure']);
  });

  it('refuses A → B then B → A in the same calendar year, on both sides', () => {
    const aToB = entry('p1', 'b', ['alice'], '2027-T1');
    const bToA = entry('p2', 'a', ['bruno'], '2027-T3');
    const problems = independenceProblems([aToB, bToA], pool, cycle, members);
    expect(problems.map((p) => [p.plannedAuditId, p.rule, p.blocking])).toEqual([
      ['p1', 'reciproque', true],
      ['p2', 'reciproque', true],
    ]);
    expect(problems[1]!.message).toBe(
      "Audit chez Accueil Emploi (T3 2027) : Bruno Petit travaille pour Bâtir Ensemble, or Accueil Emploi audite Bâtir Ensemble la même année (T1 2027). Deux structures ne s'auditent pas l'une l'autre la même année.",
    );
    expect(canPlan(bToA, [aToB], pool, cycle).map((p) => p.rule)).toEqual(['reciproque']);
  });

  it('applies reciprocity to structures, not to persons', () => {
    // chloe (c) audits d in 2027, so nobody from d may audit c in 2027, whoever the persons are.
    const plan = [entry('p1', 'd', ['chloe'], '2027-T2')];
    expect(canPlan(entry('p2', 'c', ['david'], '2027-T4'), plan, pool, cycle).map((p) => p.rule)).toEqual(['reciproque']);
    // emma (c) auditing d too is the same direction: no reciprocity (and not the same auditor: no rotation).
    expect(canPlan(entry('p3', 'd', ['emma'], '2027-T4'), plan, pool, cycle)).toEqual([]);
  });

  it('accepts A → B and B → A in different years', () => {
    const plan = [entry('p1', 'b', ['alice'], '2027-T4'), entry('p2', 'a', ['bruno'], '2028-T1')];
    expect(independenceProblems(plan, pool, cycle)).toEqual([]);
  });

  it('refuses the same auditor twice on one member within the cycle, charging the later audit', () => {
    const first = entry('p1', 'b', ['alice'], '2027-T1');
    const second = entry('p2', 'b', ['alice'], '2028-T2');
    // Listed later-first in the plan: the earlier quarter is still the legitimate one.
    const problems = independenceProblems([second, first], pool, cycle, members);
    expect(problems).toEqual([
      {
        plannedAuditId: 'p2',
        rule: 'rotation',
        blocking: true,
        message:
          "Audit chez Bâtir Ensemble (T2 2028) : Alice Martin a déjà un audit de cette structure dans le cycle (T1 2027). Un auditeur n'audite pas deux fois la même structure dans un cycle.",
      },
    ]);
    expect(canPlan(second, [first], pool, cycle).map((p) => p.rule)).toEqual(['rotation']);
  });

  it('accepts the same auditor once per cycle, and an edit of the audit itself', () => {
    // 2026-T3 belongs to the cycle 2026-07-01 → 2029-07-01; 2029-T3 to the next one.
    const plan = [entry('p1', 'b', ['alice'], '2026-T3'), entry('p2', 'b', ['alice'], '2029-T3')];
    expect(independenceProblems(plan, pool, cycle)).toEqual([]);
    expect(independenceProblems(plan, pool, { start: '2029-07-01', years: 3 })).toEqual([]);
    // Moving p1 to another quarter does not collide with p1's own current slot.
    expect(canPlan(entry('p1', 'b', ['alice'], '2027-T2'), plan, pool, cycle)).toEqual([]);
  });

  it('warns, without blocking, beyond 6 audits for one auditor in a quarter', () => {
    const six = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((m, i) => entry(`p${i + 1}`, m, ['alice'], '2027-T1'));
    const seventh = entry('p7', 'm7', ['alice'], '2027-T1');
    expect(independenceProblems(six, pool, cycle)).toEqual([]);
    expect(independenceProblems([...six, seventh], pool, cycle)).toEqual([
      { plannedAuditId: 'p7', rule: 'charge', blocking: false, message: 'T1 2027 : Alice Martin aurait 7 audits dans le trimestre (plus de 6). Vérifiez sa disponibilité.' },
    ]);
    expect(canPlan(seventh, six, pool, cycle).map((p) => [p.rule, p.blocking])).toEqual([['charge', false]]);
    // The same auditor in the next quarter is fine.
    expect(canPlan(entry('p8', 'm7', ['alice'], '2027-T2'), six, pool, cycle)).toEqual([]);
  });
});

describe('eligibleAuditors', () => {
  it('leaves out whoever would raise a blocking problem', () => {
    // Auditing b in 2027-T3: bruno works there; alice already audits b in the cycle; chloe and emma come
    // from c, which b audits in 2027; david remains.
    const plan = [entry('p1', 'b', ['alice'], '2027-T1'), entry('p2', 'c', ['bruno'], '2027-T2')];
    expect(eligibleAuditors('b', '2027-T3', plan, pool, cycle).map((a) => a.id)).toEqual(['david']);
    // In 2028 the pair b → c is no longer in the same year: chloe and emma come back.
    expect(eligibleAuditors('b', '2028-T1', plan, pool, cycle).map((a) => a.id)).toEqual(['chloe', 'david', 'emma']);
  });

  it('gives exactly the candidates that canPlan accepts (property)', () => {
    const structures = ['s0', 's1', 's2', 's3', 's4', 's5'];
    const quarters = ['2026-T2', ...cycleQuarters(cycle), '2029-T3', '2030-T1'];
    const poolArb = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), name: fc.constant('X'), structureId: fc.constantFrom(...structures) }), {
      selector: (a) => a.id,
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        poolArb.chain((generatedPool) =>
          fc.record({
            pool: fc.constant(generatedPool),
            plan: fc.array(
              fc.record({
                id: fc.uuid(),
                auditedId: fc.constantFrom(...structures),
                auditorIds: fc.array(fc.constantFrom(...generatedPool.map((a) => a.id)), { maxLength: 3 }),
                quarter: fc.constantFrom(...quarters),
              }),
              { maxLength: 40 },
            ),
            auditedId: fc.constantFrom(...structures),
            quarter: fc.constantFrom(...quarters),
          }),
        ),
        ({ pool: generatedPool, plan, auditedId, quarter }) => {
          const eligible = new Set(eligibleAuditors(auditedId, quarter, plan, generatedPool, cycle).map((a) => a.id));
          for (const auditor of generatedPool) {
            const candidate = entry('candidate', auditedId, [auditor.id], quarter);
            const blocking = canPlan(candidate, plan, generatedPool, cycle).some((p) => p.blocking);
            expect(blocking).toBe(!eligible.has(auditor.id));
          }
          // Several eligible auditors together stay acceptable.
          const team = entry('candidate', auditedId, [...eligible], quarter);
          expect(canPlan(team, plan, generatedPool, cycle).filter((p) => p.blocking)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('scale', () => {
  it('checks 600 members and a 600-entry plan well under 50 ms', () => {
    // One auditor per member; member i audited by the auditors of members i+1 and i+2, quarters in turn.
    const n = 600;
    const quarters = cycleQuarters(cycle);
    const bigPool = Array.from({ length: n }, (_, i): PoolAuditor => ({ id: `aud${i}`, name: `Auditeur ${i}`, structureId: `m${i}` }));
    const bigMembers = Array.from({ length: n }, (_, i): ProgrammeMember => ({ structureId: `m${i}`, name: `Membre ${i}`, eligible: true }));
    const plan = Array.from({ length: n }, (_, i) => entry(`p${i}`, `m${i}`, [`aud${(i + 1) % n}`, `aud${(i + 2) % n}`], quarters[i % 12]!));
    const run = () => {
      independenceProblems(plan, bigPool, cycle, bigMembers);
      canPlan(entry('new', 'm5', ['aud9'], '2027-T1'), plan, bigPool, cycle, bigMembers);
      eligibleAuditors('m5', '2027-T1', plan, bigPool, cycle);
      programmeCoverage(bigMembers, [], cycle, '2027-05-10', plan);
    };
    run(); // warm-up: the first call pays for compilation
    // Best of 3, so a garbage-collection pause in a busy test run does not fail the check.
    const times = [0, 1, 2].map(() => {
      const started = performance.now();
      run();
      return performance.now() - started;
    });
    expect(Math.min(...times)).toBeLessThan(50);
    expect(independenceProblems(plan, bigPool, cycle)).toEqual([]);
  });
});
