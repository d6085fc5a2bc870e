import { plotPoints, polylineOf, slotX, valueY } from '../../../domain/group/trend';
import { formatScore } from '../../../domain/scoring/score';

const W = 480;
const H = 200;
const LEFT = 48;
const TOP = 16;
const BOTTOM = 28;
const PLOT_W = W - LEFT - 16;
const PLOT_H = H - TOP - BOTTOM;
const INSET = 12;

/**
 * A line of scores (0–100 %) over labelled slots, values printed above their points. The table beside it carries
 * the same figures; the aria-label says them for screen readers.
 */
export function LineChart({ labels, values, description }: { labels: readonly string[]; values: readonly (number | null)[]; description: string }) {
  const points = plotPoints(values, PLOT_W, PLOT_H, INSET);
  return (
    <svg className="line-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={description}>
      <g transform={`translate(${LEFT},${TOP})`}>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={0} x2={PLOT_W} y1={valueY(v, PLOT_H, INSET)} y2={valueY(v, PLOT_H, INSET)} className="chart-grid" />
            <text x={-6} y={valueY(v, PLOT_H, INSET) + 4} textAnchor="end" className="chart-label">
              {v * 100} %
            </text>
          </g>
        ))}
        {labels.map((label, i) => (
          <text key={label} x={slotX(i, labels.length, PLOT_W, INSET)} y={PLOT_H + 20} textAnchor="middle" className="chart-label">
            {label}
          </text>
        ))}
        {points.length > 1 && <polyline points={polylineOf(points)} className="chart-line" />}
        {points.map((p) => (
          <g key={p.index}>
            <circle cx={p.x} cy={p.y} r={4} className="chart-point" />
            <text x={p.x} y={p.y - 9} textAnchor="middle" className="chart-value">
              {formatScore(values[p.index] ?? null)}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

const SW = 96;
const SH = 24;

/** A member's global scores in a small line; only drawn with two scored campaigns or more. */
export function Sparkline({ values, description }: { values: readonly (number | null)[]; description: string }) {
  const points = plotPoints(values, SW, SH, 3);
  if (points.length < 2) return null;
  const last = points[points.length - 1]!;
  return (
    <svg className="sparkline" width={SW} height={SH} viewBox={`0 0 ${SW} ${SH}`} role="img" aria-label={description}>
      <polyline points={polylineOf(points)} className="chart-line" />
      <circle cx={last.x} cy={last.y} r={2.5} className="chart-point" />
    </svg>
  );
}
