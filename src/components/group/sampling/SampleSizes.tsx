import { AUDIT_LABELS, CERTIFICATION_AUDITS, sampleSize, sizeFormula, type CertificationAudit } from '../../../domain/group/sampling';
import { frenchDate } from '../../../domain/french-date';
import { TableRegion } from '../../TableRegion';

/** x and the sample size of each certification audit, with its formula. */
export function SampleSizes({ memberCount, drawDate, auditType }: { memberCount: number; drawDate: string; auditType: CertificationAudit }) {
  return (
    <section aria-labelledby="sizes-title">
      <h2 id="sizes-title">Taille de l'échantillon</h2>
      <p data-testid="sample-x">
        <strong>x = {memberCount}</strong> membre{memberCount > 1 ? 's' : ''} éligible{memberCount > 1 ? 's' : ''} au {frenchDate(drawDate)} (convention
        d'adhésion signée au plus tard ce jour) ; la fonction centrale n'est pas comptée : elle est auditée en plus, à chaque audit.
      </p>
      <TableRegion label="Nombre de sites à auditer">
        <table>
          <caption>Nombre de sites à auditer selon l'audit (IAF MD 1)</caption>
          <thead>
            <tr>
              <th scope="col">Audit</th>
              <th scope="col">Formule</th>
              <th scope="col">Sites (hors fonction centrale)</th>
            </tr>
          </thead>
          <tbody>
            {CERTIFICATION_AUDITS.map((a) => (
              <tr key={a}>
                <th scope="row">
                  {AUDIT_LABELS[a]}
                  {a === auditType && ' (audit choisi)'}
                </th>
                <td>{sizeFormula(a, memberCount)}</td>
                <td>{sampleSize(a, memberCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p className="muted">
        Hors audit initial, les membres entrés dans le groupe après le dernier audit de certification forment une cohorte à part, dont
        l'échantillon est calculé sur son propre effectif : le tirage détaille chaque cohorte.
      </p>
    </section>
  );
}
