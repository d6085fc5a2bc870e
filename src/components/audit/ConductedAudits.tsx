import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { frenchDate } from '../../domain/french-date';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { AuditFileInput } from './AuditFileInput';
import { loadCatalog } from '../workspace/referential-client';

const peerFiles = () => import('../../domain/audit/peer-files');

/** Mon espace: the peer audits we conduct for other structures, and the import of a new audit request. */
export function ConductedAudits() {
  const db = database();
  const audits = useLiveQuery(() => db.audits.filter((a) => a.side === 'auditor').toArray(), []);
  const [message, setMessage] = useState<string | null>(null);

  async function importRequest(chosen: File) {
    setMessage(null);
    try {
      const { readAuditRequest, readContextOf, REQUEST_FORMAT, REQUEST_FORMAT_VERSION, fileSizeProblem } = await peerFiles();
      const tooBig = fileSizeProblem(chosen.size, { format: REQUEST_FORMAT, version: REQUEST_FORMAT_VERSION });
      if (tooBig) return setMessage(`« ${chosen.name} » : ${tooBig}`);
      const result = await readAuditRequest(await chosen.text(), readContextOf(...(await loadCatalog()).versions));
      if (!result.ok) return setMessage(`« ${chosen.name} » : ${result.message}`);
      const { importAuditRequest } = await import('../../storage/audits');
      const audit = await importAuditRequest(db, result.file);
      location.assign(`/espace/audit/?audit=${audit.id}`);
    } catch (error) {
      setMessage(`« ${chosen.name} » : ${describeError(error)}`);
    }
  }

  return (
    <section className="panel" id="audits-conduits" aria-labelledby="conducted-title">
      <h2 id="conducted-title">Audits croisés conduits pour d'autres structures</h2>
      <p>
        Une structure paire vous demande de l'auditer ? Importez sa demande d'audit (fichier .json) : vous y trouverez son périmètre et la liste de
        ses preuves, et vous lui renverrez un retour d'audit. Vos propres données ne sont jamais jointes.
      </p>
      {audits && audits.length > 0 && (
        <ul>
          {audits.map((audit) => (
            <li key={audit.id}>
              <a href={`/espace/audit/?audit=${audit.id}`}>
                Audit de {audit.subject?.structure.name} — {audit.subject?.campaign.name}
              </a>{' '}
              <span className="muted">
                (demande reçue le {frenchDate(audit.createdAt)}
                {audit.returnedAt ? `, retour exporté le ${frenchDate(audit.returnedAt)}` : ', retour à faire'})
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <AuditFileInput label="Importer une demande d'audit…" inputLabel="Fichier de demande d'audit à importer" onFile={(f) => void importRequest(f)} />
      </div>
      {message && (
        <p className="notice notice-error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
