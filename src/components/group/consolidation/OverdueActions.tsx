import { memo } from 'react';
import type { Consolidation } from '../../../domain/group/consolidation';
import { ACTION_STATUS_LABELS } from '../../../domain/plan/model';
import { dayLabel } from './format';
import { useLimited } from './limited';
import { TableRegion } from '../../TableRegion';

/** Open actions of the members' plans whose due date has passed; the group's imposed actions are marked. */
export const OverdueActions = memo(function OverdueActions({ overdue }: { overdue: Consolidation['overdueActions'] }) {
  const { shown, note, more } = useLimited(overdue, 25, 'actions');
  return (
    <section aria-labelledby="overdue-title">
      <h2 id="overdue-title">Actions en retard ({overdue.length})</h2>
      {overdue.length === 0 ? (
        <p>Aucune action en retard dans les plans de progrès partagés par les membres retenus.</p>
      ) : (
        <>
        <TableRegion label="Actions en retard par membre">
          <table>
            <caption>Actions à lancer ou en cours dont l'échéance est passée, par membre{note}</caption>
            <thead>
              <tr>
                <th scope="col">Structure</th>
                <th scope="col">Action</th>
                <th scope="col">Échéance</th>
                <th scope="col">Statut</th>
                <th scope="col">Origine</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ structureId, memberName, action }) => (
                <tr key={`${structureId}/${action.id}`}>
                  <th scope="row">{memberName}</th>
                  <td>{action.title}</td>
                  <td>{dayLabel(action.dueDate)}</td>
                  <td>{ACTION_STATUS_LABELS[action.status]}</td>
                  <td>{action.imposedActionId ? <strong>imposée par le groupe</strong> : 'plan du membre'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        {more}
        </>
      )}
    </section>
  );
});
