import { zodResolver } from '@hookform/resolvers/zod';
import { useFieldArray, useForm } from 'react-hook-form';
import { auditDetailsFormSchema, type AuditDetailsInput, type AuditDetailsValues } from '../../domain/audit/forms';
import { AUDITOR_ROLE_LABELS, AUDITOR_ROLES, DEFAULT_INDEPENDENCE_STATEMENT, type Audit } from '../../domain/audit/model';
import { updateAudit } from '../../storage/audits';
import { database } from '../../storage/instance';
import { describedBy, Field } from '../workspace/Field';
import { track } from '../workspace/save-status';
import { focusFirstError } from '../workspace/focus-first-error';

/** The audit's team, dates, scope, the auditors' declaration of independence, and the conclusion. */
export function AuditDetailsForm({ audit, onDone }: { audit: Audit; onDone: () => void }) {
  const form = useForm<AuditDetailsInput, unknown, AuditDetailsValues>({
    resolver: zodResolver(auditDetailsFormSchema),
    shouldFocusError: false,
    defaultValues: {
      auditingStructure: audit.auditingStructure,
      auditors: audit.auditors,
      independence: { declared: audit.independence.declared, statement: audit.independence.statement || DEFAULT_INDEPENDENCE_STATEMENT },
      startDate: audit.startDate,
      endDate: audit.endDate,
      scopeNote: audit.scopeNote,
      conclusion: audit.conclusion,
    },
  });
  const auditors = useFieldArray({ control: form.control, name: 'auditors' });
  const { errors, isSubmitting } = form.formState;
  const id = (name: string) => `audit-${name}`;

  async function submit(values: AuditDetailsValues) {
    // track() gives undefined when the write failed (and says why); the form then stays open.
    if (await track(updateAudit(database(), audit.id, values).then(() => true))) onDone();
  }

  return (
    <form className="panel" noValidate aria-label="Informations de l'audit" onSubmit={form.handleSubmit(submit, focusFirstError)}>
      <Field id={id('auditingStructure')} label={audit.kind === 'croise' ? 'Structure qui audite (la vôtre)' : 'Structure ou service qui audite'} error={errors.auditingStructure?.message}>
        <input type="text" {...describedBy(id('auditingStructure'), errors.auditingStructure?.message)} {...form.register('auditingStructure')} />
      </Field>
      <fieldset className="field">
        <legend>Équipe d'audit</legend>
        {auditors.fields.length === 0 && <p className="muted">Aucun auditeur pour l'instant.</p>}
        {auditors.fields.map((field, index) => {
          const fieldErrors = errors.auditors?.[index];
          return (
            <div key={field.id} className="field-row participant">
              <Field id={id(`auditor-${index}-name`)} label={`Nom de l'auditeur ${index + 1}`} error={fieldErrors?.name?.message}>
                <input type="text" {...describedBy(id(`auditor-${index}-name`), fieldErrors?.name?.message)} {...form.register(`auditors.${index}.name`)} />
              </Field>
              <Field id={id(`auditor-${index}-role`)} label={`Rôle de l'auditeur ${index + 1}`}>
                <select id={id(`auditor-${index}-role`)} {...form.register(`auditors.${index}.role`)}>
                  {AUDITOR_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {AUDITOR_ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={id(`auditor-${index}-organisation`)} label={`Structure de l'auditeur ${index + 1}`} error={fieldErrors?.organisation?.message}>
                <input type="text" {...describedBy(id(`auditor-${index}-organisation`), fieldErrors?.organisation?.message)} {...form.register(`auditors.${index}.organisation`)} />
              </Field>
              <button type="button" className="secondary" onClick={() => auditors.remove(index)}>
                Retirer l'auditeur {index + 1}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="secondary"
          onClick={() => auditors.append({ name: '', role: auditors.fields.length === 0 ? 'responsable' : 'auditeur', organisation: form.getValues('auditingStructure') })}
        >
          Ajouter un auditeur
        </button>
        {errors.auditors?.message && <p className="field-error" role="alert">{errors.auditors.message}</p>}
      </fieldset>
      <div className="field-row">
        <Field id={id('startDate')} label="Début de l'audit" error={errors.startDate?.message}>
          <input type="date" {...describedBy(id('startDate'), errors.startDate?.message)} {...form.register('startDate')} />
        </Field>
        <Field id={id('endDate')} label="Fin de l'audit" error={errors.endDate?.message}>
          <input type="date" {...describedBy(id('endDate'), errors.endDate?.message)} {...form.register('endDate')} />
        </Field>
      </div>
      <Field id={id('scopeNote')} label="Périmètre (sites, activités, processus audités)" error={errors.scopeNote?.message}>
        <textarea rows={2} {...describedBy(id('scopeNote'), errors.scopeNote?.message)} {...form.register('scopeNote')} />
      </Field>
      <fieldset className="field">
        <legend>Déclaration d'indépendance</legend>
        <Field id={id('statement')} label="Texte de la déclaration" error={errors.independence?.statement?.message}>
          <textarea rows={3} {...describedBy(id('statement'), errors.independence?.statement?.message)} {...form.register('independence.statement')} />
        </Field>
        <label className="checkbox">
          <input type="checkbox" {...form.register('independence.declared')} />
          <span>Les auditeurs signent cette déclaration : aucun lien de client ou de fournisseur avec la structure auditée.</span>
        </label>
      </fieldset>
      <Field id={id('conclusion')} label="Conclusion de l'audit" error={errors.conclusion?.message}>
        <textarea rows={4} {...describedBy(id('conclusion'), errors.conclusion?.message)} {...form.register('conclusion')} />
      </Field>
      <div className="actions">
        <button type="submit" disabled={isSubmitting}>
          Enregistrer les informations de l'audit
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Annuler
        </button>
      </div>
    </form>
  );
}
