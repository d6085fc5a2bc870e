import { useRef, useState, type DragEvent } from 'react';
import type { ShareImportItem, ReadShareFile } from '../../storage/group';
import { SHARE_STATUS_LABELS } from '../../storage/group';
import { SHARE_FORMAT, SHARE_FORMAT_VERSION } from '../../domain/group/share-model';
import { fileSizeProblem } from '../../domain/evaluation/sealed-file';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { loadCatalog } from '../workspace/referential-client';
import { OutcomeMessage, type Outcome } from '../workspace/OutcomeMessage';
import { TableRegion } from '../TableRegion';

// The share schema (zod, hashing) loads when files are chosen.
const shareFile = () => import('../../domain/group/share-file');
const groupStorage = () => import('../../storage/group');

/** Many partage groupe files at once (chooser or drag and drop): each checked and previewed, then applied together. */
export function ShareImport() {
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<ShareImportItem[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [over, setOver] = useState(false);

  async function read(files: readonly File[]) {
    setItems(null);
    if (files.length === 0) return;
    setOutcome({ kind: 'busy', text: `Vérification de ${files.length} fichier(s)…` });
    const started = performance.now();
    try {
      const [{ readGroupShare }, { readContextOf }] = await Promise.all([shareFile(), import('../../domain/evaluation/sealed-file')]);
      const context = readContextOf(...(await loadCatalog()).versions);
      const reads: ReadShareFile[] = [];
      for (const f of files) {
        const tooBig = fileSizeProblem(f.size, { format: SHARE_FORMAT, version: SHARE_FORMAT_VERSION });
        if (tooBig) reads.push({ fileName: f.name, ok: false, message: tooBig });
        else reads.push({ fileName: f.name, ...(await readGroupShare(await f.text(), context)) });
      }
      const preview = await (await groupStorage()).previewShareImport(database(), reads);
      performance.measure('cap-progres:group-import-check', { start: started }); // read by npm run bench
      setItems(preview);
      setOutcome(null);
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
  }

  async function apply() {
    if (!items) return;
    const started = performance.now();
    try {
      const count = await (await groupStorage()).applyShareImport(database(), items);
      performance.measure('cap-progres:group-import-apply', { start: started });
      setOutcome({ kind: 'ok', text: `${count} partage(s) importé(s).` });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
    setItems(null);
  }

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void read([...e.dataTransfer.files]);
  };
  const applicable = items?.filter((i) => i.status === 'new' || i.status === 'updated').length ?? 0;
  return (
    <section className="panel" aria-labelledby="share-import-title">
      <h2 id="share-import-title">Importer des partages de membres</h2>
      <div
        className={`drop-zone${over ? ' active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid="share-drop-zone"
      >
        <p>Déposez ici les fichiers de partage (.json), autant que vous voulez, ou</p>
        <button type="button" onClick={() => input.current?.click()}>
          Choisir des fichiers de partage…
        </button>
        <input
          ref={input}
          hidden
          type="file"
          multiple
          accept=".json,application/json"
          aria-label="Fichiers de partage à importer"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void read(files);
          }}
        />
      </div>
      <OutcomeMessage outcome={outcome} />
      {items && (
        <div className="notice" role="region" aria-labelledby="share-import-plan-title">
          <h3 id="share-import-plan-title">
            {applicable} partage(s) à importer sur {items.length} fichier(s)
          </h3>
          <TableRegion label="Ce que l'import fera">
            <table>
              <caption>Ce que l'import fera, fichier par fichier</caption>
              <thead>
                <tr>
                  <th scope="col">Fichier</th>
                  <th scope="col">Membre</th>
                  <th scope="col">Exporté le</th>
                  <th scope="col">Résultat</th>
                  <th scope="col">Détail</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item, index) => (
                  <tr key={index} data-status={item.status}>
                    <td>{item.fileName}</td>
                    <td>{item.memberName || '—'}</td>
                    <td>{item.exportedAt ? item.exportedAt.slice(0, 10) : '—'}</td>
                    <td>{SHARE_STATUS_LABELS[item.status]}</td>
                    <td>{item.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <div className="actions">
            <button type="button" disabled={applicable === 0} onClick={() => void apply()}>
              Importer {applicable} partage(s)
            </button>
            <button type="button" className="secondary" onClick={() => setItems(null)}>
              Annuler
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
