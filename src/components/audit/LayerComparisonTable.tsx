import { formatGap, type LayerComparison } from '../../domain/audit/layers';
import { formatScoreWithStatus } from '../../domain/scoring/score';
import { TableRegion } from '../TableRegion';

/** Self-assessment and auditor, theme by theme, with the gap in points. */
export function LayerComparisonTable({ comparison, withSelf }: { comparison: LayerComparison; withSelf: boolean }) {
  return (
    <TableRegion label="Scores par thème">
      <table>
        <caption>Scores par thème : auto-évaluation et auditeur</caption>
        <thead>
          <tr>
            <th scope="col">Thème</th>
            {withSelf && <th scope="col">Auto-évaluation</th>}
            <th scope="col">Auditeur</th>
            {withSelf && <th scope="col">Écart (points)</th>}
          </tr>
        </thead>
        <tbody>
          {comparison.themes.map((t) => (
            <tr key={t.theme.code}>
              <th scope="row">{t.theme.title}</th>
              {withSelf && <td>{formatScoreWithStatus(t.self)}</td>}
              <td>{formatScoreWithStatus(t.auditor)}</td>
              {withSelf && <td>{formatGap(t.gap)}</td>}
            </tr>
          ))}
          <tr>
            <th scope="row">Score global</th>
            {withSelf && <td>{formatScoreWithStatus(comparison.global.self)}</td>}
            <td>{formatScoreWithStatus(comparison.global.auditor)}</td>
            {withSelf && <td>{formatGap(comparison.global.gap)}</td>}
          </tr>
        </tbody>
      </table>
    </TableRegion>
  );
}
