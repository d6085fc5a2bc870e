import type { Referential } from '../../../domain/referential/model';
import type { HeldShare } from '../../../domain/group/console-model';
import type { CorrectiveStatus } from '../../../domain/group/share-model';
import { AUDIT_KIND_LABELS } from '../../../domain/audit/model';
import { ACTION_STATUS_LABELS } from '../../../domain/plan/model';
import { closureByMember } from '../../../domain/group/extension';
import { frenchDate } from '../../../domain/french-date';
import { closureSummary, type HeldNonConformity } from './held-non-conformities';
import { TableRegion } from '../../TableRegion';

const CORRECTIVE_LABELS: Record<CorrectiveStatus, string> = {
  aucune: 'pas encore au plan',
  ...ACTION_STATUS_LABELS,
};

/** Every non-conformity the shares carry, open ones first and majors first, with its extension analysis if any. */
export function NonConformityTable(props: {
  list: readonly HeldNonConformity[];
  shares: ReadonlyMap<string, HeldShare>;
  referential: Referential;
  onAnalyse: (nc: HeldNonConformity) => void;
}) {
  const { list, referential } = props;
  const open = list.filter((nc) => nc.open).length;
  if (list.length === 0) {
    return <p>Aucune non-conformité dans les partages détenus : les membres les partagent avec leurs audits (interne, à blanc, croisé).</p>;
  }
  return (
    <TableRegion label="Non-conformités relevées chez les membres">
      <table className="nc-table">
        <caption>
          Non-conformités relevées chez les membres ({list.length}, dont {open} ouverte{open > 1 ? 's' : ''}) : ouvertes d'abord, majeures d'abord
        </caption>
        <thead>
          <tr>
            <th scope="col">Structure</th>
            <th scope="col">Gravité</th>
            <th scope="col">Audit</th>
            <th scope="col">Article ISO 9001</th>
            <th scope="col">Critère</th>
            <th scope="col">Constat</th>
            <th scope="col">Exigence</th>
            <th scope="col">Action corrective</th>
            <th scope="col">Extension aux autres structures</th>
          </tr>
        </thead>
        <tbody>
          {list.map((nc) => {
            const f = nc.finding;
            const criterion = f.criterionCode ? referential.criteria.find((c) => c.code === f.criterionCode) : undefined;
            const clause = f.clause ? referential.iso9001.clauses.find((c) => c.code === f.clause) : undefined;
            const closure = nc.extension ? closureByMember(nc.extension, props.shares) : [];
            const done = closure.filter((c) => c.status === 'realisee').length;
            return (
              <tr key={nc.key} className={nc.open && f.kind === 'nc_majeure' ? 'nc-open-major' : undefined}>
                <th scope="row">{nc.memberName}</th>
                <td>
                  <strong>{f.kind === 'nc_majeure' ? 'Majeure' : 'Mineure'}</strong>
                  <br />
                  {nc.open ? 'ouverte' : 'close'}
                </td>
                <td>
                  {AUDIT_KIND_LABELS[nc.auditKind]}
                  {nc.auditDate && ` du ${frenchDate(nc.auditDate)}`}
                </td>
                <td>{f.clause ? `${f.clause}${clause ? ` ${clause.title}` : ''}` : '—'}</td>
                <td>{f.criterionCode ? `${f.criterionCode}${criterion ? ` ${criterion.title}` : ''}` : '—'}</td>
                <td className="prewrap">{f.statement || '—'}</td>
                <td className="prewrap">{f.requirement || '—'}</td>
                <td>
                  <span className="prewrap">{f.correctiveAction || 'Aucune action décrite'}</span>
                  <br />
                  <span className="muted">Suivi : {CORRECTIVE_LABELS[f.correctiveStatus]}</span>
                </td>
                <td>
                  {nc.extension ? (
                    <>
                      <a href={`#ext-${nc.extension.id}`}>
                        Extension analysée{nc.extension.systemic ? ' (systémique)' : ''} : {closureSummary(done, closure.length)}
                      </a>
                      <br />
                      <button type="button" className="secondary small" onClick={() => props.onAnalyse(nc)}>
                        Modifier l'analyse
                        <span className="visually-hidden">
                          {' '}
                          de la non-conformité de {nc.memberName}
                          {f.clause ? ` (ISO 9001 ${f.clause})` : ''}
                        </span>
                      </button>
                    </>
                  ) : (
                    <button type="button" className={nc.open ? 'small' : 'secondary small'} onClick={() => props.onAnalyse(nc)}>
                      Analyser l'extension
                      <span className="visually-hidden">
                        {' '}
                        de la non-conformité de {nc.memberName}
                        {f.clause ? ` (ISO 9001 ${f.clause})` : ''}
                      </span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
