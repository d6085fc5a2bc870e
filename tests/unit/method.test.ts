/** /methode/ says what the code does: its worked example is computed by the scoring module, on codes that exist nowhere. */
import { describe, expect, it } from 'vitest';
import { CRITERION_CODE } from '../../src/domain/referential/codes';
import { EXAMPLE_ROWS, methodExample } from '../../src/domain/scoring/method-example';
import { loadLibrary } from '../../src/loaders/referential';

const library = loadLibrary();
const example = methodExample(library.current);

describe('the worked example of /methode/', () => {
  it('uses criterion codes no version of the referential has, nor could have', () => {
    for (const row of EXAMPLE_ROWS) {
      expect(CRITERION_CODE.test(row.code), row.code).toBe(false);
      for (const version of library.versions) expect(version.criteria.some((c) => c.code === row.code)).toBe(false);
    }
  });

  it('scores a theme as the weighted mean of its rated, applicable criteria (hand computation)', () => {
    const supports = example.scores.themes.find((t) => t.theme.code === 'SU')!;
    // (3 × 2/4 + 3 × 3/4 + 2 × 1/4) ÷ (3 + 3 + 2): SU.0.4 is N/A, SU.0.5 not rated.
    expect(supports.score.value).toBeCloseTo(4.25 / 8, 12);
    expect([supports.score.rated, supports.score.applicable, supports.score.partial]).toEqual([3, 4, true]);
  });

  it('averages only the themes that have a score, as the page says, and says the result is provisional', () => {
    const identity = (2 * 0.75 + 1 * 0.5) / 3;
    const services = 0.75;
    const supports = 4.25 / 8;
    expect(example.scores.themes.find((t) => t.theme.code === 'AC')!.score.value).toBeNull();
    expect(example.scores.global.value).toBeCloseTo((identity + services + supports) / 3, 12);
    // Not the mean of four themes with the unscored one counted as zero.
    expect(example.scores.global.value).not.toBeCloseTo((identity + services + supports) / 4, 3);
    expect(example.scores.global.partial).toBe(true);
  });

  it('raises the alert and orders the priorities the page names', () => {
    expect(example.scores.alerts.map((a) => [a.criterion.code, a.level])).toEqual([['SU.0.3', 1]]);
    expect(example.priorities.slice(0, 2).map((p) => [p.criterion.code, p.gap])).toEqual([
      ['SU.0.3', 4],
      ['SU.0.1', 3],
    ]);
  });
});
