/**
 * Trends of the consolidated view: a member's global score across its campaigns, how much it moved, and where the
 * points of a small line chart sit. Pure: the screen draws, this computes.
 */

export interface TrendPoint {
  date: string;
  value: number | null;
}

/** A member's global score per campaign, in the campaigns' order (memberRow gives them oldest first). */
export function memberTrend(campaigns: readonly { date: string; global: { value: number | null } }[]): TrendPoint[] {
  return campaigns.map((c) => ({ date: c.date, value: c.global.value }));
}

/** Last scored value minus the first scored one; null with fewer than two scored points (nothing to compare). */
export function trendChange(points: readonly { value: number | null }[]): number | null {
  const scored = points.filter((p): p is { value: number } => p.value !== null);
  if (scored.length < 2) return null;
  return scored[scored.length - 1]!.value - scored[0]!.value;
}

/**
 * « +15 points », « −3 points », « 0 point »: a change of score in percentage points, rounded like formatScore
 * rounds (so the printed change matches the difference of the printed scores as closely as rounding allows).
 */
export function formatPointChange(change: number | null): string {
  if (change === null) return '—';
  const points = Math.round(change * 100);
  // Math.round(-0.4) is -0: print it as 0, without a sign.
  if (points === 0) return '0 point';
  const size = Math.abs(points);
  return `${points > 0 ? '+' : '−'}${size} point${size > 1 ? 's' : ''}`;
}

export interface PlotPoint {
  /** The value's rank in the series (gaps keep their place on the x axis). */
  index: number;
  x: number;
  y: number;
}

/**
 * Where each scored value (0…1) sits in a width × height box: evenly spaced by rank from left to right, 0 at the
 * bottom, 1 at the top, `inset` kept free on every side so strokes are not clipped. A lone value sits in the middle;
 * a null value draws no point but keeps its slot, so a missing year shows as a longer segment, not a hidden one.
 */
export function plotPoints(values: readonly (number | null)[], width: number, height: number, inset = 2): PlotPoint[] {
  const points: PlotPoint[] = [];
  values.forEach((value, index) => {
    if (value === null) return;
    points.push({ index, x: slotX(index, values.length, width, inset), y: valueY(value, height, inset) });
  });
  return points;
}

/** The x of slot `index` out of `count` (for axis labels, which every slot gets, scored or not). */
export function slotX(index: number, count: number, width: number, inset = 2): number {
  if (count <= 1) return round2(width / 2);
  return round2(inset + (index * Math.max(width - 2 * inset, 0)) / (count - 1));
}

/** The y of a value (0…1, clamped): 1 at the top, 0 at the bottom. */
export function valueY(value: number, height: number, inset = 2): number {
  const clamped = Math.min(Math.max(value, 0), 1);
  return round2(inset + (1 - clamped) * Math.max(height - 2 * inset, 0));
}

/** The `points` attribute of an SVG polyline. */
export const polylineOf = (points: readonly PlotPoint[]): string => points.map((p) => `${p.x},${p.y}`).join(' ');

/** Two decimals keep the SVG short and identical from one render to the next. */
const round2 = (n: number) => Math.round(n * 100) / 100;
