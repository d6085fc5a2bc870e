import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { structureFormSchema, type StructureFormInput, type StructureFormValues } from '../../domain/evaluation/forms';
import { STRUCTURE_TYPES, type Structure } from '../../domain/evaluation/model';
import type { Referential } from '../../domain/referential/model';
import { describedBy, Field } from './Field';

interface Props {
  referential: Referential;
  structure?: Structure;
  onSubmit: (values: StructureFormValues) => Promise<void>;
  onCancel: () => void;
}

const blank = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function StructureForm({ referential, structure, onSubmit, onCancel }: Props) {
  const form = useForm<StructureFormInput, unknown, StructureFormValues>({
    resolver: zodResolver(structureFormSchema),
    defaultValues: {
      name: structure?.name ?? '',
      types: structure?.types ?? [],
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
  const typeName = (t: string) => referential.structureTypes.find((s) => s.id === t)?.name ?? t;

  return (
    <form className="panel" noValidate onSubmit={form.handleSubmit(onSubmit)} aria-label={structure ? `Modifier ${structure.name}` : 'Nouvelle structure'}>
      <Field id={id('name')} label="Nom de la structure" error={errors.name?.message}>
        <input type="text" autoComplete="organization" {...describedBy(id('name'), errors.name?.message)} {...form.register('name')} />
      </Field>
      <fieldset className="field" aria-describedby={errors.types ? id('types-error') : undefined}>
        <legend>Types de structure (un ou plusieurs)</legend>
        <div className="checkbox-grid">
          {STRUCTURE_TYPES.map((type) => (
            <label key={type} className="checkbox">
              <input type="checkbox" value={type} {...form.register('types')} />
              <span><abbr title={typeName(type)}>{type}</abbr> <span className="muted">{typeName(type)}</span></span>
            </label>
          ))}
        </div>
        {errors.types && <p className="field-error" id={id('types-error')}>{errors.types.message}</p>}
      </fieldset>
      <div className="field-row">
        <Field id={id('siret')} label="SIRET (facultatif)" hint="14 chiffres, espaces permis." error={errors.siret?.message}>
          <input type="text" inputMode="numeric" {...describedBy(id('siret'), errors.siret?.message, true)} {...form.register('siret')} />
        </Field>
        <Field id={id('region')} label="Région (facultatif)" error={errors.region?.message}>
          <input type="text" {...describedBy(id('region'), errors.region?.message)} {...form.register('region')} />
        </Field>
      </div>
      <fieldset className="field">
        <legend>Effectifs (facultatif)</legend>
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
