import { useState } from 'react';
import type { AuditReturnFile } from '../../domain/audit/peer-files';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { AuditFileInput } from './AuditFileInput';
import { OutcomeMessage } from '../workspace/OutcomeMessage';
import { loadCatalog } from '../workspace/referential-client';

// The file format (zod, hashing) loads when a file is chosen.
const peerFiles = () => import('../../domain/audit/peer-files');
const storage = () => import('../../storage/audits');

type Pending = { file: AuditReturnFile; name: string; campaignName: string; replaces: boolean };

/** A imports B's audit return: checked, shown, then added beside the self-assessment, which it never touches. */
export function AuditReturnImport() {
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string; auditId?: string } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  async function choose(chosen: File) {
    setMessage(null);
    setPending(null);
    try {
      const { readAuditReturn, readContextOf, RETURN_FORMAT, RETURN_FORMAT_VERSION, fileSizeProblem } = await peerFiles();
      const tooBig = fileSizeProblem(chosen.size, { format: RETURN_FORMAT, version: RETURN_FORMAT_VERSION });
      if (tooBig) return setMessage({ kind: 'error', text: `« ${chosen.name} » : ${tooBig}` });
      const result = await readAuditReturn(await chosen.text(), readContextOf(...(await loadCatalog()).versions));
      if (!result.ok) return setMessage({ kind: 'error', text: `« ${chosen.name} » : ${result.message}` });
      const preview = await (await storage()).previewAuditReturn(database(), result.file);
      setPending({ file: result.file, name: chosen.name, ...preview });
    } catch (error) {
      setMessage({ kind: 'error', text: `« ${chosen.name} » : ${describeError(error)}` });
    }
  }

  async function confirm() {
    if (!pending) return;
    try {
      const audit = await (await storage()).importAuditReturn(database(), pending.file);
      setMessage({ kind: 'ok', text: `Retour d'audit de ${audit.auditingStructure} importé.`, auditId: audit.id });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error) });
    }
    setPending(null);
  }

  const c = pending?.file.content;
  return (
    <div>
      <AuditFileInput label="Importer un retour d'audit…" inputLabel="Fichier de retour d'audit à importer" onFile={(f) => void choose(f)} />
      <OutcomeMessage outcome={message}>
        {message?.auditId && location.search.indexOf(message.auditId) < 0 && (
          <>
            {' '}
            <a href={`/espace/audit/?audit=${message.auditId}`}>Ouvrir l'audit</a>
          </>
        )}
      </OutcomeMessage>
      {pending && c && (
        <div className="notice" role="region" aria-labelledby="return-plan-title">
          <h3 id="return-plan-title">Importer le retour d'audit de {c.auditingStructure} ?</h3>
          <p>
            Le fichier est intègre (empreinte SHA-256 vérifiée). Il concerne votre campagne « {pending.campaignName} » : {c.ratings.length} niveau(x) de
            l'auditeur, {c.findings.length} constat(s), auditeurs {c.auditors.map((a) => a.name).join(', ')}, déclaration d'indépendance signée.
            {pending.replaces && ' Il remplace le retour de cette demande importé auparavant.'} Votre auto-évaluation, vos preuves et votre plan ne changent pas.
          </p>
          <div className="actions">
            <button type="button" onClick={() => void confirm()}>
              Confirmer l'import du retour
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              Annuler
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
