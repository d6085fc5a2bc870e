import { memo } from 'react';
import { themeScoreOf, type MemberRow } from '../../../domain/group/consolidation';
import type { SharedScore } from '../../../domain/group/share-model';
import { formatScore } from '../../../domain/scoring/score';
import { BAND_LABELS, SCORE_BANDS, bandClass, bandsInWords } from './heat';
import { coverageLabel, dayLabel } from './format';
import { useLimited } from './limited';
import { TableRegion } from '../../TableRegion';

export interface ThemeHeading {
  code: string;
  title: string;
}

/**
 * Members × themes, from each member's latest campaign: the score printed in every cell with its coverage, the
 * shade only repeating it. A coloured table: the chart and its table at once.
 */
export const Heatmap = memo(function Heatmap({ rows, themes }: { rows: readonly MemberRow[]; themes: readonly ThemeHeading[] }) {
  const { shown, note, more } = useLimited(rows, 50, 'membres');
  return (
    <section aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">Carte des scores : membres × thèmes</h2>
      <HeatLegend />
      <TableRegion label="Carte des scores">
        <table className="heatmap">
          <caption>
            Score de la dernière auto-évaluation de chaque membre, par thème et au global ; sous chaque score, critères évalués / critères
            applicables. Teinte de la case selon le score écrit : {bandsInWords()} ; blanc, « — » : aucun critère évalué.
            {note}
          </caption>
          <thead>
            <tr>
              <th scope="col">Structure</th>
              <th scope="col">Dernière campagne</th>
              {themes.map((t) => (
                <th scope="col" key={t.code}>
                  {t.code} · {t.title}
                </th>
              ))}
              <th scope="col">Score global</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.structureId}>
                <th scope="row">
                  {r.name}
                  {r.isCentral && ' (fonction centrale)'}
                </th>
                <td>
                  {dayLabel(r.latest.date)}
                  {r.stale && <strong> (plus de 12 mois)</strong>}
                </td>
                {themes.map((t) => (
                  <HeatCell key={t.code} score={themeScoreOf(r.latest, t.code)} />
                ))}
                <HeatCell score={r.latest.global} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {more}
    </section>
  );
});

function HeatCell({ score }: { score: SharedScore | undefined }) {
  if (!score) return <td className="heat-cell heat-none">—</td>;
  return (
    <td className={bandClass(score.value)}>
      <span className="heat-score">{formatScore(score.value)}</span>
      <span className="heat-coverage">{coverageLabel(score)}</span>
    </td>
  );
}

/** The five shades named in words, each printed on its own shade. */
function HeatLegend() {
  return (
    <ul className="heat-legend" aria-label="Légende des teintes">
      {SCORE_BANDS.map((band) => (
        <li key={band} className={`heat-${band}`}>
          {BAND_LABELS[band]}
        </li>
      ))}
      <li className="heat-none">— : aucun score</li>
    </ul>
  );
}
