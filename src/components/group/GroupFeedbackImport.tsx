import { useState } from 'react';
import type { BenchmarkFile, ImposedActionsFile } from '../../domain/group/feedback-model';
import type { ImposedImportPlan } from '../../storage/group-member';
import { sameGroupName } from '../../domain/group/share-model';
import { describeError } from '../../storage/errors';
import { database } from '../../storage/instance';
import { AuditFileInput } from '../audit/AuditFileInput';
import { OutcomeMessage, type Outcome } from '../workspace/OutcomeMessage';
import { loadCatalog } from '../workspace/referential-client';
import { fileSizeProblem } from '../../domain/evaluation/sealed-file';
import { BENCHMARK_FORMAT } from '../../domain/group/feedback-model';

// The file schemas (zod, hashing) load when a file is chosen.
const feedbackFiles = () => import('../../domain/group/feedback-files');
const memberStorage = () => import('../../storage/group-member');

type Pending =
  | { kind: 'benchmark'; file: BenchmarkFile; groupMatches: boolean }
  | { kind: 'imposed'; file: ImposedActionsFile; plan: ImposedImportPlan };

/** A repère réseau or actions imposées from the group: checked, previewed, then kept. */
export function GroupFeedbackImport({ structureId, structureName }: { structureId: string; structureName: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  async function choose(chosen: File) {
    setOutcome(null);
    setPending(null);
    try {
      const tooBig = fileSizeProblem(chosen.size, { format: BENCHMARK_FORMAT, version: 1 });
      if (tooBig) return setOutcome({ kind: 'error', text: `« ${chosen.name} » : ${tooBig}` });
      const { readGroupFeedback } = await feedbackFiles();
      const { readContextOf } = await import('../../domain/evaluation/sealed-file');
      const result = await readGroupFeedback(await chosen.text(), readContextOf(...(await loadCatalog()).versions));
      if (!result.ok) return setOutcome({ kind: 'error', text: `« ${chosen.name} » : ${result.message}` });
      if (result.kind === 'benchmark') {
        const structure = await database().structures.get(structureId);
        setPending({ kind: 'benchmark', file: result.file, groupMatches: !!structure?.group && sameGroupName(structure.group.name, result.file.content.group) });
      } else {
        if (result.file.content.structure.id !== structureId) {
          return setOutcome({
            kind: 'error',
            text: `« ${chosen.name} » : ces actions sont adressées à « ${result.file.content.structure.name} », pas à « ${structureName} ». Importez-les dans l'espace de cette structure. Rien n'a été importé.`,
          });
        }
        const plan = await (await memberStorage()).previewImposedActions(database(), result.file);
        setPending({ kind: 'imposed', file: result.file, plan });
      }
    } catch (error) {
      setOutcome({ kind: 'error', text: `« ${chosen.name} » : ${describeError(error)}` });
    }
  }

  async function confirm() {
    if (!pending) return;
    try {
      const storage = await memberStorage();
      if (pending.kind === 'benchmark') {
        await storage.importBenchmark(database(), structureId, pending.file);
        setOutcome({ kind: 'ok', text: `Repère réseau du groupe « ${pending.file.content.group} » importé : il s'affiche sur le tableau de bord de chaque campagne.` });
      } else {
        const added = await storage.importImposedActions(database(), pending.file);
        setOutcome({ kind: 'ok', text: `${added.length} action(s) imposée(s) ajoutée(s) au plan de progrès de « ${pending.plan.campaign.name} ».` });
      }
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
    setPending(null);
  }

  return (
    <div>
      <AuditFileInput label="Importer un fichier du groupe…" inputLabel="Fichier du groupe à importer (repère réseau ou actions imposées)" onFile={(f) => void choose(f)} />
      <OutcomeMessage outcome={outcome} />
      {pending && (
        <div className="notice" role="region" aria-labelledby="feedback-plan-title">
          {pending.kind === 'benchmark' ? (
            <>
              <h3 id="feedback-plan-title">Importer le repère réseau de « {pending.file.content.group} » ?</h3>
              <p>
                Le fichier est intègre (empreinte SHA-256 vérifiée). Quartiles de {pending.file.content.contributors} structure(s) :{' '}
                {pending.file.content.themes.length} thème(s) et {pending.file.content.subThemes.length} sous-thème(s) communiqués,{' '}
                {pending.file.content.withheld.length} non communiqué(s) faute de 5 structures. Il remplace le repère détenu, s'il y en a un.
                {!pending.groupMatches && ` Attention : le profil de ${structureName} n'indique pas ce groupe.`}
              </p>
            </>
          ) : (
            <>
              <h3 id="feedback-plan-title">Importer les actions imposées par « {pending.file.content.group} » ?</h3>
              <p>
                Le fichier est intègre (empreinte SHA-256 vérifiée). Elles entreront au plan de progrès de la campagne « {pending.plan.campaign.name} »,
                marquées « imposée par le groupe » : {pending.plan.added.length ? pending.plan.added.map((t) => `« ${t} »`).join(', ') : 'aucune nouvelle'}.
                {pending.plan.alreadyInPlan.length > 0 && ` Déjà au plan, laissées telles quelles : ${pending.plan.alreadyInPlan.map((t) => `« ${t} »`).join(', ')}.`}
              </p>
            </>
          )}
          <div className="actions">
            <button type="button" onClick={() => void confirm()}>
              Confirmer l'import
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
