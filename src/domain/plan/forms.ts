/** The action form: what it accepts, with French messages. */
import { z } from 'zod';
import { ACTION_STATUSES, PRIORITIES } from './model';

const day = z.union([z.literal(''), z.iso.date({ error: 'Indiquez une date valide.' })]);

export const actionFormSchema = z
  .object({
    title: z.string().trim().min(3, { error: "L'intitulé de l'action est obligatoire (au moins 3 caractères)." }).max(300, { error: 'Au plus 300 caractères.' }),
    criterionCodes: z.array(z.string()).max(50, { error: 'Au plus 50 critères par action.' }),
    owner: z.string().trim().max(120, { error: 'Au plus 120 caractères.' }),
    startDate: day,
    dueDate: day,
    status: z.enum(ACTION_STATUSES),
    priority: z.enum(PRIORITIES),
    indicator: z.string().trim().max(500, { error: 'Au plus 500 caractères.' }),
    resources: z.string().trim().max(500, { error: 'Au plus 500 caractères.' }),
    notes: z.string().trim().max(5000, { error: 'Au plus 5 000 caractères.' }),
  })
  .refine((a) => a.startDate === '' || a.dueDate === '' || a.startDate <= a.dueDate, {
    path: ['dueDate'],
    error: "L'échéance ne peut pas précéder le début de l'action.",
  });

export type ActionFormInput = z.input<typeof actionFormSchema>;
export type ActionFormValues = z.output<typeof actionFormSchema>;
