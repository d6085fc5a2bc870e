/**
 * Descriptive statistics for the group console's consolidated view (scores of the member structures).
 *
 * Quartile method, as written on /methode: « comme QUARTILE.INCLUS d'Excel » (QUARTILE.INC, R type 7,
 * the default of R and NumPy). Sort the n values; the quantile p sits at position p·(n−1), counting from 0;
 * when that position falls between two values, take the straight-line interpolation between them.
 * Example: [1, 2, 3, 4] → 1er quartile at position 0.75 → 1 + 0.75 × (2 − 1) = 1.75.
 * Chosen because a quality manager can check any figure in a spreadsheet with one formula.
 */

export interface Quartiles {
  /** How many values the figures summarise. */
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Quantile p (0…1) of values already sorted in ascending order, non-empty; see the method above. */
function quantileOfSorted(sorted: readonly number[], p: number): number {
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  const interpolated = low + (position - below) * (high - low);
  // Floating-point rounding could step a hair outside [low, high]; clamping keeps min ≤ q1 ≤ … ≤ max exact.
  return Math.min(Math.max(interpolated, low), high);
}

/** Quartiles of the values (order does not matter); null when there is none. */
export function quartiles(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null;
  // A NaN would sort anywhere and silently corrupt every figure: a caller bug, so fail loudly.
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('quartiles: every value must be a finite number');
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0] as number,
    q1: quantileOfSorted(sorted, 0.25),
    median: quantileOfSorted(sorted, 0.5),
    q3: quantileOfSorted(sorted, 0.75),
    max: sorted[sorted.length - 1] as number,
  };
}

/**
 * Quartiles per key (a theme or sub-theme code) over the non-null values: a structure with no score for that
 * key does not count. Keys with no value at all are left out; the screen shows « — » for a missing key.
 */
export function distribution(rows: readonly { key: string; value: number | null }[]): Map<string, Quartiles> {
  const byKey = new Map<string, number[]>();
  for (const { key, value } of rows) {
    if (value === null) continue;
    const values = byKey.get(key);
    if (values) values.push(value);
    else byKey.set(key, [value]);
  }
  const result = new Map<string, Quartiles>();
  for (const [key, values] of byKey) {
    const q = quartiles(values);
    if (q) result.set(key, q);
  }
  return result;
}

/** Arithmetic mean over the non-null values; null when there is none (no such helper existed in src/domain). */
export function mean(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    count++;
  }
  return count > 0 ? sum / count : null;
}
