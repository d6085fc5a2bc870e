import type { ProgrammeCoverage } from '../../../domain/group/audit-programme';
import { quarterLabel } from '../../../domain/group/audit-programme';
import { AUDIT_KIND_LABELS } from '../../../domain/audit/model';
import { frenchDate } from '../../../domain/french-date';
import { COVERAGE_STATUS_LABELS } from './labels';
import { TableRegion } from '../../TableRegion';

/** Where each member stands in the cycle: its last internal, peer or mock audit, its planned quarters, its status. */
export function CoverageTable({ coverage, centralId }: { coverage: ProgrammeCoverage; centralId: string | null }) {
  const { totals } = coverage;
  return (
    <section aria-labelledby="coverage-title">
      <h2 id="coverage-title">Couverture du cycle</h2>
      <p data-testid="coverage-totals">
        <strong>
          {totals.audited} / {totals.eligible} membres audités dans le cycle ({totals.percentage} %)
        </strong>
        {' '}— planifiés : {totals.byStatus.planifie}, à planifier : {totals.byStatus.a_planifier}, en retard : {totals.byStatus.en_retard}.
      </p>
      {coverage.members.length === 0 ? (
        <p>Aucun partage importé : les membres apparaissent ici dès que leur partage est importé sur la page Groupe.</p>
      ) : (
        <TableRegion label="Audits de chaque membre dans le cycle">
          <table>
            <caption>Audits internes, croisés ou à blanc de chaque membre dans le cycle</caption>
            <thead>
              <tr>
                <th scope="col">Structure</th>
                <th scope="col">Dans le programme</th>
                <th scope="col">Dernier audit</th>
                <th scope="col">Trimestre(s) planifié(s)</th>
                <th scope="col">Statut</th>
              </tr>
            </thead>
            <tbody>
              {coverage.members.map((m) => (
                <tr key={m.structureId}>
                  <th scope="row">
                    {m.name}
                    {m.structureId === centralId && ' (fonction centrale)'}
                  </th>
                  <td>{m.structureId === centralId ? 'Oui (fonction centrale)' : m.eligible ? 'Oui (convention signée)' : 'Non : convention non signée'}</td>
                  <td>
                    {m.lastAudit
                      ? `${frenchDate(m.lastAudit.date)} — ${AUDIT_KIND_LABELS[m.lastAudit.kind]}${m.lastAudit.auditingStructure ? ` par ${m.lastAudit.auditingStructure}` : ''}`
                      : 'Aucun'}
                  </td>
                  <td>{m.plannedQuarters.length ? m.plannedQuarters.map(quarterLabel).join(', ') : '—'}</td>
                  <td>{m.eligible ? <strong>{COVERAGE_STATUS_LABELS[m.status]}</strong> : 'Hors programme'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
