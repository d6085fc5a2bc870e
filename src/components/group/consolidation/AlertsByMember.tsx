import { memo } from 'react';
import type { Consolidation } from '../../../domain/group/consolidation';
import { useLimited } from './limited';
import { TableRegion } from '../../TableRegion';

/** Regulatory criteria rated 0 or 1 in each member's latest self-assessment, grouped by member. */
export const AlertsByMember = memo(function AlertsByMember({ alerts }: { alerts: Consolidation['alerts'] }) {
  const count = alerts.reduce((n, a) => n + a.alerts.length, 0);
  const { shown, note, more } = useLimited(alerts, 10, 'membres');
  return (
    <section aria-labelledby="alerts-title">
      <h2 id="alerts-title">Alertes réglementaires par membre</h2>
      {alerts.length === 0 ? (
        <p>Aucune alerte : aucun membre retenu n'a noté 0 ou 1 un critère réglementaire dans sa dernière auto-évaluation.</p>
      ) : (
        <>
          <p>
            {count} alerte{count > 1 ? 's' : ''} chez {alerts.length} membre{alerts.length > 1 ? 's' : ''} : critères réglementaires notés 0 ou 1 dans
            la dernière auto-évaluation, quelle que soit la moyenne.
          </p>
          <TableRegion label="Alertes réglementaires par membre">
            <table>
              <caption>Alertes réglementaires de la dernière auto-évaluation, par membre{note}</caption>
              <thead>
                <tr>
                  <th scope="col">Structure</th>
                  <th scope="col">Critère</th>
                  <th scope="col">Intitulé</th>
                  <th scope="col">Niveau</th>
                </tr>
              </thead>
              {shown.map(({ row, alerts: own }) => (
                <tbody key={row.structureId}>
                  {own.map((a, i) => (
                    <tr key={`${a.criterionCode}-${i}`}>
                      {i === 0 && (
                        <th scope="rowgroup" rowSpan={own.length}>
                          {row.name}
                        </th>
                      )}
                      <td>
                        <span className="code">{a.criterionCode}</span>
                      </td>
                      <td>
                        {a.title}
                        {a.mayApply && <span className="muted"> (obligation possible : {a.mayApply})</span>}
                      </td>
                      <td>{a.level}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </TableRegion>
          {more}
        </>
      )}
    </section>
  );
});
