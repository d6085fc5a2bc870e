import { memo, useState } from 'react';
import type { Consolidation, MemberRow } from '../../../domain/group/consolidation';
import { formatPointChange, memberTrend, trendChange } from '../../../domain/group/trend';
import { formatScore } from '../../../domain/scoring/score';
import { LineChart, Sparkline } from './Charts';
import { dayLabel } from './format';
import { TableRegion } from '../../TableRegion';

/** The group's mean global score per year: each member counted once a year, by its latest campaign of that year. */
export const GroupTrend = memo(function GroupTrend({ trend }: { trend: Consolidation['groupTrend'] }) {
  const description = `Score global moyen du groupe par année : ${trend.map((t) => `${t.year} : ${formatScore(t.mean)} (${t.members} membre${t.members > 1 ? 's' : ''})`).join(' ; ')}.`;
  return (
    <section aria-labelledby="group-trend-title">
      <h2 id="group-trend-title">Évolution du groupe d'une campagne à l'autre</h2>
      {trend.length === 0 ? (
        <p>Aucune campagne notée chez les membres retenus.</p>
      ) : (
        <div className="chart-and-table">
          <LineChart labels={trend.map((t) => t.year)} values={trend.map((t) => t.mean)} description={description} />
          <TableRegion label="Score global moyen par année">
            <table>
              <caption>Score global moyen par année (dernière campagne de l'année de chaque membre)</caption>
              <thead>
                <tr>
                  <th scope="col">Année</th>
                  <th scope="col">Score global moyen</th>
                  <th scope="col">Membres comptés</th>
                </tr>
              </thead>
              <tbody>
                {trend.map((t) => (
                  <tr key={t.year}>
                    <th scope="row">{t.year}</th>
                    <td>{formatScore(t.mean)}</td>
                    <td>{t.members}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </div>
      )}
    </section>
  );
});

/**
 * Each member's global score, campaign by campaign. Drawn when opened: with 600 members the table is long, and the
 * view must render fast (budget: 300 ms after the island is ready).
 */
export const MemberTrends = memo(function MemberTrends({ rows }: { rows: readonly MemberRow[] }) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="member-trend-title">
      <h2 id="member-trend-title">Évolution de chaque membre</h2>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          Afficher le score global de chaque campagne, membre par membre ({rows.length} membre{rows.length > 1 ? 's' : ''})
        </summary>
        {open && <MemberTrendTable rows={rows} />}
      </details>
    </section>
  );
});

function MemberTrendTable({ rows }: { rows: readonly MemberRow[] }) {
  return (
    <TableRegion label="Score global de chaque campagne">
      <table>
        <caption>Score global de chaque campagne, de la plus ancienne à la plus récente, et évolution de la première à la dernière notée</caption>
        <thead>
          <tr>
            <th scope="col">Structure</th>
            <th scope="col">Campagnes (date : score global)</th>
            <th scope="col">Évolution</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <MemberTrendRow key={r.structureId} row={r} />
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function MemberTrendRow({ row }: { row: MemberRow }) {
  const points = memberTrend(row.campaigns);
  const labelled = points.map((p) => `${dayLabel(p.date)} : ${formatScore(p.value)}`);
  const change = formatPointChange(trendChange(points));
  return (
    <tr>
      <th scope="row">{row.name}</th>
      <td>
        <ol className="inline-list">
          {labelled.map((text, i) => (
            <li key={row.campaigns[i]!.id}>{text}</li>
          ))}
        </ol>
      </td>
      <td>
        <span className="trend-change">{change}</span>{' '}
        <Sparkline values={points.map((p) => p.value)} description={`Évolution du score global de ${row.name} : ${labelled.join(', ')}`} />
      </td>
    </tr>
  );
}
