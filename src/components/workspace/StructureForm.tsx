import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { structureFormSchema, type StructureFormInput, type StructureFormValues } from '../../domain/structure/form';
import type { Structure } from '../../domain/evaluation/model';
import {
  COMMERCIAL_COMPANIES,
  CONVENTIONNEMENT_LABELS,
  CONVENTIONNEMENTS,
  GROUP_ROLE_LABELS,
  GROUP_ROLES,
  LEGAL_FORM_LABELS,
  LEGAL_FORMS,
  type LegalForm,
} from '../../domain/structure/profile';
import { describedBy, Field } from './Field';
import { focusFirstError } from './focus-first-error';

interface Props {
  structure?: Structure;
  onSubmit: (values: StructureFormValues) => Promise<void>;
  onCancel: () => void;
}

const blank = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/**
 * A structure and its profile: legal form, conventionnements (an ensemblier ticks each of its own), membership of
 * a certification group, headcount. The profile decides which criteria apply and which legal duties bind.
 */
export function StructureForm({ structure, onSubmit, onCancel }: Props) {
  const form = useForm<StructureFormInput, unknown, StructureFormValues>({
    resolver: zodResolver(structureFormSchema),
    shouldFocusError: false,
    defaultValues: {
      name: structure?.name ?? '',
      // Structures described before 2026.2 may not have said it yet: the form asks for it.
      legalForm: (structure?.legalForm ?? '') as LegalForm,
      conventionnements: structure?.conventionnements ?? [],
      ensemblier: structure?.ensemblier ?? false,
      essCompany: structure?.essCompany ?? false,
      group: { role: structure?.group?.role ?? '', name: structure?.group?.name ?? '', agreementDate: structure?.group?.agreementDate ?? '' },
      headcount: blank(structure?.headcount),
      siret: structure?.siret ?? '',
      region: structure?.region ?? '',
      staff: {
        permanents: blank(structure?.staff.permanents),
        inPathway: blank(structure?.staff.inPathway),
        volunteers: blank(structure?.staff.volunteers),
      },
    },
  });
  const { errors, isSubmitting } = form.formState;
  const prefix = structure ? `structure-${structure.id}` : 'new-structure';
  const id = (name: string) => `${prefix}-${name}`;
  const legalForm = form.watch('legalForm');
  const groupRole = form.watch('group.role');

  return (
    <form className="panel" noValidate onSubmit={form.handleSubmit(onSubmit, focusFirstError)} aria-label={structure ? `Modifier ${structure.name}` : 'Nouvelle structure'}>
      <Field id={id('name')} label="Nom de la structure" error={errors.name?.message}>
        <input type="text" autoComplete="organization" {...describedBy(id('name'), errors.name?.message)} {...form.register('name')} />
      </Field>
      <Field id={id('legalForm')} label="Forme juridique" error={errors.legalForm?.message}>
        <select {...describedBy(id('legalForm'), errors.legalForm?.message)} {...form.register('legalForm')}>
          <option value="">— choisir —</option>
          {LEGAL_FORMS.map((f) => (
            <option key={f} value={f}>{LEGAL_FORM_LABELS[f]}</option>
          ))}
        </select>
      </Field>
      {COMMERCIAL_COMPANIES.includes(legalForm) && (
        <label className="checkbox">
          <input type="checkbox" {...form.register('essCompany')} />
          <span>Société commerciale ayant la qualité d'entreprise de l'économie sociale et solidaire (loi du 31 juillet 2014, article 1)</span>
        </label>
      )}
      <fieldset className="field" aria-describedby={`${id('conventionnements')}-hint${errors.conventionnements ? ` ${id('conventionnements')}-error` : ''}`}>
        <legend>Conventionnements, agréments et labels</legend>
        <p className="hint" id={`${id('conventionnements')}-hint`}>
          Cochez tous ceux que la structure détient : chacun apporte ses critères et ses obligations.
        </p>
        <div className="checkbox-grid">
          {CONVENTIONNEMENTS.map((c) => (
            <label key={c} className="checkbox">
              <input type="checkbox" value={c} {...form.register('conventionnements')} />
              <span><abbr title={CONVENTIONNEMENT_LABELS[c]}>{c}</abbr> <span className="muted">{CONVENTIONNEMENT_LABELS[c]}</span></span>
            </label>
          ))}
        </div>
        <label className="checkbox">
          <input type="checkbox" {...form.register('ensemblier')} />
          <span>Ensemblier : plusieurs activités conventionnées portées ensemble</span>
        </label>
        {errors.conventionnements && <p className="field-error" id={`${id('conventionnements')}-error`}>{errors.conventionnements.message}</p>}
      </fieldset>
      <fieldset className="field">
        <legend>Certification CAP ISO 9001 en groupe</legend>
        <Field id={id('groupRole')} label="Place dans un groupe de certification">
          <select {...describedBy(id('groupRole'), undefined)} {...form.register('group.role')}>
            <option value="">Pas de groupe (certification individuelle ou aucune)</option>
            {GROUP_ROLES.map((r) => (
              <option key={r} value={r}>{GROUP_ROLE_LABELS[r]}</option>
            ))}
          </select>
        </Field>
        {groupRole !== '' && (
          <div className="field-row">
            <Field id={id('groupName')} label="Nom du groupe" error={errors.group?.name?.message}>
              <input type="text" {...describedBy(id('groupName'), errors.group?.name?.message)} {...form.register('group.name')} />
            </Field>
            <Field id={id('groupDate')} label="Adhésion au groupe signée le (facultatif)" error={errors.group?.agreementDate?.message}>
              <input type="date" {...describedBy(id('groupDate'), errors.group?.agreementDate?.message)} {...form.register('group.agreementDate')} />
            </Field>
          </div>
        )}
      </fieldset>
      <div className="field-row">
        <Field id={id('siret')} label="SIRET (facultatif)" hint="14 chiffres, espaces permis." error={errors.siret?.message}>
          <input type="text" inputMode="numeric" {...describedBy(id('siret'), errors.siret?.message, true)} {...form.register('siret')} />
        </Field>
        <Field id={id('region')} label="Région (facultatif)" error={errors.region?.message}>
          <input type="text" {...describedBy(id('region'), errors.region?.message)} {...form.register('region')} />
        </Field>
      </div>
      <Field
        id={id('headcount')}
        label="Effectif salarié (facultatif)"
        hint="L'effectif moyen de la structure. Il dit quelles obligations à seuil s'appliquent (CSE à partir de 11 salariés, procédure de signalement des lanceurs d'alerte et index de l'égalité à partir de 50) ; chaque critère rappelle comment son seuil se calcule."
        error={errors.headcount?.message}
      >
        <input type="number" min={0} step={1} {...describedBy(id('headcount'), errors.headcount?.message, true)} {...form.register('headcount')} />
      </Field>
      <fieldset className="field">
        <legend>Personnes (facultatif)</legend>
        <div className="field-row">
          {(
            [
              ['permanents', 'Salariés permanents'],
              ['inPathway', 'Salariés en parcours'],
              ['volunteers', 'Bénévoles'],
            ] as const
          ).map(([key, label]) => (
            <Field key={key} id={id(key)} label={label} error={errors.staff?.[key]?.message}>
              <input type="number" min={0} step={1} {...describedBy(id(key), errors.staff?.[key]?.message)} {...form.register(`staff.${key}`)} />
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={isSubmitting}>{structure ? 'Enregistrer la structure' : 'Créer la structure'}</button>
        <button type="button" className="secondary" onClick={onCancel}>Annuler</button>
      </div>
    </form>
  );
}
