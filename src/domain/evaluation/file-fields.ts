/**
 * The building blocks every CAP Progrès file is validated with: the evaluation file and the audit files. Their
 * checks abort (`abort: true`): a bad value ends the check of its list at once when a file is validated
 * (parseFile), instead of zod going on through every other element.
 */
import { z } from 'zod';
import { LEVELS } from '../referential/constants';

/** A field's own message when it is malformed; a missing field says so (zod would give the field's message). */
const malformed = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'champ manquant' : message);

/** A malformed string, with the message to give. */
export const pattern = (regex: RegExp, message: string) => z.string({ error: malformed(message) }).regex(regex, { error: message, abort: true });

export const id = pattern(/^[0-9a-f]{32}$/, 'identifiant mal formé');
export const timestamp = z.iso.datetime({ offset: true, error: malformed('date et heure mal formées'), abort: true });
export const day = z.iso.date({ error: malformed('date mal formée (AAAA-MM-JJ attendu)'), abort: true });
export const optionalDay = z.union([z.literal(''), day]);
export const text = (max: number) => z.string().max(max, { error: `texte trop long (au plus ${max} caractères)`, abort: true });
export const hex64 = pattern(/^[0-9a-f]{64}$/, 'empreinte SHA-256 mal formée');
// Bounded: an unknown code is quoted in the message that refuses it.
export const criterionCode = z
  .string({ error: malformed('code de critère mal formé') })
  .max(20, { error: 'code de critère mal formé', abort: true })
  .regex(/^[A-Z]{2,3}\.\d+\.\d+$/, { error: 'code de critère mal formé', abort: true });
export const level = z.union(LEVELS.map((l) => z.literal(l)));
export const referentialVersion = pattern(/^\d{4}\.\d+$/, 'version de référentiel mal formée');
/**
 * An evidence link: '' or an http(s) address. Checked, never rewritten: zod's url() strips tabs and line
 * breaks from its output, and a file's content must come out of reading exactly as it was sealed.
 */
const httpUrl = z.url({ protocol: /^https?$/ });
const isHttpUrl = (value: string) => httpUrl.safeParse(value).success;
export const evidenceUrl = z.string().refine((v) => v === '' || isHttpUrl(v), { error: 'seules les adresses http(s) sont acceptées', abort: true });
export const integrity = z.strictObject({ algorithm: z.literal('SHA-256'), value: hex64 });
