import { useEffect, useRef, useState } from 'react';
import type { NcExtension } from '../../../domain/group/console-model';
import { FINDING_KIND_LABELS } from '../../../domain/audit/model';
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '../../../domain/plan/model';
import { frenchDate } from '../../../domain/french-date';
import { Field } from '../../workspace/Field';
import { draftProblems, membersNamedInAction, type ExtensionDraft } from './draft';
import type { HeldNonConformity } from './held-non-conformities';

export interface FormMember {
  id: string;
  name: string;
}

/**
 * The central function's analysis of one member's non-conformity: systemic or not, which members are affected (each
 * with why), why the others are not, and the action imposed on the affected ones.
 */
export function ExtensionForm(props: {
  nc: HeldNonConformity;
  initial: ExtensionDraft;
  /** The source member first, then the others by name. */
  members: readonly FormMember[];
  /** The criterion codes of the referential version the files are sealed with. */
  knownCodes: ReadonlySet<string>;
  saved: NcExtension | null;
  onSave: (draft: ExtensionDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const { nc, members, saved } = props;
  const [draft, setDraft] = useState(props.initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (problems.length > 0) alert.current?.focus();
  }, [problems]);

  const memberIds = members.map((m) => m.id);
  const checkedCount = memberIds.filter((id) => draft.checked[id]).length;
  const named = membersNamedInAction(draft, members, memberIds);
  const sentTo = new Set((saved?.imposed ?? []).filter((i) => i.sentAt).map((i) => i.structureId));
  const set = (change: Partial<ExtensionDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setAction = (change: Partial<ExtensionDraft['action']>) => setDraft((d) => ({ ...d, action: { ...d.action, ...change } }));
  const f = nc.finding;

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const found = draftProblems(draft, memberIds, props.knownCodes);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await props.onSave(draft);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="extension-form-title">
      <h2 id="extension-form-title" ref={heading} tabIndex={-1}>
        Analyse d'extension : {FINDING_KIND_LABELS[f.kind].toLowerCase()} chez {nc.memberName}
      </h2>
      <dl className="facts">
        <dt>Relevée</dt>
        <dd>
          {nc.auditDate ? `le ${frenchDate(nc.auditDate)}` : 'date non renseignée'}
          {f.clause && ` · ISO 9001 ${f.clause}`}
          {f.criterionCode && ` · critère ${f.criterionCode}`}
        </dd>
        <dt>Constat</dt>
        <dd className="prewrap">{f.statement || '—'}</dd>
        <dt>Exigence</dt>
        <dd className="prewrap">{f.requirement || '—'}</dd>
      </dl>

      {problems.length > 0 && (
        <div className="notice notice-error" role="alert" tabIndex={-1} ref={alert}>
          <p>L'analyse n'est pas enregistrée :</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}

      <fieldset className="field">
        <legend>La non-conformité est-elle systémique ?</legend>
        <p className="hint">
          Systémique : sa cause tient à un processus commun (le système de management du groupe), elle peut donc exister chez d'autres membres.
        </p>
        <label className="checkbox">
          <input type="radio" name="systemic" checked={draft.systemic === true} onChange={() => set({ systemic: true })} />
          Oui, systémique
        </label>
        <label className="checkbox">
          <input type="radio" name="systemic" checked={draft.systemic === false} onChange={() => set({ systemic: false })} />
          Non, propre à la structure
        </label>
      </fieldset>

      <Field id="ext-analysis" label="Analyse : pourquoi elle est (ou n'est pas) systémique">
        <textarea id="ext-analysis" rows={4} maxLength={5000} value={draft.analysis} onChange={(e) => set({ analysis: e.target.value })} />
      </Field>

      <fieldset className="field">
        <legend>
          Structures concernées ({checkedCount} sur {members.length})
        </legend>
        <p className="hint">Chaque structure cochée reçoit l'action imposée, dans un fichier qui ne nomme qu'elle.</p>
        {members.map((m, index) => {
          const checked = !!draft.checked[m.id];
          return (
            <div key={m.id} className="extension-member">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={(e) =>
                    set({
                      checked: { ...draft.checked, [m.id]: e.target.checked },
                    })
                  }
                />
                {m.name}
                {index === 0 && m.id === nc.source.structureId && ' (structure où la non-conformité a été relevée)'}
                {sentTo.has(m.id) && ' — fichier déjà envoyé'}
              </label>
              {checked && (
                <Field id={`ext-why-${m.id}`} label={`Pourquoi « ${m.name} » est concernée`}>
                  <input
                    id={`ext-why-${m.id}`}
                    type="text"
                    maxLength={1000}
                    value={draft.why[m.id] ?? ''}
                    onChange={(e) => set({ why: { ...draft.why, [m.id]: e.target.value } })}
                  />
                </Field>
              )}
              {!checked && sentTo.has(m.id) && (
                <p className="hint">Décochée, cette structure garde l'action déjà importée dans son plan, mais la console ne la suivra plus.</p>
              )}
            </div>
          );
        })}
      </fieldset>

      <Field
        id="ext-others"
        label="Pourquoi les autres structures ne sont pas concernées"
        hint={
          checkedCount < members.length
            ? 'Limiter l’extension se justifie : processus propre, activité différente, contrôle déjà en place…'
            : 'Toutes les structures sont concernées.'
        }
      >
        <textarea
          id="ext-others"
          rows={3}
          maxLength={5000}
          value={draft.othersNotAffectedBecause}
          aria-describedby="ext-others-hint"
          onChange={(e) => set({ othersNotAffectedBecause: e.target.value })}
        />
      </Field>

      <fieldset className="field">
        <legend>Action imposée aux structures concernées</legend>
        <p className="hint">
          Le titre, la description et le motif vont tels quels à chaque structure concernée : ne nommez pas la structure d'origine.
          {saved && sentTo.size > 0 && ' Les structures qui ont déjà importé leur fichier gardent l’action telle qu’elle leur a été envoyée.'}
        </p>
        {named.length > 0 && (
          <p className="notice notice-warning" role="status">
            Attention : le texte de l'action nomme {named.map((n) => `« ${n} »`).join(', ')}, alors qu'il sera envoyé à d'autres structures.
          </p>
        )}
        <Field id="ext-title" label="Titre">
          <input id="ext-title" type="text" maxLength={300} value={draft.action.title} onChange={(e) => setAction({ title: e.target.value })} />
        </Field>
        <Field id="ext-description" label="Description : ce qu'il faut faire">
          <textarea id="ext-description" rows={4} maxLength={5000} value={draft.action.description} onChange={(e) => setAction({ description: e.target.value })} />
        </Field>
        <Field id="ext-reason" label="Motif (ne nomme aucune structure)">
          <textarea id="ext-reason" rows={2} maxLength={2000} value={draft.action.reason} onChange={(e) => setAction({ reason: e.target.value })} />
        </Field>
        <div className="field-row">
          <Field id="ext-due" label="Échéance">
            <input id="ext-due" type="date" value={draft.action.dueDate} onChange={(e) => setAction({ dueDate: e.target.value })} />
          </Field>
          <Field id="ext-priority" label="Priorité">
            <select id="ext-priority" value={draft.action.priority} onChange={(e) => setAction({ priority: e.target.value as Priority })}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_LABELS[p]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="ext-criteria" label="Critères du référentiel" hint="Codes séparés par des virgules, par exemple ID.1.2">
            <input
              id="ext-criteria"
              type="text"
              value={draft.action.criterionCodes}
              aria-describedby="ext-criteria-hint"
              onChange={(e) => setAction({ criterionCodes: e.target.value })}
            />
          </Field>
        </div>
      </fieldset>

      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Enregistrement…' : "Enregistrer l'analyse"}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
