import type { Referential } from '../../domain/referential/model';
import { SHARE_DETAIL_LABELS, type GroupShareFile } from '../../domain/group/share-model';
import { formatScore } from '../../domain/scoring/score';
import { describeProfile } from '../../domain/structure/describe';
import { FINDING_KIND_LABELS, AUDIT_KIND_LABELS } from '../../domain/audit/model';
import { ACTION_STATUS_LABELS } from '../../domain/plan/model';
import { frenchDate } from '../../domain/french-date';

/** Exactly what the file holds, read aloud, then the file itself: the member sees every byte before it leaves. */
export function SharePreview({ file, json, referential }: { file: GroupShareFile; json: string; referential: Referential }) {
  const c = file.content;
  const title = (code: string) => referential.themes.flatMap((t) => [t, ...t.subThemes]).find((x) => x.code === code)?.title ?? '';
  const commented = c.campaigns.flatMap((x) => (x.levels ?? []).filter((l) => l.comment !== ''));
  return (
    <div className="notice share-preview" role="region" aria-labelledby="share-preview-title" tabIndex={0}>
      <h3 id="share-preview-title">Ce qui partira vers « {c.recipient} »</h3>
      <dl className="facts">
        <dt>Structure</dt>
        <dd>
          {c.structure.name} — {describeProfile(c.structure)}
          {c.structure.siret && ` · SIRET ${c.structure.siret}`}
          {c.structure.region && ` · ${c.structure.region}`}
          {c.structure.group?.agreementDate && ` · convention d'adhésion au groupe du ${frenchDate(c.structure.group.agreementDate)}`}
        </dd>
        <dt>Détail</dt>
        <dd>{SHARE_DETAIL_LABELS[c.detail]}</dd>
        <dt>Empreinte SHA-256</dt>
        <dd>
          <code>{file.integrity.value}</code>
        </dd>
      </dl>
      {c.campaigns.map((x) => (
        <table key={x.id}>
          <caption>
            Campagne « {x.name} » du {frenchDate(x.date)} (référentiel {x.referentialVersion}) : score global {formatScore(x.global.value)},{' '}
            {x.global.rated} / {x.global.applicable} critères évalués
            {x.levels && `, ${x.levels.length} niveau(x) de critère`}
            {x.alerts.length > 0 && `, ${x.alerts.length} alerte(s) réglementaire(s) : ${x.alerts.map((a) => a.criterionCode).join(', ')}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Thème ou sous-thème</th>
              <th scope="col">Score</th>
              <th scope="col">Couverture</th>
            </tr>
          </thead>
          <tbody>
            {x.themes.flatMap((t) => [
              <tr key={t.code} className="row-depth-1">
                <th scope="row">
                  {t.code} {title(t.code)}
                </th>
                <td>{formatScore(t.score.value)}</td>
                <td>
                  {t.score.rated} / {t.score.applicable}
                </td>
              </tr>,
              ...t.subThemes.map((s) => (
                <tr key={s.code} className="row-depth-3">
                  <th scope="row">
                    {s.code} {title(s.code)}
                  </th>
                  <td>{formatScore(s.score.value)}</td>
                  <td>
                    {s.score.rated} / {s.score.applicable}
                  </td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      ))}
      {commented.length > 0 && <p>Commentaires partagés sur {commented.length} critère(s) : {commented.map((l) => l.criterionCode).join(', ')}.</p>}
      <p>
        {c.audits.length === 0
          ? 'Aucun audit.'
          : `Audits : ${c.audits.map((a) => `${AUDIT_KIND_LABELS[a.kind]} (${a.auditingStructure || 'structure non indiquée'}, ${a.findings.length} constat(s)${a.findings.length ? ` : ${a.findings.map((f) => FINDING_KIND_LABELS[f.kind]).join(', ')}` : ''})`).join(' ; ')}.`}
      </p>
      <p>
        {c.actions.length === 0
          ? 'Aucune action du plan.'
          : `Plan de progrès : ${c.actions.length} action(s) — ${c.actions.map((a) => `« ${a.title} » (${ACTION_STATUS_LABELS[a.status]}${a.dueDate ? `, échéance ${frenchDate(a.dueDate)}` : ''}${a.imposedActionId ? ', imposée par le groupe' : ''})`).join(' ; ')}.`}
      </p>
      <details>
        <summary>Le fichier tel qu'il sera enregistré (JSON)</summary>
        <pre className="code" data-testid="share-json">
          {json}
        </pre>
      </details>
    </div>
  );
}
