import { useEffect, useState } from 'react';
import type { MemberRow } from '../../../domain/group/consolidation';
import { MIN_CONTRIBUTORS } from '../../../domain/group/benchmark';
import { benchmarkContent, sealBenchmark } from '../../../domain/group/feedback-content';
import { UserFacingError } from '../../../domain/user-error';
import { downloadText, fileSlug } from '../../workspace/download';
import { OutcomeMessage, type Outcome } from '../../workspace/OutcomeMessage';

/**
 * The repère réseau file for every member: quartiles from all members' latest scores (whatever the filters), only
 * where at least 5 members have a score, naming nobody. Members import it on their « Partage avec le groupe » page.
 */
export function BenchmarkSend({ allRows, groupName, referentialVersion, today }: { allRows: readonly MemberRow[]; groupName: string; referentialVersion: string; today: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The preview's counts, computed once the view is on screen; the file itself is rebuilt at the click.
  const [preview, setPreview] = useState<ReturnType<typeof benchmarkContent> | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setPreview(benchmarkContent(allRows, groupName, today)), 0);
    return () => clearTimeout(timer);
  }, [allRows, groupName, today]);
  const published = preview ? preview.themes.length + preview.subThemes.length : null;

  async function send() {
    setOutcome(null);
    try {
      const now = new Date().toISOString();
      const file = await sealBenchmark(benchmarkContent(allRows, groupName, now), referentialVersion, now);
      const fileName = `cap-progres-repere-reseau-${fileSlug(groupName)}-${now.slice(0, 10)}.json`;
      downloadText(fileName, JSON.stringify(file, null, 1));
      setOutcome({ kind: 'done', text: `Fichier « ${fileName} » enregistré. Envoyez-le à vos membres : chacun l'importe dans Mon espace, page « Partage avec le groupe ».` });
    } catch (error) {
      // Sealing needs the browser's SHA-256 (Web Crypto): if it fails, say so plainly, nothing was written.
      const why = error instanceof UserFacingError ? ` ${error.message}` : ' Rechargez la page et recommencez.';
      setOutcome({ kind: 'error', text: `Le repère réseau n'a pas pu être préparé : aucun fichier n'a été enregistré.${why}` });
    }
  }

  return (
    <section className="panel" aria-labelledby="benchmark-send-title">
      <h2 id="benchmark-send-title">Repère réseau pour les membres</h2>
      <p>
        Le fichier donne à chaque membre, par thème et sous-thème, le 1<sup>er</sup> quartile, la médiane et le 3<sup>e</sup> quartile des scores
        de la dernière auto-évaluation de <strong>tous</strong> les membres, quels que soient les filtres ci-dessus. Seuls les thèmes et sous-thèmes
        notés par au moins {MIN_CONTRIBUTORS} structures sont inclus ; aucun membre n'est nommé, et ni le minimum ni le maximum ne sont donnés.
      </p>
      {preview ? (
        <dl className="facts">
          <dt>Structures contributrices</dt>
          <dd>{preview.contributors}</dd>
          <dt>Thèmes et sous-thèmes communiqués</dt>
          <dd>{published}</dd>
          <dt>Non communiqués (moins de {MIN_CONTRIBUTORS} structures)</dt>
          <dd>
            {preview.withheld.length}
            {preview.withheld.length > 0 && <span className="muted"> : {preview.withheld.join(', ')}</span>}
          </dd>
        </dl>
      ) : (
        <p>Calcul du repère…</p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void send()} disabled={allRows.length === 0}>
          Envoyer le repère réseau…
        </button>
      </div>
      <OutcomeMessage outcome={outcome} />
    </section>
  );
}
