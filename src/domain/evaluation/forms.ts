/** What the forms accept, with the French message shown next to the field. */
import { z } from 'zod';
import { TRACK_IDS } from '../referential/constants';
import { EVIDENCE_KINDS, PARTICIPANT_ROLES } from './model';
import { JUSTIFICATION_MAX } from './rules';
export { structureFormSchema, type StructureFormInput, type StructureFormValues } from '../structure/form';

const name = (label: string, max = 120) =>
  z.string().trim().min(1, { error: `${label} est obligatoire.` }).max(max, { error: `${label} ne doit pas dépasser ${max} caractères.` });

export const participantSchema = z.object({
  id: z.string().min(1),
  name: name('Le nom du participant', 80),
  role: z.enum(PARTICIPANT_ROLES, { error: 'Choisissez un rôle.' }),
});

export const campaignFormSchema = z
  .object({
    name: name("L'intitulé de la campagne"),
    date: z.iso.date({ error: 'Indiquez une date.' }),
    // CAP is always part of a campaign; CAP ISO 9001 and CAP RSE come on top of it.
    tracks: z.array(z.enum(TRACK_IDS)).transform((t) => TRACK_IDS.filter((id) => id === 'CAP' || t.includes(id))),
    participants: z.array(participantSchema).max(60, { error: 'Au plus 60 participants.' }),
    /** ISO 9001 4.3: design and development (8.3) excluded, with its justification (CAP ISO 9001 only). */
    excludeDesign: z.boolean().default(false),
    designJustification: z.string().trim().max(JUSTIFICATION_MAX, { error: `La justification ne doit pas dépasser ${JUSTIFICATION_MAX} caractères.` }).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.tracks.includes('CAP_ISO9001') && v.excludeDesign && v.designJustification === '') {
      ctx.addIssue({ code: 'custom', path: ['designJustification'], message: "Justifiez l'exclusion : pourquoi la conception et le développement ne s'appliquent pas à la structure." });
    }
  })
  .transform(({ excludeDesign, designJustification, ...values }) => ({
    ...values,
    isoExclusions: values.tracks.includes('CAP_ISO9001') && excludeDesign ? [{ clause: '8.3' as const, justification: designJustification }] : [],
  }));
export type CampaignFormInput = z.input<typeof campaignFormSchema>;
export type CampaignFormValues = z.output<typeof campaignFormSchema>;

const httpUrl = z.url({ protocol: /^https?$/, error: 'Indiquez une adresse web complète, commençant par https://' });

export const evidenceFormSchema = z
  .object({
    title: name('Le titre de la preuve', 200),
    kind: z.enum(EVIDENCE_KINDS),
    url: z.string().trim(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'link' && !httpUrl.safeParse(value.url).success) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'Indiquez une adresse web complète, commençant par https://' });
    }
  })
  // The address as stored: without the tabs and line breaks a browser ignores in it.
  .transform((value) => (value.kind === 'link' ? { ...value, url: httpUrl.safeParse(value.url).data ?? value.url } : value));
export type EvidenceFormValues = z.output<typeof evidenceFormSchema>;
