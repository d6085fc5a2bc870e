/** The audit forms: what they accept, with French messages next to each field. */
import { z } from 'zod';
import { AUDITOR_ROLES, FINDING_KINDS, isNonConformity } from './model';

const day = z.union([z.literal(''), z.iso.date({ error: 'Indiquez une date valide.' })]);
const text = (max: number) => z.string().trim().max(max, { error: `Au plus ${max.toLocaleString('fr-FR')} caractères.` });

export const auditDetailsFormSchema = z
  .object({
    auditingStructure: text(160),
    auditors: z
      .array(
        z.object({
          name: text(120).min(2, { error: "Indiquez le nom de l'auditeur." }),
          role: z.enum(AUDITOR_ROLES),
          organisation: text(160),
        }),
      )
      .max(20, { error: 'Au plus 20 auditeurs.' }),
    independence: z.object({ declared: z.boolean(), statement: text(2000) }),
    startDate: day,
    endDate: day,
    scopeNote: text(2000),
    conclusion: text(10_000),
  })
  .refine((a) => a.startDate === '' || a.endDate === '' || a.startDate <= a.endDate, {
    path: ['endDate'],
    error: "La fin de l'audit ne peut pas précéder son début.",
  })
  .refine((a) => !a.independence.declared || a.independence.statement.length >= 20, {
    path: ['independence', 'statement'],
    error: 'Écrivez la déclaration que les auditeurs signent (au moins 20 caractères).',
  })
  .refine((a) => !a.independence.declared || a.auditors.length > 0, {
    path: ['auditors'],
    error: "Ajoutez les auditeurs qui signent la déclaration d'indépendance.",
  });

export type AuditDetailsInput = z.input<typeof auditDetailsFormSchema>;
export type AuditDetailsValues = z.output<typeof auditDetailsFormSchema>;

export const findingFormSchema = z
  .object({
    criterionCode: z.string(),
    clause: z.string(),
    kind: z.enum(FINDING_KINDS),
    statement: text(5000).min(5, { error: 'Décrivez le constat (au moins 5 caractères).' }),
    evidenceSeen: text(5000),
    requirement: text(2000),
    rootCause: text(2000),
    correctiveAction: text(2000),
  })
  .refine((f) => f.criterionCode !== '' || f.clause !== '', {
    path: ['criterionCode'],
    error: 'Rattachez le constat à un critère CAP ou à un article ISO 9001.',
  })
  .refine((f) => !isNonConformity(f.kind) || f.requirement.length > 0, {
    path: ['requirement'],
    error: "Pour une non-conformité, citez l'exigence non satisfaite.",
  })
  .refine((f) => !isNonConformity(f.kind) || f.rootCause.length > 0, {
    path: ['rootCause'],
    error: 'Pour une non-conformité, indiquez la cause racine.',
  })
  .refine((f) => !isNonConformity(f.kind) || f.correctiveAction.length >= 3, {
    path: ['correctiveAction'],
    error: 'Pour une non-conformité, proposez une action corrective : elle entrera au plan de progrès.',
  });

export type FindingFormInput = z.input<typeof findingFormSchema>;
export type FindingFormValues = z.output<typeof findingFormSchema>;
