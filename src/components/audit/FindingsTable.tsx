import { useState } from 'react';
import { inReportOrder } from '../../domain/audit/blockers';
import { canEnterPlan } from '../../domain/audit/corrective-action';
import { FINDING_KIND_LABELS, isNonConformity, type Audit, type Finding } from '../../domain/audit/model';
import { clauseTitle } from '../../domain/referential/lookup';
import type { Referential } from '../../domain/referential/model';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { track } from '../workspace/save-status';
import { TableRegion } from '../TableRegion';

interface Props {
  referential: Referential;
  audit: Audit;
  findings: Finding[];
  /** The actions of the audited campaign's plan, to tell which corrective actions are in it. */
  actionIds: ReadonlySet<string>;
  readOnly: boolean;
  onEdit: (findingId: string) => void;
}

const storage = () => import('../../storage/audits');

/** The findings, non-conformities first, with where each corrective action stands in the plan de progrès. */
export function FindingsTable({ referential, audit, findings, actionIds, readOnly, onEdit }: Props) {
  const [error, setError] = useState<string | null>(null);
  if (findings.length === 0) return <p>Aucun constat pour l'instant.</p>;
  const criterionTitle = (code: string) => referential.criteria.find((c) => c.code === code)?.title ?? '';
  const ours = audit.side === 'audited';

  async function addToPlan(id: string) {
    setError(null);
    try {
      await track((await storage()).addFindingToPlan(database(), id));
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <>
      <TableRegion label="Constats de l'audit">
        <table className="findings">
          <caption>Constats de l'audit</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Référence</th>
              <th scope="col">Constat et preuves vues</th>
              <th scope="col">Exigence, cause, action corrective</th>
              {(ours || !readOnly) && <th scope="col">Suite</th>}
            </tr>
          </thead>
          <tbody>
            {inReportOrder(findings).map((f) => (
              <tr key={f.id} className={`finding-${f.kind}`}>
                <th scope="row">{FINDING_KIND_LABELS[f.kind]}</th>
                <td>
                  {f.criterionCode && (
                    <p>
                      <span className="code">{f.criterionCode}</span> {criterionTitle(f.criterionCode)}
                    </p>
                  )}
                  {f.clause && <p>ISO 9001 § {f.clause} {clauseTitle(referential, f.clause)}</p>}
                </td>
                <td>
                  <p className="prewrap">{f.statement}</p>
                  {f.evidenceSeen && <p className="prewrap muted">Preuves vues : {f.evidenceSeen}</p>}
                </td>
                <td>
                  {isNonConformity(f.kind) ? (
                    <>
                      <p>Exigence : {f.requirement}</p>
                      <p>Cause : {f.rootCause}</p>
                      <p>Action corrective : {f.correctiveAction}</p>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                {(ours || !readOnly) && (
                  <td>
                    {ours && f.actionId && actionIds.has(f.actionId) && (
                      <p>
                        <a href={`/espace/plan/?id=${audit.campaignId}`}>Au plan de progrès</a>
                      </p>
                    )}
                    {ours && canEnterPlan(f) && !(f.actionId && actionIds.has(f.actionId)) && (
                      <button type="button" className="secondary" onClick={() => void addToPlan(f.id)}>
                        Ajouter au plan de progrès
                      </button>
                    )}
                    {!readOnly && (
                      <div className="actions">
                        <button type="button" className="secondary" onClick={() => onEdit(f.id)} aria-label={`Modifier le constat « ${f.statement.slice(0, 40)} »`}>
                          Modifier
                        </button>
                        <button
                          type="button"
                          className="danger"
                          aria-label={`Supprimer le constat « ${f.statement.slice(0, 40)} »`}
                          onClick={() => {
                            if (confirm('Supprimer ce constat ?')) void track(storage().then((m) => m.deleteFinding(database(), f.id)));
                          }}
                        >
                          Supprimer
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
    </>
  );
}
