/** The building blocks every CAP Progrès file is validated with: the evaluation file and the audit files. */
import { z } from 'zod';
import { LEVELS } from '../referential/constants';

/** A field's own message when it is malformed; a missing field says so (zod would give the field's message). */
const malformed = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'champ manquant' : message);

export const id = z.string({ error: malformed('identifiant mal formé') }).regex(/^[0-9a-f]{32}$/, { error: 'identifiant mal formé' });
export const timestamp = z.iso.datetime({ offset: true, error: malformed('date et heure mal formées') });
export const day = z.iso.date({ error: malformed('date mal formée (AAAA-MM-JJ attendu)') });
export const optionalDay = z.union([z.literal(''), day]);
export const text = (max: number) => z.string().max(max, { error: `texte trop long (au plus ${max} caractères)` });
export const hex64 = z.string({ error: malformed('empreinte SHA-256 mal formée') }).regex(/^[0-9a-f]{64}$/, { error: 'empreinte SHA-256 mal formée' });
export const criterionCode = z.string({ error: malformed('code de critère mal formé') }).regex(/^[A-Z]{2,3}\.\d+\.\d+$/, { error: 'code de critère mal formé' });
export const level = z.union(LEVELS.map((l) => z.literal(l)));
export const referentialVersion = z.string({ error: malformed('version de référentiel mal formée') }).regex(/^\d{4}\.\d+$/, { error: 'version de référentiel mal formée' });
/**
 * An evidence link: '' or an http(s) address. Checked, never rewritten: zod's url() strips tabs and line
 * breaks from its output, and a file's content must come out of reading exactly as it was sealed.
 */
const isHttpUrl = (value: string) => z.url({ protocol: /^https?$/ }).safeParse(value).success;
export const evidenceUrl = z.string().refine((v) => v === '' || isHttpUrl(v), { error: 'seules les adresses http(s) sont acceptées' });
export const integrity = z.strictObject({ algorithm: z.literal('SHA-256'), value: hex64 });
