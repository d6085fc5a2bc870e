import { useRef, useState } from 'react';
import type { ImportPlanItem } from '../../domain/evaluation/exchange';
import type { ExchangeFile } from '../../domain/evaluation/exchange-schema';
import type { Referential } from '../../domain/referential/model';
import { database } from '../../storage/instance';
import { describeError } from '../../storage/errors';
import { downloadText } from './download';
import { OutcomeMessage } from './OutcomeMessage';
import { loadCatalog } from './referential-client';

// The exchange format (zod schema, hashing) loads when the user exports or imports.
const backup = () => import('../../storage/backup');
const exchange = () => import('../../domain/evaluation/exchange');

/** Export everything, or import a file after showing what it will add or replace. */
export function BackupPanel({ referential }: { referential: Referential }) {
  const [includeFiles, setIncludeFiles] = useState(true);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [pending, setPending] = useState<{ file: ExchangeFile; plan: ImportPlanItem[]; name: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function exportAll() {
    setMessage(null);
    try {
      const { exportWorkspace } = await backup();
      const { json, file } = await exportWorkspace(database(), { includeFiles, referentialVersion: referential.version });
      downloadText(`cap-progres-sauvegarde-${file.exportedAt.slice(0, 10)}.json`, json);
      setMessage({
        kind: 'ok',
        text: `Sauvegarde exportée : ${file.content.campaigns.length} campagne(s), ${file.content.structures.length} structure(s).`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error) });
    }
  }

  async function chooseFile(fileList: FileList | null) {
    setMessage(null);
    setPending(null);
    const chosen = fileList?.[0];
    if (input.current) input.current.value = '';
    if (!chosen) return;
    try {
      const { readExchangeFile, readContextOf, importSizeProblem } = await exchange();
      const sizeProblem = importSizeProblem(chosen.size);
      if (sizeProblem) return setMessage({ kind: 'error', text: sizeProblem });
      const result = await readExchangeFile(await chosen.text(), readContextOf(...(await loadCatalog()).versions));
      if (!result.ok) return setMessage({ kind: 'error', text: `« ${chosen.name} » : ${result.message}` });
      const { previewImport } = await backup();
      setPending({ file: result.file, plan: await previewImport(database(), result.file), name: chosen.name });
    } catch (error) {
      // e.g. a page served over plain http, where the browser refuses to compute SHA-256
      setMessage({ kind: 'error', text: describeError(error) });
    }
  }

  async function confirmImport() {
    if (!pending) return;
    try {
      const { applyImport } = await backup();
      await applyImport(database(), pending.file);
      setMessage({ kind: 'ok', text: `Import terminé : ${pending.plan.length} élément(s) ajouté(s) ou remplacé(s).` });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error) });
    }
    setPending(null);
  }

  return (
    <section className="panel" aria-labelledby="backup-title">
      <h2 id="backup-title">Sauvegarde et échange</h2>
      <p>
        Vos données ne sont que dans ce navigateur. Exportez régulièrement une sauvegarde (fichier JSON) : elle permet aussi de reprendre
        l'évaluation sur un autre ordinateur. Format documenté : <a href="/schemas/evaluation.schema.json">schéma JSON</a>.
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={includeFiles} onChange={(e) => setIncludeFiles(e.target.checked)} />
        <span>Inclure le contenu des fichiers joints (attention : ils peuvent contenir des données personnelles)</span>
      </label>
      <div className="actions">
        <button type="button" onClick={exportAll}>
          Exporter toutes les données
        </button>
        <button type="button" className="secondary" onClick={() => input.current?.click()}>
          Importer une sauvegarde…
        </button>
        <input
          ref={input}
          hidden
          type="file"
          aria-label="Fichier de sauvegarde à importer"
          accept=".json,application/json"
          onChange={(e) => void chooseFile(e.target.files)}
        />
      </div>
      <OutcomeMessage outcome={message} />
      {pending && (
        <div className="notice" role="region" aria-labelledby="import-plan-title">
          <h3 id="import-plan-title">Importer « {pending.name} » ?</h3>
          <p>Le fichier est intègre (empreinte SHA-256 vérifiée). Voici ce qui changera ; le reste de vos données ne bouge pas.</p>
          <ul>
            {pending.plan.map((item) => (
              <li key={`${item.kind}-${item.id}`}>
                {item.kind === 'structure' ? 'Structure' : 'Campagne'} « {item.name} » :{' '}
                <strong>{item.action === 'add' ? 'ajoutée' : 'remplacée par la version du fichier'}</strong>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" onClick={confirmImport}>
              Confirmer l'import
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              Annuler
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
