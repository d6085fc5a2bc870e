import { AUDIT_LABELS, type SampleDraw } from '../../../domain/group/sampling';
import { frenchDate } from '../../../domain/french-date';
import { REASON_LABELS, cohortLabel, factorText } from './labels';
import { TableRegion } from '../../TableRegion';

/** A draw as the certification body will read it: sizes per cohort, the sites and why, those left out and why. */
export function DrawResult({ draw }: { draw: SampleDraw }) {
  const cohort = (c: Parameters<typeof cohortLabel>[1]) => cohortLabel(draw.auditType, c);
  return (
    <section className="panel" aria-labelledby="draw-title" data-testid="draw-result">
      <h2 id="draw-title">
        Échantillon — {AUDIT_LABELS[draw.auditType]}, tiré le {frenchDate(draw.drawDate)}
      </h2>
      <dl className="facts">
        <dt>Graine</dt>
        <dd data-testid="draw-seed">{draw.seed}</dd>
        <dt>Générateur</dt>
        <dd>{draw.generator}</dd>
        <dt>Sites éligibles (x)</dt>
        <dd>{draw.memberCount}</dd>
        <dt>Dernier audit de certification</dt>
        <dd>{draw.previousAuditDate ? frenchDate(draw.previousAuditDate) : 'non renseigné'}</dd>
      </dl>

      <TableRegion label="Taille de l'échantillon par cohorte">
        <table>
          <caption>Taille de l'échantillon par cohorte</caption>
          <thead>
            <tr>
              <th scope="col">Cohorte</th>
              <th scope="col">Membres</th>
              <th scope="col">Échantillon</th>
              <th scope="col">Tirés au hasard</th>
              <th scope="col">Choisis selon le risque</th>
            </tr>
          </thead>
          <tbody>
            {draw.cohorts.map((c) => (
              <tr key={c.cohort}>
                <th scope="row">{cohort(c.cohort)}</th>
                <td>{c.memberCount}</td>
                <td>{c.memberCount ? c.formula : '0'}</td>
                <td>{c.randomCount}</td>
                <td>{c.riskCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <TableRegion label="Sites retenus">
        <table data-testid="draw-selected">
          <caption>Sites retenus ({draw.selected.length})</caption>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Cohorte</th>
              <th scope="col">Motif</th>
              <th scope="col">Score de risque</th>
              <th scope="col">Facteurs de risque</th>
            </tr>
          </thead>
          <tbody>
            {draw.selected.map((s) => (
              <tr key={s.structureId}>
                <th scope="row">{s.name}</th>
                <td>{cohort(s.cohort)}</td>
                <td>{REASON_LABELS[s.reason]}</td>
                <td>{s.riskScore ?? '—'}</td>
                <td>{s.reason === 'central' ? 'Auditée à chaque audit' : factorText(s.riskFactors)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      {draw.notSelected.length > 0 && (
        <TableRegion label="Membres éligibles non retenus">
          <table>
            <caption>Membres éligibles non retenus ({draw.notSelected.length}), par risque décroissant</caption>
            <thead>
              <tr>
                <th scope="col">Membre</th>
                <th scope="col">Cohorte</th>
                <th scope="col">Score de risque</th>
                <th scope="col">Facteurs de risque</th>
              </tr>
            </thead>
            <tbody>
              {draw.notSelected.map((m) => (
                <tr key={m.structureId}>
                  <th scope="row">{m.name}</th>
                  <td>{cohort(m.cohort)}</td>
                  <td>{m.riskScore}</td>
                  <td>{factorText(m.riskFactors)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      {draw.ineligible.length > 0 && (
        <TableRegion label="Membres non éligibles">
          <table>
            <caption>Membres non éligibles ({draw.ineligible.length})</caption>
            <thead>
              <tr>
                <th scope="col">Membre</th>
                <th scope="col">Raison</th>
              </tr>
            </thead>
            <tbody>
              {draw.ineligible.map((m) => (
                <tr key={m.structureId}>
                  <th scope="row">{m.name}</th>
                  <td>{m.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
