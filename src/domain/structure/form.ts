/** What the structure form accepts, with the French message shown next to the field. */
import { z } from 'zod';
import { isValidSiret, normalizeSiret } from '../evaluation/siret';
import { COMMERCIAL_COMPANIES, CONVENTIONNEMENTS, GROUP_ROLES, LEGAL_FORMS, type GroupMembership } from './profile';

const count = z
  .union([z.literal(''), z.coerce.number({ error: 'Indiquez un nombre entier.' })])
  .transform((v) => (v === '' ? null : v))
  .pipe(
    z
      .number()
      .int({ error: 'Indiquez un nombre entier.' })
      .min(0, { error: 'Le nombre ne peut pas être négatif.' })
      .max(100_000, { error: 'Ce nombre semble trop grand.' })
      .nullable(),
  );

export const structureFormSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'Le nom de la structure est obligatoire.' }).max(120, { error: 'Le nom de la structure ne doit pas dépasser 120 caractères.' }),
    legalForm: z.enum(LEGAL_FORMS, { error: 'Choisissez la forme juridique.' }),
    conventionnements: z.array(z.enum(CONVENTIONNEMENTS)).transform((list) => CONVENTIONNEMENTS.filter((c) => list.includes(c))),
    ensemblier: z.boolean(),
    essCompany: z.boolean(),
    group: z.object({
      role: z.union([z.literal(''), z.enum(GROUP_ROLES)]),
      name: z.string().trim().max(160, { error: 'Le nom du groupe ne doit pas dépasser 160 caractères.' }),
      agreementDate: z.union([z.literal(''), z.iso.date({ error: 'Indiquez une date.' })]),
    }),
    headcount: count,
    siret: z
      .string()
      .trim()
      .transform(normalizeSiret)
      .refine((s) => s === '' || /^\d{14}$/.test(s), { error: 'Le SIRET compte 14 chiffres.' })
      .refine((s) => s === '' || isValidSiret(s), { error: "Ce SIRET n'est pas valide : vérifiez les chiffres (clé de contrôle)." }),
    region: z.string().trim().max(80, { error: 'La région ne doit pas dépasser 80 caractères.' }),
    staff: z.object({ permanents: count, inPathway: count, volunteers: count }),
  })
  .superRefine((v, ctx) => {
    if (v.ensemblier && v.conventionnements.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['conventionnements'], message: "Un ensemblier porte au moins deux conventionnements : cochez chacun d'eux, il en reçoit toutes les règles." });
    }
    if (v.group.role !== '' && v.group.name === '') {
      ctx.addIssue({ code: 'custom', path: ['group', 'name'], message: 'Indiquez le nom du groupe de certification.' });
    }
  })
  .transform(({ group, essCompany, ...rest }) => ({
    ...rest,
    // Only a commercial company says whether it has the ESS quality; the other forms have it, or not, by status.
    essCompany: COMMERCIAL_COMPANIES.includes(rest.legalForm) && essCompany,
    group: group.role === '' ? null : ({ role: group.role, name: group.name, agreementDate: group.agreementDate || null } satisfies GroupMembership),
  }));

export type StructureFormInput = z.input<typeof structureFormSchema>;
export type StructureFormValues = z.output<typeof structureFormSchema>;
