import { useState } from 'react';
import type { ConsoleFile } from '../../domain/group/console-file';
import { CONSOLE_FORMAT, CONSOLE_FORMAT_VERSION } from '../../domain/group/console-model';
import { fileSizeProblem } from '../../domain/evaluation/sealed-file';
import { frenchDate } from '../../domain/french-date';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { collectConsole, restoreConsole } from '../../storage/group';
import { AuditFileInput } from '../audit/AuditFileInput';
import { downloadText, fileSlug } from '../workspace/download';
import { OutcomeMessage, type Outcome } from '../workspace/OutcomeMessage';

// The file schema (zod) loads when a backup is written or read.
const consoleFile = () => import('../../domain/group/console-file');

/** The console's own backup: written and restored whole, never mixed with a structure's workspace. */
export function ConsoleBackup({ referentialVersion, hasConsole }: { referentialVersion: string; hasConsole: boolean }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState<{ file: ConsoleFile; name: string } | null>(null);

  async function save() {
    setOutcome(null);
    try {
      const content = await collectConsole(database());
      const file = await (await consoleFile()).sealConsole(content, referentialVersion, new Date().toISOString());
      downloadText(`cap-progres-console-${fileSlug(content.console.name)}-${file.exportedAt.slice(0, 10)}.json`, JSON.stringify(file, null, 1));
      setOutcome({ kind: 'ok', text: `Console sauvegardée : ${content.members.length} membre(s), ${content.draws.length} tirage(s), ${content.extensions.length} analyse(s) d'extension.` });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
  }

  async function choose(chosen: File) {
    setOutcome(null);
    setPending(null);
    const tooBig = fileSizeProblem(chosen.size, { format: CONSOLE_FORMAT, version: CONSOLE_FORMAT_VERSION });
    if (tooBig) return setOutcome({ kind: 'error', text: `« ${chosen.name} » : ${tooBig}` });
    try {
      const result = await (await consoleFile()).readConsoleFile(await chosen.text());
      if (!result.ok) return setOutcome({ kind: 'error', text: `« ${chosen.name} » : ${result.message}` });
      setPending({ file: result.file, name: chosen.name });
    } catch (error) {
      setOutcome({ kind: 'error', text: `« ${chosen.name} » : ${describeError(error)}` });
    }
  }

  async function confirm() {
    if (!pending) return;
    try {
      await restoreConsole(database(), pending.file.content);
      setOutcome({ kind: 'ok', text: `Console « ${pending.file.content.console.name} » restaurée.` });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
    setPending(null);
  }

  const c = pending?.file.content;
  return (
    <section className="panel" aria-labelledby="console-backup-title">
      <h2 id="console-backup-title">Sauvegarde de la console</h2>
      <p>
        La console vit dans ce navigateur. Sauvegardez-la (membres, partages, programme d'audit, tirages, analyses d'extension) pour la retrouver sur
        un autre ordinateur ou après un nettoyage du navigateur : la restauration remplace toute la console par celle du fichier.
      </p>
      <div className="actions">
        {hasConsole && (
          <button type="button" onClick={() => void save()}>
            Sauvegarder la console
          </button>
        )}
        <AuditFileInput className="secondary" label="Restaurer une sauvegarde de la console…" inputLabel="Sauvegarde de la console à restaurer" onFile={(f) => void choose(f)} />
      </div>
      <OutcomeMessage outcome={outcome} />
      {pending && c && (
        <div className="notice" role="region" aria-labelledby="console-restore-title">
          <h3 id="console-restore-title">Remplacer la console par la sauvegarde du {frenchDate(pending.file.exportedAt)} ?</h3>
          <p>
            Le fichier est intègre (empreinte SHA-256 vérifiée). Console « {c.console.name} » : {c.members.length} membre(s), {c.auditors.length} auditeur(s),{' '}
            {c.plan.length} audit(s) planifié(s), {c.draws.length} tirage(s), {c.extensions.length} analyse(s) d'extension. Ce que la console contient
            aujourd'hui sera remplacé.
          </p>
          <div className="actions">
            <button type="button" onClick={() => void confirm()}>
              Restaurer la console
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
