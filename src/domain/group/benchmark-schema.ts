/**
 * The repère réseau's content as files hold it: in the file the central function sends, and in a member's backup
 * (which keeps the last one imported). Its own module, so the backup reader loads no other group schema.
 */
import { z } from 'zod';
import { text, timestamp } from '../evaluation/file-fields';

const ratio = z.number().min(0).max(1);
const code = z.string().regex(/^[A-Z]{2,3}(\.\d+)?$/, { error: 'code de thème mal formé', abort: true });
const entry = z
  .strictObject({ code, n: z.number().int().min(5, { error: 'un repère doit réunir au moins 5 structures' }).max(100_000), q1: ratio, median: ratio, q3: ratio })
  .refine((e) => e.q1 <= e.median && e.median <= e.q3, { error: 'quartiles dans le désordre' });

export const benchmarkContentSchema = z.strictObject({
  group: text(160).min(1),
  computedAt: timestamp,
  contributors: z.number().int().min(0).max(100_000),
  themes: z.array(entry).max(20),
  subThemes: z.array(entry).max(200),
  withheld: z.array(code).max(250),
});
