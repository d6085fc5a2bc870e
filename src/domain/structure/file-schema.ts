/**
 * A structure's profile as files hold it (backup, campaign file, audit request), and the older shape with its list
 * of « types » (files of referential 2026.1), which reading turns into a profile with nothing lost (legacy.ts).
 */
import { z } from 'zod';
import { day, pattern, text } from '../evaluation/file-fields';
import { LEGACY_STRUCTURE_TYPES } from './legacy';
import { CONVENTIONNEMENTS, GROUP_ROLES, LEGAL_FORMS } from './profile';

export const headcount = z.number().int().min(0).max(100_000).nullable();

export const groupMembershipSchema = z.strictObject({
  role: z.enum(GROUP_ROLES),
  name: text(160).min(1, { error: 'le nom du groupe est vide' }),
  agreementDate: day.nullable(),
});

/** The profile fields, as every file writes them. */
export const profileFields = {
  legalForm: z.enum(LEGAL_FORMS).nullable(),
  conventionnements: z.array(z.enum(CONVENTIONNEMENTS)).max(CONVENTIONNEMENTS.length),
  ensemblier: z.boolean(),
  essCompany: z.boolean(),
  group: groupMembershipSchema.nullable(),
  headcount,
};

/** Files of format 1 and 2 (referential 2026.1): the structure's types instead of a profile. */
export const legacyTypes = z.array(z.enum(LEGACY_STRUCTURE_TYPES)).min(1);
export const siret = pattern(/^(\d{14})?$/, 'SIRET mal formé');
