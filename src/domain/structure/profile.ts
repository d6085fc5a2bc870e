/**
 * What a structure is, for the referential's rules: its legal form, the conventionnements (and agréments,
 * labels) it holds, whether it is an ensemblier, and its place in a CAP ISO 9001 certification group.
 * An ensemblier holds several conventionnements and gets every rule of each. Pure constants and types.
 */

/** The IAE conventionnements and the other recognitions the network's members hold. */
export const CONVENTIONNEMENTS = ['AI', 'ACI', 'EI', 'ETTI', 'GEIQ', 'EA', 'EBE'] as const;
export type Conventionnement = (typeof CONVENTIONNEMENTS)[number];

export const CONVENTIONNEMENT_LABELS: Record<Conventionnement, string> = {
  AI: 'Association intermédiaire (conventionnement IAE)',
  ACI: "Atelier et chantier d'insertion (conventionnement IAE)",
  EI: "Entreprise d'insertion (conventionnement IAE)",
  ETTI: "Entreprise de travail temporaire d'insertion (conventionnement IAE)",
  GEIQ: "Groupement d'employeurs pour l'insertion et la qualification (reconnaissance de la qualité de GEIQ)",
  EA: 'Entreprise adaptée (agrément et contrat pluriannuel)',
  EBE: "Entreprise à but d'emploi (habilitation « Territoires zéro chômeur de longue durée »)",
};

export const LEGAL_FORMS = ['ASSOCIATION', 'SCIC', 'SCOP', 'SAS', 'SARL', 'SA', 'EURL', 'SASU', 'PUBLIC', 'AUTRE'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  ASSOCIATION: 'Association',
  SCIC: "Société coopérative d'intérêt collectif (SCIC)",
  SCOP: 'Société coopérative et participative (SCOP)',
  SAS: 'Société par actions simplifiée (SAS)',
  SARL: 'Société à responsabilité limitée (SARL)',
  SA: 'Société anonyme (SA)',
  EURL: 'Entreprise unipersonnelle à responsabilité limitée (EURL)',
  SASU: 'Société par actions simplifiée unipersonnelle (SASU)',
  PUBLIC: 'Collectivité ou établissement public',
  AUTRE: 'Autre forme',
};

/** Forms that belong to the social and solidarity economy by their status (loi 2014-856, art. 1). */
export const ESS_BY_STATUS: readonly LegalForm[] = ['ASSOCIATION', 'SCIC', 'SCOP'];
/** Commercial companies, which belong to the ESS only if they meet its conditions and say so. */
export const COMMERCIAL_COMPANIES: readonly LegalForm[] = ['SAS', 'SARL', 'SA', 'EURL', 'SASU'];

export const GROUP_ROLES = ['member', 'central'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export const GROUP_ROLE_LABELS: Record<GroupRole, string> = {
  member: 'Membre du groupe',
  central: 'Fonction centrale du groupe',
};

/** A structure's place in a CAP ISO 9001 certification group (one certificate, a central function, members). */
export interface GroupMembership {
  role: GroupRole;
  /** The group's name, as on the certificate. */
  name: string;
  /** The day the structure signed the group agreement, YYYY-MM-DD, if known. */
  agreementDate: string | null;
}

/**
 * What a criterion's `appliesTo` may name: a conventionnement, a legal form, or one of these. ENSEMBLIER is kept
 * for referentials that named it (2026.1); from 2026.2 an ensemblier's rules come from its conventionnements.
 */
export const PROFILE_TRAITS = ['ENSEMBLIER', 'MEMBRE_GROUPE', 'FONCTION_CENTRALE'] as const;
export const APPLICABILITY_TARGETS: readonly string[] = [...CONVENTIONNEMENTS, ...LEGAL_FORMS, ...PROFILE_TRAITS];

/** The part of a structure the referential's rules read. */
export interface StructureProfile {
  /** Null until the structure says it (structures described before 2026.2). */
  legalForm: LegalForm | null;
  conventionnements: Conventionnement[];
  /** Several conventionnements carried together: every rule of each applies. */
  ensemblier: boolean;
  /** A commercial company that has the ESS quality (loi 2014-856, art. 1, II); false for other forms. */
  essCompany: boolean;
  group: GroupMembership | null;
  /** Staff headcount as the code du travail counts it, for duties that start at a threshold; null if unknown. */
  headcount: number | null;
}
