import { AUDIT_LABELS, type SampleDraw } from '../../../domain/group/sampling';
import type { RecordedDraw } from '../../../storage/db';
import { frenchDate } from '../../../domain/french-date';
import { database } from '../../../storage/instance';
import { removeDraw } from '../../../storage/group';
import { TableRegion } from '../../TableRegion';

export interface RerunVerdict {
  identical: boolean;
  text: string;
}

/** The draws kept as evidence, each re-runnable from its seed, date and audit type. */
export function RecordedDraws(props: {
  draws: readonly RecordedDraw[];
  verdicts: Readonly<Record<string, RerunVerdict>>;
  onRerun: (draw: RecordedDraw) => void;
  onPrint: (draw: SampleDraw) => void;
}) {
  const { draws, verdicts } = props;
  return (
    <section aria-labelledby="recorded-title">
      <h2 id="recorded-title">Tirages enregistrés ({draws.length})</h2>
      {draws.length === 0 ? (
        <p>Aucun tirage enregistré : enregistrez celui que vous transmettez à l'organisme certificateur.</p>
      ) : (
        <TableRegion label="Tirages enregistrés">
          <table data-testid="recorded-draws">
            <caption>Tirages enregistrés, du plus récent au plus ancien</caption>
            <thead>
              <tr>
                <th scope="col">Tirage du</th>
                <th scope="col">Audit</th>
                <th scope="col">Graine</th>
                <th scope="col">Sites retenus</th>
                <th scope="col">Vérification</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {draws.map((d) => {
                const verdict = verdicts[d.id];
                const label = `${AUDIT_LABELS[d.auditType]} du ${frenchDate(d.drawDate)}`;
                return (
                  <tr key={d.id}>
                    <th scope="row">
                      {frenchDate(d.drawDate)}
                      <span className="muted"> (enregistré le {frenchDate(d.recordedAt)})</span>
                    </th>
                    <td>{AUDIT_LABELS[d.auditType]}</td>
                    <td>{d.seed}</td>
                    <td>{d.selected.map((s) => s.name).join(', ')}</td>
                    <td aria-live="polite">{verdict ? verdict.identical ? verdict.text : <strong>{verdict.text}</strong> : '—'}</td>
                    <td>
                      <div className="actions">
                        <button type="button" className="secondary small" onClick={() => props.onRerun(d)}>
                          Refaire ce tirage<span className="visually-hidden"> {label}</span>
                        </button>
                        <button type="button" className="secondary small" onClick={() => props.onPrint(d)}>
                          Imprimer la justification<span className="visually-hidden"> du tirage {label}</span>
                        </button>
                        <button
                          type="button"
                          className="danger small"
                          onClick={() => {
                            if (confirm(`Supprimer le tirage ${label} ? Il ne pourra plus servir de preuve.`)) void removeDraw(database(), d.id);
                          }}
                        >
                          Supprimer<span className="visually-hidden"> le tirage {label}</span>
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
