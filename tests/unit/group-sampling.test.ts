/** IAF MD 1 site sampling: sizes, eligibility, cohorts, seeded draw, risk score (hand-computed). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISK_FACTORS, riskScore, type RiskInputs } from '../../src/domain/group/risk';
import {
  AUDIT_LABELS,
  CERTIFICATION_AUDITS,
  drawSample,
  randomCount,
  rationaleLines,
  sampleSize,
  sizeFormula,
  type CertificationAudit,
  type DrawInput,
  type SampleDraw,
  type SampleMemberInput,
} from '../../src/domain/group/sampling';
import { mulberry32, newSeed, parseSeed, shuffled } from '../../src/domain/group/seeded-random';

const calm: RiskInputs = {
  openNonConformities: { major: 0, minor: 0 },
  globalScore: 0.8,
  previousGlobalScore: 0.8,
  overdueActions: 0,
  isNew: false,
  visitedThisCycle: true,
};

const id = (i: number) => `s${String(i).padStart(4, '0')}`;
/** n members, all signed on 2020-01-01, risk varying with i so the ranking has something to do. */
function members(n: number, change: (i: number, m: SampleMemberInput) => void = () => {}): SampleMemberInput[] {
  return Array.from({ length: n }, (_, i) => {
    const m: SampleMemberInput = {
      structureId: id(i),
      name: `Structure ${i}`,
      agreementDate: '2020-01-01',
      risk: { ...calm, overdueActions: i % 4, visitedThisCycle: i % 3 !== 0 },
    };
    change(i, m);
    return m;
  });
}

const central = { structureId: 'central', name: 'COORACE (fonction centrale)' };
const input = (over: Partial<DrawInput> = {}): DrawInput => ({
  auditType: 'surveillance1',
  seed: 12345,
  drawDate: '2027-03-01',
  previousAuditDate: '2026-03-01',
  central,
  members: members(62),
  ...over,
});
const ids = (draw: SampleDraw) => draw.selected.map((s) => s.structureId);
const membersDrawn = (draw: SampleDraw) => draw.selected.filter((s) => s.reason !== 'central');

describe('sample sizes', () => {
  // √1 = 1 → 1/1/1; √2 = 1.414 → ⌈1.414⌉ = 2, ⌈0.849⌉ = 1, ⌈1.131⌉ = 2;
  // √62 = 7.874 → 8, ⌈4.724⌉ = 5, ⌈6.299⌉ = 7; √600 = 24.495 → 25, ⌈14.697⌉ = 15, ⌈19.596⌉ = 20.
  const expected: Record<number, [number, number, number, number]> = {
    0: [0, 0, 0, 0],
    1: [1, 1, 1, 1],
    2: [2, 1, 1, 2],
    62: [8, 5, 5, 7],
    600: [25, 15, 15, 20],
  };
  for (const [x, sizes] of Object.entries(expected)) {
    it(`${x} members → ${sizes.join(' / ')}`, () => {
      expect(CERTIFICATION_AUDITS.map((a) => sampleSize(a, Number(x)))).toEqual(sizes);
    });
  }

  it('keeps a whole k·√x whole', () => {
    // √25 = 5: 0.6 × 5 = 3, 0.8 × 5 = 4 exactly; √100 = 10: 6 and 8.
    expect(sampleSize('surveillance1', 25)).toBe(3);
    expect(sampleSize('recertification', 25)).toBe(4);
    expect(sampleSize('surveillance2', 100)).toBe(6);
    expect(sampleSize('recertification', 100)).toBe(8);
    expect(sampleSize('initial', 49)).toBe(7);
  });

  it('writes the formula the French way', () => {
    expect(sizeFormula('surveillance1', 62)).toBe('⌈0,6 × √62⌉ = 5');
    expect(sizeFormula('recertification', 600)).toBe('⌈0,8 × √600⌉ = 20');
    expect(sizeFormula('initial', 62)).toBe('⌈√62⌉ = 8');
  });

  it('draws at least 25 % at random: ⌈0.25 · n⌉', () => {
    // 1 → 1, 4 → 1, 5 → ⌈1.25⌉ = 2, 8 → 2, 25 → ⌈6.25⌉ = 7
    expect([0, 1, 4, 5, 8, 25].map(randomCount)).toEqual([0, 1, 1, 2, 2, 7]);
  });

  it('labels the audits in French', () => {
    expect(CERTIFICATION_AUDITS.map((a) => AUDIT_LABELS[a])).toEqual(['Audit initial', 'Surveillance 1', 'Surveillance 2', 'Renouvellement (recertification)']);
  });
});

describe('seeded generator', () => {
  it('is mulberry32: first outputs for seed 1 match the published algorithm', () => {
    // Reference values from bryc's original mulberry32 (github.com/bryc/code, PRNGs.md), seed a = 1, run in Node 22.
    const random = mulberry32(1);
    expect([random(), random(), random()].map((v) => v * 4294967296)).toEqual([2693262067, 11749833, 2265367787]);
    const top = mulberry32(4294967295);
    expect([top(), top()].map((v) => v * 4294967296)).toEqual([3850105811, 813802916]);
  });

  it('shuffles reproducibly and keeps every item', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const a = shuffled(items, mulberry32(7));
    expect(shuffled(items, mulberry32(7))).toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(a).not.toEqual(items);
  });

  it('makes fresh seeds in 1..2³²−1', () => {
    for (let i = 0; i < 20; i++) {
      const seed = newSeed();
      expect(Number.isInteger(seed) && seed >= 1 && seed <= 4294967295).toBe(true);
    }
  });

  it('reads a seed typed back by a person', () => {
    expect(parseSeed('12345')).toBe(12345);
    expect(parseSeed(' 4 294 967 295 ')).toBe(4294967295);
    expect(parseSeed('4294967296')).toBeNull();
    expect(parseSeed('0')).toBeNull();
    expect(parseSeed('-3')).toBeNull();
    expect(parseSeed('12.5')).toBeNull();
    expect(parseSeed('1e5')).toBeNull();
    expect(parseSeed('')).toBeNull();
    expect(parseSeed('abc')).toBeNull();
  });
});

describe('risk score', () => {
  it('adds capped points for non-conformities, overdue actions and a low, falling score', () => {
    // 3 majors → min(15, 10) = 10; 1 minor → 2; score 0.42 < 0.5 → 3; 0.60 → 0.42 is −18 points → 2;
    // 5 overdue → min(5, 3) = 3; not new → 0; visited → 0. Total 10 + 2 + 3 + 2 + 3 = 20.
    const score = riskScore({ ...calm, openNonConformities: { major: 3, minor: 1 }, globalScore: 0.42, previousGlobalScore: 0.6, overdueActions: 5 });
    expect(score.total).toBe(20);
    expect(score.factors.map((f) => [f.id, f.points])).toEqual([
      ['major_nc', 10],
      ['minor_nc', 2],
      ['low_score', 3],
      ['falling_score', 2],
      ['overdue_actions', 3],
    ]);
    expect(score.factors[0]!.detail).toBe('3 non-conformités majeures ouvertes');
    expect(score.factors[3]!.detail).toBe('score global passé de 60 % à 42 %');
  });

  it('scores a new member that never self-assessed nor was visited', () => {
    // new → 2; not visited → 3; no score → 3 (and neither low nor falling score). 4 minors → min(8, 6) = 6. Total 14.
    const score = riskScore({ ...calm, openNonConformities: { major: 0, minor: 4 }, globalScore: null, previousGlobalScore: 0.9, isNew: true, visitedThisCycle: false });
    expect(score.total).toBe(14);
    expect(score.factors.map((f) => f.id)).toEqual(['minor_nc', 'new_member', 'not_visited', 'no_score']);
  });

  it('counts a drop of exactly 5 points as falling, 4 points not, and gives a calm member 0', () => {
    // 0.30 → 0.25: 5 points (0.30 − 0.25 is 0.04999… in binary) → 2, and 0.25 < 0.5 → 3. Total 5.
    expect(riskScore({ ...calm, globalScore: 0.25, previousGlobalScore: 0.3 }).total).toBe(5);
    // 0.70 → 0.66: 4 points → 0; score ≥ 0.5 → 0.
    expect(riskScore({ ...calm, globalScore: 0.66, previousGlobalScore: 0.7 }).total).toBe(0);
    expect(riskScore(calm)).toEqual({ total: 0, factors: [] });
  });

  it('publishes one table row per factor, in French', () => {
    expect(RISK_FACTORS.map((f) => f.id)).toEqual(['major_nc', 'minor_nc', 'low_score', 'falling_score', 'overdue_actions', 'new_member', 'not_visited', 'no_score']);
    expect(RISK_FACTORS[0]).toEqual({ id: 'major_nc', label: 'Non-conformités majeures ouvertes', points: '5 points par non-conformité, 10 points au plus' });
  });
});

describe('drawing the sample', () => {
  it('always adds the central function on top, outside x', () => {
    // Central also listed among members: it must not count in x. 62 others → ⌈0.6 × √62⌉ = 5 members + central.
    const draw = drawSample(input({ members: [...members(62), { structureId: 'central', name: 'COORACE', agreementDate: '2020-01-01', risk: calm }] }));
    expect(draw.memberCount).toBe(62);
    expect(draw.selected[0]).toEqual({ structureId: 'central', name: central.name, cohort: null, reason: 'central', riskScore: null, riskFactors: [] });
    expect(draw.selected.filter((s) => s.structureId === 'central')).toHaveLength(1);
    expect(membersDrawn(draw)).toHaveLength(5);
    expect(draw.notSelected).toHaveLength(57);
  });

  it('draws the central function alone when no member is eligible', () => {
    const draw = drawSample(input({ members: [] }));
    expect(ids(draw)).toEqual(['central']);
    expect(draw.cohorts.map((c) => c.size)).toEqual([0, 0]);
  });

  it('gives the same sites for the same seed and different sites for other seeds', () => {
    const a = drawSample(input({ seed: 12345 }));
    expect(drawSample(input({ seed: 12345 }))).toEqual(a);
    // Input order does not matter: members are sorted by structureId before shuffling.
    expect(drawSample(input({ seed: 12345, members: members(62).reverse() }))).toEqual(a);
    const others = [1, 2, 3, 987654321].map((seed) => ids(drawSample(input({ seed }))).sort().join());
    expect(others.filter((o) => o !== [...ids(a)].sort().join()).length).toBeGreaterThanOrEqual(3);
  });

  it('draws the random part from all members, even the lowest risk ones', () => {
    // Only s0000…s0007 carry risk (a major NC, 5 points); the rest score 0. The 2 random picks at the initial
    // audit (⌈√62⌉ = 8, ⌈0.25 × 8⌉ = 2) are not limited to the risky ones: over 40 seeds, some land outside.
    const risky = (i: number, m: SampleMemberInput) => (m.risk = i < 8 ? { ...calm, openNonConformities: { major: 1, minor: 0 } } : calm);
    let outside = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const draw = drawSample(input({ auditType: 'initial', seed, members: members(62, risky) }));
      const random = draw.selected.filter((s) => s.reason === 'random');
      expect(random).toHaveLength(2);
      outside += random.filter((s) => s.riskScore === 0).length;
      // The 6 risk picks are all 5-point members not already drawn at random.
      expect(draw.selected.filter((s) => s.reason === 'risk').every((s) => s.riskScore === 5)).toBe(true);
    }
    // Expected about 40 × 2 × 54/62 ≈ 70; anything near that proves the random part is not shadowed by risk.
    expect(outside).toBeGreaterThan(40);
  });

  it('ranks the risk part by descending score', () => {
    const draw = drawSample(input());
    const riskPicks = draw.selected.filter((s) => s.reason === 'risk').map((s) => s.riskScore!);
    expect(riskPicks).toEqual([...riskPicks].sort((a, b) => b - a));
    // No member left out scores above the lowest risk pick of its cohort.
    expect(Math.max(...draw.notSelected.map((m) => m.riskScore))).toBeLessThanOrEqual(Math.min(...riskPicks));
  });

  it('never draws ineligible members and says why in French', () => {
    const draw = drawSample(
      input({
        members: members(62, (i, m) => {
          if (i === 0) m.agreementDate = null;
          if (i === 1) m.agreementDate = '2027-03-02';
          if (i === 2) m.agreementDate = 'bientôt';
          if (i === 3) m.agreementDate = '2027-03-01'; // signed on the draw day: eligible
          if (i < 3) m.risk = { ...calm, openNonConformities: { major: 5, minor: 5 } };
        }),
      }),
    );
    expect(draw.memberCount).toBe(59);
    expect(draw.ineligible).toEqual([
      { structureId: id(0), name: 'Structure 0', reason: "Pas de convention d'adhésion au groupe signée." },
      { structureId: id(1), name: 'Structure 1', reason: "Convention d'adhésion signée le 2 mars 2027, après la date du tirage (1 mars 2027)." },
      { structureId: id(2), name: 'Structure 2', reason: "Date de signature de la convention d'adhésion illisible (« bientôt »)." },
    ]);
    for (const seed of [1, 2, 3, 4, 5]) {
      const again = drawSample(input({ seed, members: members(62, (i, m) => i < 3 && (m.agreementDate = null)) }));
      expect(ids(again).some((s) => [id(0), id(1), id(2)].includes(s))).toBe(false);
    }
  });

  it('samples members who joined since the last audit as their own cohort', () => {
    // 50 established (signed 2020) + 12 new (signed 2026-06-01, after the 2026-03-01 audit).
    // Established: ⌈0.6 × √50⌉ = ⌈4.243⌉ = 5, random ⌈1.25⌉ = 2. New: ⌈0.6 × √12⌉ = ⌈2.078⌉ = 3, random ⌈0.75⌉ = 1.
    const draw = drawSample(input({ members: members(62, (i, m) => i >= 50 && (m.agreementDate = '2026-06-01')) }));
    expect(draw.cohorts).toEqual([
      { cohort: 'etablis', memberCount: 50, size: 5, randomCount: 2, riskCount: 3, formula: '⌈0,6 × √50⌉ = 5' },
      { cohort: 'nouveaux', memberCount: 12, size: 3, randomCount: 1, riskCount: 2, formula: '⌈0,6 × √12⌉ = 3' },
    ]);
    const fresh = membersDrawn(draw).filter((s) => s.cohort === 'nouveaux');
    expect(fresh).toHaveLength(3);
    expect(fresh.every((s) => Number(s.structureId.slice(1)) >= 50)).toBe(true);
    // At the initial audit there is one cohort of 62: ⌈√62⌉ = 8.
    const initial = drawSample(input({ auditType: 'initial', members: members(62, (i, m) => i >= 50 && (m.agreementDate = '2026-06-01')) }));
    expect(initial.cohorts.map((c) => [c.cohort, c.memberCount, c.size])).toEqual([['etablis', 62, 8]]);
  });

  it('refuses a bad seed or date with a French message', () => {
    expect(() => drawSample(input({ seed: 0 }))).toThrow('La graine doit être un nombre entier entre 1 et 4294967295.');
    expect(() => drawSample(input({ drawDate: '2027-02-30' }))).toThrow("La date du tirage n'est pas une date valide");
    expect(() => drawSample(input({ previousAuditDate: '2028-01-01' }))).toThrow('postérieure à la date du tirage');
    expect(() => drawSample(input({ members: [...members(3), ...members(1)] }))).toThrow('figure deux fois');
  });

  it('is a plain serialisable record', () => {
    const draw = drawSample(input());
    expect(JSON.parse(JSON.stringify(draw))).toEqual(draw);
  });
});

describe('rationale for the certification body', () => {
  it('states the seed, the sizes and why each site was chosen', () => {
    const draw = drawSample(input({ members: members(62, (i, m) => i >= 50 && (m.agreementDate = '2026-06-01')) }));
    const text = rationaleLines(draw).join('\n');
    expect(text).toContain('graine 12345');
    expect(text).toContain('Membres établis : 50 membres, échantillon ⌈0,6 × √50⌉ = 5, dont 2 tirés au hasard et 3 choisis selon le risque.');
    expect(text).toContain('Nouveaux membres : 12 membres, échantillon ⌈0,6 × √12⌉ = 3, dont 1 tiré au hasard et 2 choisis selon le risque.');
    expect(text).toContain('– COORACE (fonction centrale) : fonction centrale, auditée à chaque audit.');
    for (const f of RISK_FACTORS) expect(text).toContain(`– ${f.label} : ${f.points}.`);
    for (const s of membersDrawn(draw)) expect(text).toMatch(new RegExp(`– ${s.name} \\((membres établis|nouveaux membres)\\) : (tiré au hasard|choisi selon le risque) ; score de risque ${s.riskScore}`));
  });
});

const riskArb: fc.Arbitrary<RiskInputs> = fc.record({
  openNonConformities: fc.record({ major: fc.nat(3), minor: fc.nat(5) }),
  globalScore: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  previousGlobalScore: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  overdueActions: fc.nat(5),
  isNew: fc.boolean(),
  visitedThisCycle: fc.boolean(),
});
const dayArb = fc.constantFrom('2020-01-01', '2025-06-15', '2026-03-01', '2026-09-30', '2027-03-01', '2027-12-31');

describe('properties', () => {
  it('for any members and seed: cohort sizes follow the formula, no duplicates, enough random picks', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CertificationAudit>(...CERTIFICATION_AUDITS),
        fc.integer({ min: 1, max: 4294967295 }),
        fc.option(dayArb),
        fc.uniqueArray(fc.record({ structureId: fc.string({ minLength: 1, maxLength: 6 }), agreementDate: fc.option(dayArb), risk: riskArb }), {
          selector: (m) => m.structureId,
          maxLength: 120,
        }),
        (auditType, seed, previous, list) => {
          const previousAuditDate = previous !== null && previous <= '2027-03-01' ? previous : null;
          const draw = drawSample({ auditType, seed, drawDate: '2027-03-01', previousAuditDate, central: null, members: list.map((m) => ({ ...m, name: m.structureId })) });
          const picked = draw.selected.map((s) => s.structureId);
          expect(new Set(picked).size).toBe(picked.length);
          expect(draw.memberCount + draw.ineligible.length).toBe(list.length);
          expect(draw.cohorts.reduce((n, c) => n + c.memberCount, 0)).toBe(draw.memberCount);
          const ineligible = new Set(draw.ineligible.map((m) => m.structureId));
          expect(picked.some((p) => ineligible.has(p))).toBe(false);
          for (const c of draw.cohorts) {
            const inCohort = draw.selected.filter((s) => s.cohort === c.cohort);
            expect(c.size).toBe(sampleSize(auditType, c.memberCount));
            expect(inCohort).toHaveLength(c.size);
            expect(inCohort.filter((s) => s.reason === 'random').length).toBeGreaterThanOrEqual(Math.ceil(0.25 * c.size));
            expect(draw.notSelected.filter((m) => m.cohort === c.cohort)).toHaveLength(c.memberCount - c.size);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('performance', () => {
  it('draws among 600 members in under 50 ms (best of 5)', () => {
    const big = members(600, (i, m) => {
      m.risk = { ...m.risk, openNonConformities: { major: i % 7 === 0 ? 1 : 0, minor: i % 5 }, globalScore: i % 11 === 0 ? null : (i % 100) / 100 };
      if (i % 9 === 0) m.agreementDate = '2026-06-01';
      if (i % 50 === 0) m.agreementDate = null;
    });
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      const draw = drawSample(input({ auditType: 'recertification', seed: 1000 + run, members: big }));
      rationaleLines(draw);
      times.push(performance.now() - start);
    }
    expect(Math.min(...times)).toBeLessThan(50);
  });
});
