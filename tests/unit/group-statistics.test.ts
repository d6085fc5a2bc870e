/** Group console statistics and the anonymised « repère réseau », with hand-computed expectations. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distribution, mean, quartiles } from '../../src/domain/group/statistics';
import {
  MIN_CONTRIBUTORS,
  POSITION_LABELS,
  WITHHELD_NOTICE,
  networkBenchmark,
  positionAgainst,
  type BenchmarkEntry,
  type MemberScores,
} from '../../src/domain/group/benchmark';

describe('quartiles (QUARTILE.INCLUS: position p·(n−1) on the sorted values, interpolated)', () => {
  it('five values: positions 1, 2, 3 fall on values', () => {
    // sorted [0.2, 0.4, 0.5, 0.6, 0.9]; n−1 = 4 → q1 at 1 (0.4), median at 2 (0.5), q3 at 3 (0.6)
    expect(quartiles([0.9, 0.2, 0.6, 0.4, 0.5])).toEqual({ n: 5, min: 0.2, q1: 0.4, median: 0.5, q3: 0.6, max: 0.9 });
  });

  it('four values: interpolates between neighbours', () => {
    // n−1 = 3 → q1 at 0.75: 1 + 0.75·(2−1) = 1.75; median at 1.5: 2 + 0.5·1 = 2.5; q3 at 2.25: 3 + 0.25·1 = 3.25
    expect(quartiles([4, 1, 3, 2])).toEqual({ n: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
  });

  it('ten values, as Excel QUARTILE.INCLUS({1..10}) gives 3.25 / 5.5 / 7.75', () => {
    // n−1 = 9 → q1 at 2.25: 3 + 0.25 = 3.25; median at 4.5: 5 + 0.5 = 5.5; q3 at 6.75: 7 + 0.75 = 7.75
    expect(quartiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toMatchObject({ q1: 3.25, median: 5.5, q3: 7.75 });
  });

  it('one value: every figure is that value', () => {
    expect(quartiles([0.7])).toEqual({ n: 1, min: 0.7, q1: 0.7, median: 0.7, q3: 0.7, max: 0.7 });
  });

  it('two values: quarter, half and three quarters of the way', () => {
    // n−1 = 1 → positions 0.25, 0.5, 0.75 between 2 and 6: 2 + 0.25·4 = 3, 2 + 0.5·4 = 4, 2 + 0.75·4 = 5
    expect(quartiles([6, 2])).toEqual({ n: 2, min: 2, q1: 3, median: 4, q3: 5, max: 6 });
    // 0.2 + 0.25·0.4 = 0.3; 0.2 + 0.5·0.4 = 0.4; 0.2 + 0.75·0.4 = 0.5
    const q = quartiles([0.2, 0.6]);
    expect(q?.q1).toBeCloseTo(0.3, 12);
    expect(q?.median).toBeCloseTo(0.4, 12);
    expect(q?.q3).toBeCloseTo(0.5, 12);
  });

  it('null for an empty list; refuses NaN or infinities', () => {
    expect(quartiles([])).toBeNull();
    expect(() => quartiles([0.5, Number.NaN])).toThrow(RangeError);
    expect(() => quartiles([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    quartiles(values);
    expect(values).toEqual([3, 1, 2]);
  });

  // Scores are 0…1; a wider range checks the method itself. `+ 0` turns −0 into 0 so that equality below
  // does not hinge on which zero a stable sort keeps first.
  const value = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0);
  const values = fc.array(value, { minLength: 1, maxLength: 40 });

  it('property: min ≤ q1 ≤ median ≤ q3 ≤ max, and n is the count', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const q = quartiles(vs);
        expect(q).not.toBeNull();
        if (!q) return;
        expect(q.n).toBe(vs.length);
        expect(q.min).toBe(Math.min(...vs));
        expect(q.max).toBe(Math.max(...vs));
        expect(q.min <= q.q1 && q.q1 <= q.median && q.median <= q.q3 && q.q3 <= q.max).toBe(true);
      }),
    );
  });

  it('property: the same figures whatever the input order', () => {
    const listAndShuffle = values.chain((vs) => fc.tuple(fc.constant(vs), fc.shuffledSubarray(vs, { minLength: vs.length, maxLength: vs.length })));
    fc.assert(
      fc.property(listAndShuffle, ([vs, shuffled]) => {
        expect(quartiles(shuffled)).toEqual(quartiles(vs));
      }),
    );
  });
});

describe('distribution and mean', () => {
  it('groups by key and leaves null values out', () => {
    const result = distribution([
      { key: 'ID', value: 0.9 },
      { key: 'SU', value: 0.1 },
      { key: 'ID', value: 0.2 },
      { key: 'ID', value: null },
      { key: 'ID', value: 0.5 },
      { key: 'AC', value: null },
    ]);
    // ID: [0.2, 0.5, 0.9], n−1 = 2 → q1 at 0.5: 0.2 + 0.5·0.3 = 0.35; median 0.5; q3 at 1.5: 0.5 + 0.5·0.4 = 0.7
    const id = result.get('ID');
    expect(id).toMatchObject({ n: 3, min: 0.2, median: 0.5, max: 0.9 });
    expect(id?.q1).toBeCloseTo(0.35, 12);
    expect(id?.q3).toBeCloseTo(0.7, 12);
    expect(result.get('SU')).toEqual({ n: 1, min: 0.1, q1: 0.1, median: 0.1, q3: 0.1, max: 0.1 });
    // AC has no value at all: no entry (the screen shows « — »)
    expect(result.has('AC')).toBe(false);
    expect([...result.keys()]).toEqual(['ID', 'SU']);
  });

  it('mean over non-null values, null when none', () => {
    // (0.2 + 0.4 + 0.9) / 3 = 0.5
    expect(mean([0.2, null, 0.4, 0.9])).toBeCloseTo(0.5, 12);
    expect(mean([null, null])).toBeNull();
    expect(mean([])).toBeNull();
  });
});

/** One member with a score for theme ID and its sub-themes ID.1 and ID.2. */
function member(structureId: string, id: number | null, id1: number | null, id2: number | null = null): MemberScores {
  return {
    structureId,
    themes: [
      {
        code: 'ID',
        value: id,
        subThemes: [
          { code: 'ID.1', value: id1 },
          { code: 'ID.2', value: id2 },
        ],
      },
    ],
  };
}

const names = ['Atelier Alpha', 'Bravo Insertion', 'Chantier Charlie', 'Delta Services', 'Echo Emploi', 'Foxtrot Solidaire'];

describe('networkBenchmark (repère réseau)', () => {
  it('publishes a figure scored by 5 structures, withholds one scored by 4', () => {
    const members = [
      member(names[0]!, 0.9, 0.8),
      member(names[1]!, 0.2, 0.1),
      member(names[2]!, 0.6, 0.3),
      member(names[3]!, 0.4, 0.7),
      member(names[4]!, 0.5, null), // ID.1 not scored here: only 4 contributors for it
    ];
    const benchmark = networkBenchmark(members);
    expect(MIN_CONTRIBUTORS).toBe(5);
    expect(benchmark.contributors).toBe(5);
    // ID: sorted [0.2, 0.4, 0.5, 0.6, 0.9] → 0.4 / 0.5 / 0.6
    expect(benchmark.themes).toEqual([{ code: 'ID', n: 5, q1: 0.4, median: 0.5, q3: 0.6 }]);
    // ID.1 has 4 scores, ID.2 none: both withheld
    expect(benchmark.subThemes).toEqual([]);
    expect(benchmark.withheld).toEqual(['ID.1', 'ID.2']);
    expect(WITHHELD_NOTICE).toBe('Moins de 5 structures : non communiqué');
  });

  it('4 members: everything withheld; a 5th makes the figures appear', () => {
    const four = [member(names[0]!, 0.1, 0.1), member(names[1]!, 0.2, 0.2), member(names[2]!, 0.3, 0.3), member(names[3]!, 0.4, 0.4)];
    const withFour = networkBenchmark(four);
    expect(withFour.themes).toEqual([]);
    expect(withFour.subThemes).toEqual([]);
    expect(withFour.withheld).toEqual(['ID', 'ID.1', 'ID.2']);

    const withFive = networkBenchmark([...four, member(names[4]!, 0.5, 0.5)]);
    // [0.1 … 0.5], n−1 = 4 → positions 1, 2, 3: 0.2 / 0.3 / 0.4
    expect(withFive.themes).toEqual([{ code: 'ID', n: 5, q1: 0.2, median: 0.3, q3: 0.4 }]);
    expect(withFive.subThemes).toEqual([{ code: 'ID.1', n: 5, q1: 0.2, median: 0.3, q3: 0.4 }]);
    expect(withFive.withheld).toEqual(['ID.2']);
  });

  it('a null score does not count as a contributor for that theme', () => {
    // Six structures, but one has no ID score and another no score at all: ID has 4 scores → withheld
    const members = [
      member(names[0]!, 0.5, 0.5),
      member(names[1]!, 0.6, 0.6),
      member(names[2]!, 0.7, 0.7),
      member(names[3]!, 0.8, 0.8),
      member(names[4]!, null, 0.9),
      member(names[5]!, null, null),
    ];
    const benchmark = networkBenchmark(members);
    // names[5] scored nothing; the other five scored something
    expect(benchmark.contributors).toBe(5);
    expect(benchmark.themes).toEqual([]);
    // ID.1: [0.5, 0.6, 0.7, 0.8, 0.9] → 0.6 / 0.7 / 0.8
    expect(benchmark.subThemes).toEqual([{ code: 'ID.1', n: 5, q1: 0.6, median: 0.7, q3: 0.8 }]);
    expect(benchmark.withheld).toEqual(['ID', 'ID.2']);
  });

  it('names no structure and publishes no min or max', () => {
    const members = names.map((name, i) => member(`${name}-uuid-${i}`, 0.1 * (i + 1), 0.05 * (i + 1), 0.3));
    const benchmark = networkBenchmark(members);
    const json = JSON.stringify(benchmark);
    for (const m of members) expect(json).not.toContain(m.structureId);
    for (const name of names) expect(json).not.toContain(name);
    expect(json).not.toMatch(/structure|min|max/i);
    for (const entry of [...benchmark.themes, ...benchmark.subThemes]) expect(Object.keys(entry).sort()).toEqual(['code', 'median', 'n', 'q1', 'q3']);
    expect(benchmark.subThemes.map((e) => e.code)).toEqual(['ID.1', 'ID.2']);
  });

  it('rounds to 4 decimals', () => {
    const third = 1 / 3;
    // sorted [1/3, 1/3, 2/3, 2/3, 1] → positions 1, 2, 3: 1/3, 2/3, 2/3 → 0.3333 / 0.6667 / 0.6667
    const members = [third, 1, 2 * third, third, 2 * third].map((v, i) => member(names[i]!, v, null));
    expect(networkBenchmark(members).themes).toEqual([{ code: 'ID', n: 5, q1: 0.3333, median: 0.6667, q3: 0.6667 }]);
  });

  it('refuses a structure listed twice (it would count double towards the threshold)', () => {
    const members = [member('s1', 0.1, 0.1), member('s2', 0.2, 0.2), member('s3', 0.3, 0.3), member('s4', 0.4, 0.4), member('s4', 0.5, 0.5)];
    expect(() => networkBenchmark(members)).toThrow(RangeError);
  });

  it('counts a sub-theme code listed twice by one member once', () => {
    const members = names.slice(0, 4).map((name) => member(name, 0.5, 0.5));
    const doubled: MemberScores = {
      structureId: names[4]!,
      themes: [{ code: 'ID', value: 0.5, subThemes: [{ code: 'ID.1', value: 0.5 }] }, { code: 'ID', value: 0.9, subThemes: [{ code: 'ID.1', value: 0.9 }] }],
    };
    // With the duplicates counted, ID would reach 6 scores; kept once, 5 (all 0.5)
    const benchmark = networkBenchmark([...members, doubled]);
    expect(benchmark.themes).toEqual([{ code: 'ID', n: 5, q1: 0.5, median: 0.5, q3: 0.5 }]);
    expect(benchmark.subThemes).toEqual([{ code: 'ID.1', n: 5, q1: 0.5, median: 0.5, q3: 0.5 }]);
  });

  it('property: published entries have n ≥ 5, every code is published or withheld, member order does not matter', () => {
    const score = fc.option(fc.integer({ min: 0, max: 100 }).map((v) => v / 100), { nil: null });
    const members = fc.array(fc.tuple(score, score, score), { minLength: 0, maxLength: 12 }).map((rows) => rows.map(([a, b, c], i) => member(`s${i}`, a, b, c)));
    const withShuffle = members.chain((ms) => fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length, maxLength: ms.length })));
    fc.assert(
      fc.property(withShuffle, ([ms, shuffled]) => {
        const benchmark = networkBenchmark(ms);
        const published = [...benchmark.themes, ...benchmark.subThemes];
        for (const entry of published) {
          expect(entry.n).toBeGreaterThanOrEqual(MIN_CONTRIBUTORS);
          expect(entry.q1 <= entry.median && entry.median <= entry.q3).toBe(true);
        }
        const codes = ms.length > 0 ? ['ID', 'ID.1', 'ID.2'] : [];
        expect([...published.map((e) => e.code), ...benchmark.withheld].sort()).toEqual(codes);
        expect(networkBenchmark(shuffled)).toEqual(benchmark);
      }),
    );
  });
});

describe('positionAgainst', () => {
  const entry: BenchmarkEntry = { code: 'ID', n: 5, q1: 0.4, median: 0.5, q3: 0.6 };

  it('places a score in one of four bands; bounds q1 and median go up, q3 stays in the middle', () => {
    expect(positionAgainst(0.39, entry)).toBe('sous_q1');
    expect(positionAgainst(0.4, entry)).toBe('entre_q1_mediane');
    expect(positionAgainst(0.45, entry)).toBe('entre_q1_mediane');
    expect(positionAgainst(0.5, entry)).toBe('entre_mediane_q3');
    expect(positionAgainst(0.6, entry)).toBe('entre_mediane_q3');
    expect(positionAgainst(0.61, entry)).toBe('au_dessus_q3');
  });

  it('compares the own score rounded like the published figures', () => {
    // 2/3 = 0.66666… would be below a published median of 0.6667 without rounding
    const rounded: BenchmarkEntry = { code: 'ID', n: 5, q1: 0.3333, median: 0.6667, q3: 0.6667 };
    expect(positionAgainst(2 / 3, rounded)).toBe('entre_mediane_q3');
  });

  it('null without an own score or without a published figure', () => {
    expect(positionAgainst(null, entry)).toBeNull();
    expect(positionAgainst(0.5, undefined)).toBeNull();
  });

  it('French labels', () => {
    expect(POSITION_LABELS).toEqual({
      sous_q1: 'Dans le quart le plus bas',
      entre_q1_mediane: 'Entre le 1er quartile et la médiane',
      entre_mediane_q3: 'Entre la médiane et le 3e quartile',
      au_dessus_q3: 'Dans le quart le plus haut',
    });
  });
});
