import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { campaignFormSchema, type CampaignFormInput, type CampaignFormValues } from '../../domain/evaluation/forms';
import { newId } from '../../domain/evaluation/ids';
import { PARTICIPANT_ROLE_LABELS, PARTICIPANT_ROLES, type Campaign } from '../../domain/evaluation/model';
import type { Referential } from '../../domain/referential/model';
import { describedBy, Field } from './Field';
import { frenchShortDate } from '../../domain/french-date';
import { focusFirstError } from './focus-first-error';

interface Props {
  referential: Referential;
  structureName: string;
  /** The structure's earlier campaigns, offered as a starting point. */
  previousCampaigns: Campaign[];
  campaign?: Campaign;
  onSubmit: (values: CampaignFormValues, previousId: string | null) => Promise<void>;
  onCancel: () => void;
}

export function CampaignForm({ referential, structureName, previousCampaigns, campaign, onSubmit, onCancel }: Props) {
  const today = new Date().toISOString().slice(0, 10);
  const [previousId, setPreviousId] = useState('');
  const form = useForm<CampaignFormInput, unknown, CampaignFormValues>({
    resolver: zodResolver(campaignFormSchema),
    shouldFocusError: false,
    defaultValues: {
      name: campaign?.name ?? `Auto-évaluation CAP ${today.slice(0, 4)}`,
      date: campaign?.date ?? today,
      tracks: campaign?.tracks ?? ['CAP'],
      participants: campaign?.participants ?? [],
      excludeDesign: campaign?.isoExclusions?.some((e) => e.clause === '8.3') ?? false,
      designJustification: campaign?.isoExclusions?.find((e) => e.clause === '8.3')?.justification ?? '',
    },
  });
  const iso9001 = form.watch('tracks')?.includes('CAP_ISO9001');
  const excludeDesign = form.watch('excludeDesign');
  const participants = useFieldArray({ control: form.control, name: 'participants' });
  const { errors, isSubmitting } = form.formState;
  const prefix = campaign ? `campaign-${campaign.id}` : 'new-campaign';
  const id = (name: string) => `${prefix}-${name}`;

  return (
    <form
      className="panel"
      noValidate
      aria-label={campaign ? `Modifier la campagne ${campaign.name}` : `Nouvelle campagne pour ${structureName}`}
      onSubmit={form.handleSubmit((values) => onSubmit(values, previousId || null), focusFirstError)}
    >
      <div className="field-row">
        <Field id={id('name')} label="Intitulé de la campagne" error={errors.name?.message}>
          <input type="text" {...describedBy(id('name'), errors.name?.message)} {...form.register('name')} />
        </Field>
        <Field id={id('date')} label="Date" error={errors.date?.message}>
          <input type="date" {...describedBy(id('date'), errors.date?.message)} {...form.register('date')} />
        </Field>
      </div>
      <fieldset className="field">
        <legend>Parcours</legend>
        {referential.tracks.map((track) => (
          <label key={track.id} className="checkbox">
            {track.id === 'CAP' ? (
              <input type="checkbox" checked disabled />
            ) : (
              <input type="checkbox" value={track.id} {...form.register('tracks')} />
            )}
            <span>
              <strong>{track.name}</strong> <span className="muted">{track.id === 'CAP' ? '(toujours inclus)' : track.description}</span>
            </span>
          </label>
        ))}
        {errors.tracks && <p className="field-error">{errors.tracks.message}</p>}
      </fieldset>
      {iso9001 && (
        <fieldset className="field">
          <legend>Domaine d'application ISO 9001 (4.3)</legend>
          <label className="checkbox">
            <input type="checkbox" {...form.register('excludeDesign')} />
            <span>Exclure l'article 8.3, conception et développement : la structure ne conçoit pas elle-même ses services</span>
          </label>
          {excludeDesign && (
            <Field id={id('designJustification')} label="Justification de l'exclusion (obligatoire)" error={errors.designJustification?.message}>
              <textarea rows={2} maxLength={2000} {...describedBy(id('designJustification'), errors.designJustification?.message)} {...form.register('designJustification')} />
            </Field>
          )}
        </fieldset>
      )}
      {!campaign && previousCampaigns.length > 0 && (
        <Field
          id={id('previous')}
          label="Partir d'une campagne précédente (facultatif)"
          hint={`Les réponses sont recopiées et marquées « à revoir » jusqu'à confirmation. La nouvelle campagne suit le référentiel ${referential.version} : celles d'une campagne évaluée avec une version antérieure passent par la table de migration (critères renommés, fusionnés, nouveaux).`}
        >
          <select {...describedBy(id('previous'), undefined, true)} value={previousId} onChange={(e) => setPreviousId(e.target.value)}>
            <option value="">Non, partir de zéro</option>
            {previousCampaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({frenchShortDate(c.date)}
                {c.referentialVersion !== referential.version && `, référentiel ${c.referentialVersion}`})
              </option>
            ))}
          </select>
        </Field>
      )}
      <fieldset className="field">
        <legend>Participants</legend>
        {participants.fields.length === 0 && <p className="muted">Aucun participant pour l'instant.</p>}
        {participants.fields.map((field, index) => (
          <div key={field.id} className="field-row participant">
            <Field id={id(`participant-${index}-name`)} label={`Nom du participant ${index + 1}`} error={errors.participants?.[index]?.name?.message}>
              <input type="text" {...describedBy(id(`participant-${index}-name`), errors.participants?.[index]?.name?.message)} {...form.register(`participants.${index}.name`)} />
            </Field>
            <Field id={id(`participant-${index}-role`)} label={`Rôle du participant ${index + 1}`}>
              <select id={id(`participant-${index}-role`)} {...form.register(`participants.${index}.role`)}>
                {PARTICIPANT_ROLES.map((role) => (
                  <option key={role} value={role}>{PARTICIPANT_ROLE_LABELS[role]}</option>
                ))}
              </select>
            </Field>
            <button type="button" className="secondary" onClick={() => participants.remove(index)}>
              Retirer le participant {index + 1}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => participants.append({ id: newId(), name: '', role: 'permanent' })}>
          Ajouter un participant
        </button>
        {errors.participants?.message && <p className="field-error">{errors.participants.message}</p>}
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={isSubmitting}>{campaign ? 'Enregistrer la campagne' : 'Créer la campagne'}</button>
        <button type="button" className="secondary" onClick={onCancel}>Annuler</button>
      </div>
    </form>
  );
}
