import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { findingFormSchema, type FindingFormInput, type FindingFormValues } from '../../domain/audit/forms';
import { FINDING_KIND_LABELS, FINDING_KINDS, isNonConformity, type Audit, type Finding } from '../../domain/audit/model';
import type { Criterion, Referential } from '../../domain/referential/model';
import { database } from '../../storage/instance';
import { saveFinding } from '../../storage/audits';
import { describedBy, Field } from '../workspace/Field';
import { track } from '../workspace/save-status';
import { focusFirstError } from '../workspace/focus-first-error';

interface Props {
  referential: Referential;
  audit: Audit;
  scope: Criterion[];
  finding?: Finding | undefined;
  onDone: () => void;
}

/** A finding in AFNOR's words; a non-conformity also needs its requirement, root cause and corrective action. */
export function FindingForm({ referential, audit, scope, finding, onDone }: Props) {
  const form = useForm<FindingFormInput, unknown, FindingFormValues>({
    resolver: zodResolver(findingFormSchema),
    shouldFocusError: false,
    defaultValues: {
      criterionCode: finding?.criterionCode ?? '',
      clause: finding?.clause ?? '',
      kind: finding?.kind ?? 'piste_progres',
      statement: finding?.statement ?? '',
      evidenceSeen: finding?.evidenceSeen ?? '',
      requirement: finding?.requirement ?? '',
      rootCause: finding?.rootCause ?? '',
      correctiveAction: finding?.correctiveAction ?? '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const nonConformity = isNonConformity(form.watch('kind'));
  const id = (name: string) => `finding-${finding?.id ?? 'new'}-${name}`;
  const criterionField = form.register('criterionCode');
  const ownCampaign = audit.side === 'audited';

  async function submit(values: FindingFormValues) {
    const saved = await track(
      saveFinding(database(), audit.id, { ...values, criterionCode: values.criterionCode || null, clause: values.clause }, finding?.id),
    );
    if (saved) onDone();
  }

  return (
    <form className="panel" noValidate aria-label={finding ? 'Modifier le constat' : 'Nouveau constat'} onSubmit={form.handleSubmit(submit, focusFirstError)}>
      <div className="field-row">
        <Field id={id('kind')} label="Type de constat">
          <select id={id('kind')} {...form.register('kind')}>
            {FINDING_KINDS.map((k) => (
              <option key={k} value={k}>
                {FINDING_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('criterionCode')} label="Critère CAP" error={errors.criterionCode?.message}>
          <select
            {...describedBy(id('criterionCode'), errors.criterionCode?.message)}
            {...criterionField}
            onChange={(e) => {
              void criterionField.onChange(e);
              // The criterion's first ISO 9001 clause is the likely one: offered, still editable.
              const criterion = scope.find((c) => c.code === e.target.value);
              if (criterion && form.getValues('clause') === '') form.setValue('clause', criterion.iso9001[0] ?? '');
            }}
          >
            <option value="">— aucun (article ISO 9001 seulement) —</option>
            {scope.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} {c.title}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('clause')} label="Article ISO 9001">
          <select id={id('clause')} {...form.register('clause')}>
            <option value="">— aucun —</option>
            {referential.iso9001.clauses.map((c) => (
              <option key={c.code} value={c.code}>
                § {c.code} {c.title}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id={id('statement')} label="Constat" error={errors.statement?.message}>
        <textarea rows={3} {...describedBy(id('statement'), errors.statement?.message)} {...form.register('statement')} />
      </Field>
      <Field id={id('evidenceSeen')} label="Preuves vues (documents, enregistrements, entretiens)" error={errors.evidenceSeen?.message}>
        <textarea rows={2} {...describedBy(id('evidenceSeen'), errors.evidenceSeen?.message)} {...form.register('evidenceSeen')} />
      </Field>
      {nonConformity && (
        <fieldset className="field">
          <legend>Non-conformité</legend>
          <Field id={id('requirement')} label="Exigence non satisfaite" error={errors.requirement?.message}>
            <textarea rows={2} {...describedBy(id('requirement'), errors.requirement?.message)} {...form.register('requirement')} />
          </Field>
          <Field id={id('rootCause')} label="Cause racine" error={errors.rootCause?.message}>
            <textarea rows={2} {...describedBy(id('rootCause'), errors.rootCause?.message)} {...form.register('rootCause')} />
          </Field>
          <Field
            id={id('correctiveAction')}
            label="Action corrective"
            error={errors.correctiveAction?.message}
            hint={ownCampaign ? 'Elle entre au plan de progrès de la campagne dès l’enregistrement.' : 'La structure auditée la reprendra dans son plan de progrès.'}
          >
            <textarea rows={2} {...describedBy(id('correctiveAction'), errors.correctiveAction?.message, true)} {...form.register('correctiveAction')} />
          </Field>
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" disabled={isSubmitting}>
          {finding ? 'Enregistrer le constat' : 'Ajouter ce constat'}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Annuler
        </button>
      </div>
    </form>
  );
}
