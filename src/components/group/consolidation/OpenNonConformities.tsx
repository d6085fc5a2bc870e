import { memo } from 'react';
import type { Consolidation } from '../../../domain/group/consolidation';
import type { CorrectiveStatus } from '../../../domain/group/share-model';
import { AUDIT_KIND_LABELS, FINDING_KIND_LABELS } from '../../../domain/audit/model';
import { ACTION_STATUS_LABELS } from '../../../domain/plan/model';
import { dayLabel } from './format';
import { useLimited } from './limited';
import { TableRegion } from '../../TableRegion';

const correctiveLabel = (status: CorrectiveStatus) => (status === 'aucune' ? 'Aucune action' : ACTION_STATUS_LABELS[status]);

/**
 * Open non-conformities of the members' audits: by severity, by ISO 9001 clause, then one by one. A corrective
 * action abandoned leaves its non-conformity open; only one carried out closes it.
 */
export const OpenNonConformities = memo(function OpenNonConformities(props: {
  open: Consolidation['openNonConformities'];
  bySeverity: Consolidation['ncBySeverity'];
  byClause: Consolidation['ncByClause'];
  clauseTitles: ReadonlyMap<string, string>;
}) {
  const { open, bySeverity, byClause, clauseTitles } = props;
  const { shown, note, more } = useLimited(open, 25, 'non-conformités');
  return (
    <section aria-labelledby="nc-title">
      <h2 id="nc-title">Non-conformités ouvertes ({open.length})</h2>
      <p>
        Relevées lors des audits que les membres ont partagés. Une non-conformité reste ouverte tant que son action corrective n'est pas réalisée ;
        abandonner l'action ne la ferme pas.
      </p>
      {open.length === 0 ? (
        <p>Aucune non-conformité ouverte chez les membres retenus.</p>
      ) : (
        <>
          <TableRegion label="Non-conformités ouvertes par gravité">
            <table>
              <caption>Non-conformités ouvertes par gravité</caption>
              <thead>
                <tr>
                  <th scope="col">Gravité</th>
                  <th scope="col">Nombre</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Majeures</th>
                  <td>{bySeverity.major}</td>
                </tr>
                <tr>
                  <th scope="row">Mineures</th>
                  <td>{bySeverity.minor}</td>
                </tr>
                <tr>
                  <th scope="row">Total</th>
                  <td>{bySeverity.major + bySeverity.minor}</td>
                </tr>
              </tbody>
            </table>
          </TableRegion>
          <TableRegion label="Non-conformités ouvertes par chapitre">
            <table>
              <caption>Non-conformités ouvertes par chapitre de l'ISO 9001 (« — » : sans chapitre, sur un critère CAP seulement)</caption>
              <thead>
                <tr>
                  <th scope="col">Chapitre ISO 9001</th>
                  <th scope="col">Majeures</th>
                  <th scope="col">Mineures</th>
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {byClause.map((c) => (
                  <tr key={c.clause}>
                    <th scope="row">
                      {c.clause}
                      {clauseTitles.has(c.clause) && ` ${clauseTitles.get(c.clause)}`}
                    </th>
                    <td>{c.major}</td>
                    <td>{c.minor}</td>
                    <td>{c.major + c.minor}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <TableRegion label="Liste des non-conformités ouvertes">
            <table>
              <caption>Liste des non-conformités ouvertes, par membre{note}</caption>
              <thead>
                <tr>
                  <th scope="col">Structure</th>
                  <th scope="col">Audit</th>
                  <th scope="col">Gravité</th>
                  <th scope="col">Chapitre</th>
                  <th scope="col">Critère</th>
                  <th scope="col">Constat</th>
                  <th scope="col">Action corrective</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((nc) => (
                  <tr key={`${nc.structureId}/${nc.auditId}/${nc.finding.id}`}>
                    <th scope="row">{nc.memberName}</th>
                    <td>
                      {AUDIT_KIND_LABELS[nc.auditKind as keyof typeof AUDIT_KIND_LABELS] ?? nc.auditKind}
                      {nc.auditDate && `, ${dayLabel(nc.auditDate)}`}
                    </td>
                    <td>{nc.finding.kind === 'nc_majeure' ? <strong>{FINDING_KIND_LABELS.nc_majeure}</strong> : FINDING_KIND_LABELS[nc.finding.kind]}</td>
                    <td>{nc.finding.clause || '—'}</td>
                    <td>{nc.finding.criterionCode ? <span className="code">{nc.finding.criterionCode}</span> : '—'}</td>
                    <td className="prewrap">{nc.finding.statement}</td>
                    <td>{correctiveLabel(nc.finding.correctiveStatus)}</td>
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
