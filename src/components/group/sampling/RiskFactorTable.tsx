import { RISK_FACTORS } from '../../../domain/group/risk';
import { TableRegion } from '../../TableRegion';

/** The published risk table: the same rows the score applies, in the same order. */
export function RiskFactorTable() {
  return (
    <TableRegion label="Facteurs du score de risque">
      <table>
        <caption>Facteurs du score de risque (points entiers, additionnés)</caption>
        <thead>
          <tr>
            <th scope="col">Facteur</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {RISK_FACTORS.map((f) => (
            <tr key={f.id}>
              <th scope="row">{f.label}</th>
              <td>{f.points}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
