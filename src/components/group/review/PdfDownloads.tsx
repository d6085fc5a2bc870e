import { useEffect, useState } from 'react';
import type { GroupConsole } from '../../../domain/group/console-model';
import { groupDataFingerprint, type FingerprintInput, type GroupReviewModel } from '../../../domain/report/group-review';
import type { CertificationPackModel } from '../../../domain/report/certification-pack';
import { describeError } from '../../../storage/errors';
import { downloadBlob, fileSlug } from '../../workspace/download';
import { OutcomeMessage, type Outcome } from '../../workspace/OutcomeMessage';

const NO_FINGERPRINT = 'indisponible (la page doit être servie en https pour calculer une empreinte)';

type Kind = 'review' | 'pack';

/**
 * The two PDFs, built on demand (jsPDF loads only on a click): the management review, and the pack for the
 * certification body. Both print the SHA-256 of the console data they are drawn from, shown here too.
 */
export function PdfDownloads(props: {
  group: GroupConsole;
  fingerprintOf: FingerprintInput;
  reviewDate: string;
  today: string;
  makeReview: (dataSha256: string, generatedAt: string) => GroupReviewModel;
  makePack: ((dataSha256: string, generatedAt: string) => CertificationPackModel) | null;
}) {
  const { fingerprintOf } = props;
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Recomputed whenever the data changes, so the printed SHA-256 always matches what is shown.
  useEffect(() => {
    let live = true;
    groupDataFingerprint(fingerprintOf).then(
      (sha) => live && setFingerprint(sha),
      () => live && setFingerprint(NO_FINGERPRINT),
    );
    return () => {
      live = false;
    };
  }, [fingerprintOf.group, fingerprintOf.shares, fingerprintOf.extensions, fingerprintOf.plan, fingerprintOf.draws]);

  const slug = fileSlug(props.group.name) || 'groupe';
  async function download(kind: Kind) {
    setOutcome({ kind: 'busy', text: 'Génération du PDF…' });
    try {
      const start = performance.now();
      const sha = fingerprint ?? (await groupDataFingerprint(fingerprintOf).catch(() => NO_FINGERPRINT));
      const generatedAt = new Date().toISOString();
      const pdf = await import('../../report/group-pdf');
      const doc = kind === 'review' ? await pdf.buildGroupReviewPdf(props.makeReview(sha, generatedAt)) : await pdf.buildCertificationPackPdf(props.makePack!(sha, generatedAt));
      const blob = doc.output('blob');
      performance.measure(kind === 'review' ? 'cap-progres:group-review-pdf' : 'cap-progres:group-certification-pdf', { start });
      const fileName =
        kind === 'review' ? `cap-progres-revue-de-direction-${slug}-${props.reviewDate}.pdf` : `cap-progres-dossier-certification-${slug}-${props.today}.pdf`;
      downloadBlob(fileName, blob);
      const what = kind === 'review' ? 'Revue de direction' : "Dossier pour l'organisme certificateur";
      setOutcome({ kind: 'done', text: `${what} prêt(e) : ${doc.getNumberOfPages()} page(s), téléchargé(e) sous le nom ${fileName}.` });
    } catch (error) {
      console.error(error);
      setOutcome({ kind: 'error', text: `Le PDF n'a pas pu être produit. ${describeError(error)}` });
    }
  }

  const busy = outcome?.kind === 'busy';
  return (
    <section className="panel" aria-labelledby="review-pdf-title">
      <h2 id="review-pdf-title">Les PDF</h2>
      <div className="actions">
        <button type="button" onClick={() => void download('review')} disabled={busy}>
          Télécharger la revue de direction (PDF)
        </button>
        {props.makePack && (
          <button type="button" className="secondary" onClick={() => void download('pack')} disabled={busy}>
            Télécharger le dossier pour l'organisme certificateur (PDF)
          </button>
        )}
      </div>
      <OutcomeMessage outcome={outcome} />
      <p className="muted">
        SHA-256 des données de la console : <code className="sha">{fingerprint ?? 'calcul en cours…'}</code>
        <br />
        Cette empreinte, imprimée sur la couverture des deux PDF, identifie l'état exact des données dont ils sont tirés. Les résumés ci-dessus en
        reprennent les chiffres principaux ; le détail membre par membre est dans les onglets de la console, lisibles par un lecteur d'écran.
      </p>
    </section>
  );
}
