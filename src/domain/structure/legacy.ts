/**
 * Structures described before referential 2026.2 had a list of « types » (AI, ACI…, SCIC, ENSEMBLIER). They
 * become a profile with nothing lost: conventionnements stay, SCIC becomes the legal form, an AI is an association
 * by law (code du travail, L5132-7), and ENSEMBLIER the ensemblier flag. Anything else is left for the structure to
 * say (legal form unknown), and the screens ask for it.
 */
import { CONVENTIONNEMENTS, type Conventionnement, type LegalForm, type StructureProfile } from './profile';

export const LEGACY_STRUCTURE_TYPES = ['AI', 'ACI', 'EI', 'ETTI', 'GEIQ', 'EA', 'EBE', 'SCIC', 'ENSEMBLIER'] as const;
export type LegacyStructureType = (typeof LEGACY_STRUCTURE_TYPES)[number];

export function profileOfLegacyTypes(types: readonly LegacyStructureType[]): Omit<StructureProfile, 'headcount'> {
  const conventionnements = CONVENTIONNEMENTS.filter((c): c is Conventionnement => types.includes(c));
  const legalForm: LegalForm | null = types.includes('SCIC') ? 'SCIC' : types.includes('AI') ? 'ASSOCIATION' : null;
  return { legalForm, conventionnements, ensemblier: types.includes('ENSEMBLIER'), essCompany: false, group: null };
}

/** A record holding a structure of the older shape (an audit's subject), its structure given a profile. */
export function withProfiledStructure<T extends { structure: { types: readonly LegacyStructureType[] } }>(record: T) {
  return { ...record, structure: withProfile(record.structure) };
}

/** A record with the older `types` field, as it comes with every other field kept. */
export function withProfile<T extends { types: readonly LegacyStructureType[] }>(record: T): Omit<T, 'types'> & StructureProfile {
  const { types, ...rest } = record;
  return { ...rest, ...profileOfLegacyTypes(types), headcount: null };
}
