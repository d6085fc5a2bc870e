import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { actionFormSchema, type ActionFormInput, type ActionFormValues } from '../../domain/plan/forms';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, PRIORITIES, PRIORITY_LABELS, type ProgressAction } from '../../domain/plan/model';
import type { Criterion } from '../../domain/referential/model';
import { describedBy, Field } from './Field';
import { focusFirstError } from './focus-first-error';

/** Creating or editing an action of the plan de progrès. */
export function ActionForm(props: { action?: ProgressAction; scope: Criterion[]; onSubmit: (values: ActionFormValues) => Promise<void>; onCancel: () => void }) {
  const { action } = props;
  const form = useForm<ActionFormInput, unknown, ActionFormValues>({
    resolver: zodResolver(actionFormSchema),
    shouldFocusError: false,
    defaultValues: {
      title: action?.title ?? '',
      criterionCodes: action?.criterionCodes ?? [],
      owner: action?.owner ?? '',
      startDate: action?.startDate ?? '',
      dueDate: action?.dueDate ?? '',
      status: action?.status ?? 'a_lancer',
      priority: action?.priority ?? 'moyenne',
      indicator: action?.indicator ?? '',
      resources: action?.resources ?? '',
      notes: action?.notes ?? '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const prefix = action ? `action-${action.id}` : 'new-action';
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <form className="panel" noValidate onSubmit={form.handleSubmit(props.onSubmit, focusFirstError)} aria-label={action ? `Modifier l'action ${action.title}` : 'Nouvelle action'}>
      <Field id={id('title')} label="Intitulé de l'action" error={errors.title?.message}>
        <input type="text" {...describedBy(id('title'), errors.title?.message)} {...form.register('title')} />
      </Field>
      <div className="field-row">
        <Field id={id('owner')} label="Pilote" error={errors.owner?.message}>
          <input type="text" {...describedBy(id('owner'), errors.owner?.message)} {...form.register('owner')} />
        </Field>
        <Field id={id('status')} label="Statut">
          <select id={id('status')} {...form.register('status')}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>{ACTION_STATUS_LABELS[s]}</option>
            ))}
          </select>
        </Field>
        <Field id={id('priority')} label="Priorité">
          <select id={id('priority')} {...form.register('priority')}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>{PRIORITY_LABELS[p]}</option>
            ))}
          </select>
        </Field>
      </div>
      <div className="field-row">
        <Field id={id('start')} label="Début" error={errors.startDate?.message}>
          <input type="date" {...describedBy(id('start'), errors.startDate?.message)} {...form.register('startDate')} />
        </Field>
        <Field id={id('due')} label="Échéance" error={errors.dueDate?.message}>
          <input type="date" {...describedBy(id('due'), errors.dueDate?.message)} {...form.register('dueDate')} />
        </Field>
      </div>
      <Field id={id('criteria')} label="Critères liés" hint="Ctrl ou Maj pour en choisir plusieurs.">
        <select multiple size={5} {...describedBy(id('criteria'), undefined, true)} {...form.register('criterionCodes')}>
          {props.scope.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} {c.title}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('indicator')} label="Indicateur de réussite" error={errors.indicator?.message}>
        <input type="text" {...describedBy(id('indicator'), errors.indicator?.message)} {...form.register('indicator')} />
      </Field>
      <Field id={id('resources')} label="Ressources (par exemple une offre de service Coorace)" error={errors.resources?.message}>
        <input type="text" {...describedBy(id('resources'), errors.resources?.message)} {...form.register('resources')} />
      </Field>
      <Field id={id('notes')} label="Notes" error={errors.notes?.message}>
        <textarea rows={3} {...describedBy(id('notes'), errors.notes?.message)} {...form.register('notes')} />
      </Field>
      <div className="actions">
        <button type="submit" disabled={isSubmitting}>{action ? "Enregistrer l'action" : "Ajouter l'action"}</button>
        <button type="button" className="secondary" onClick={props.onCancel}>Annuler</button>
      </div>
    </form>
  );
}
