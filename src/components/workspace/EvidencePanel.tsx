import { lazy, Suspense, useState } from 'react';
import { EVIDENCE_KIND_LABELS, type Evidence } from '../../domain/evaluation/model';
import { formatBytes } from '../../domain/evaluation/rules';
import { readEvidenceFile, removeEvidence } from '../../storage/evidence';
import { database } from '../../storage/instance';
import { downloadBlob } from './download';
import { track } from './save-status';

// The form (react-hook-form + zod) loads when a user adds evidence, not with the rating page.
const EvidenceForm = lazy(() => import('./EvidenceForm'));

/** The evidence listed for one criterion: documents, records, links, attached files (kept in this browser). */
export function EvidencePanel({ campaignId, criterionCode, evidence }: { campaignId: string; criterionCode: string; evidence: Evidence[] }) {
  const [adding, setAdding] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  return (
    <section aria-labelledby={`evidence-${criterionCode}`}>
      <h3 id={`evidence-${criterionCode}`}>Preuves ({evidence.length})</h3>
      {evidence.length > 0 && (
        <ul className="evidence-list">
          {evidence.map((item) => (
            <li key={item.id}>
              <span className="badge">{EVIDENCE_KIND_LABELS[item.kind]}</span> {item.title}
              {item.url && (
                <>
                  {' '}
                  — <a href={item.url} rel="noreferrer noopener" target="_blank">{item.url}</a>
                </>
              )}
              {item.file && (
                <>
                  {' '}
                  — {item.file.name} ({formatBytes(item.file.size)}){' '}
                  <button type="button" className="secondary small" onClick={() => void openFile(item).then(setMissing)}>
                    Télécharger<span className="visually-hidden"> {item.file.name}</span>
                  </button>
                  <span className="sha" title="Empreinte SHA-256">SHA-256 {item.file.sha256.slice(0, 16)}…</span>
                </>
              )}{' '}
              <button type="button" className="danger small" onClick={() => void track(removeEvidence(database(), item.id))}>
                Retirer<span className="visually-hidden"> la preuve {item.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {missing && (
        <p className="notice" role="status">
          {missing}
        </p>
      )}
      {adding ? (
        <Suspense fallback={<p>Chargement du formulaire…</p>}>
          <EvidenceForm campaignId={campaignId} criterionCode={criterionCode} onDone={() => setAdding(false)} />
        </Suspense>
      ) : (
        <button type="button" className="secondary" onClick={() => setAdding(true)}>Ajouter une preuve</button>
      )}
    </section>
  );
}

/** Downloads the attached file; when it is not in this browser (attached on another device), says why. */
async function openFile(item: Evidence): Promise<string | null> {
  if (!item.file) return null;
  const blob = await readEvidenceFile(database(), item);
  if (!blob) {
    return `Le fichier « ${item.file.name} » n’est pas sur cet appareil : il a été joint sur un autre appareil de l’équipe, et les fichiers de preuves ne sont pas synchronisés (ils restent là où ils ont été déposés). Son empreinte SHA-256 (${item.file.sha256.slice(0, 16)}…) permet de vérifier qu’un fichier présenté est bien celui-là.`;
  }
  downloadBlob(item.file.name, blob);
  return null;
}
