import { memo } from 'react';
import { useLimited } from './limited';
import { STALE_AFTER_MONTHS, type MemberRow } from '../../../domain/group/consolidation';
import { dayLabel } from './format';
import { TableRegion } from '../../TableRegion';

/** Members without a self-assessment for more than 12 months, the oldest first: the approach is fading there. */
export const StaleMembers = memo(function StaleMembers({ rows }: { rows: readonly MemberRow[] }) {
  const oldestFirst = [...rows].sort((a, b) => a.latest.date.localeCompare(b.latest.date) || a.name.localeCompare(b.name, 'fr'));
  const { shown, note, more } = useLimited(oldestFirst, 25, 'membres');
  return (
    <section aria-labelledby="stale-title">
      <h2 id="stale-title">
        Auto-évaluations de plus de {STALE_AFTER_MONTHS} mois ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p>Chaque membre retenu a mené une auto-évaluation depuis moins de {STALE_AFTER_MONTHS} mois.</p>
      ) : (
        <TableRegion label="Auto-évaluations de plus de 12 mois">
          <table>
            <caption>Membres dont la dernière auto-évaluation date de plus de {STALE_AFTER_MONTHS} mois, la plus ancienne d'abord{note}</caption>
            <thead>
              <tr>
                <th scope="col">Structure</th>
                <th scope="col">Région</th>
                <th scope="col">Dernière auto-évaluation</th>
                <th scope="col">Campagne</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.structureId}>
                  <th scope="row">{r.name}</th>
                  <td>{r.region || '—'}</td>
                  <td>{dayLabel(r.latest.date)}</td>
                  <td>{r.latest.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {more}
    </section>
  );
});
