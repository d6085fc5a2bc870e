/** What a structure records: its profile, its campaigns, one rating per criterion, and the evidence behind it. */
import type { Level, TrackId } from '../referential/constants';
import type { StructureProfile } from '../structure/profile';

export const PARTICIPANT_ROLES = [
  'direction',
  'permanent',
  'salarie_parcours',
  'administrateur',
  'benevole',
  'accompagnant_tiers',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  direction: 'Direction',
  permanent: 'Salarié permanent',
  salarie_parcours: 'Salarié en parcours',
  administrateur: 'Administrateur',
  benevole: 'Bénévole',
  accompagnant_tiers: 'Accompagnant tiers',
};

export const EVIDENCE_KINDS = ['document', 'record', 'link', 'file'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  document: 'Document',
  record: 'Enregistrement',
  link: 'Lien',
  file: 'Fichier joint',
};

export interface Staff {
  permanents: number | null;
  inPathway: number | null;
  volunteers: number | null;
}

/** A structure: who it is, and its profile (legal form, conventionnements, group, headcount) the rules read. */
export interface Structure extends StructureProfile {
  id: string;
  name: string;
  siret: string;
  region: string;
  staff: Staff;
  createdAt: string;
  updatedAt: string;
}

export interface Participant {
  id: string;
  name: string;
  role: ParticipantRole;
}

export interface Campaign {
  id: string;
  structureId: string;
  name: string;
  /** The day the campaign starts, YYYY-MM-DD. */
  date: string;
  /** Always holds CAP; CAP_ISO9001 and CAP_RSE are added by choice. */
  tracks: TrackId[];
  participants: Participant[];
  /** The referential version the campaign was rated against. */
  referentialVersion: string;
  /** The campaign this one was started from, if any. */
  previousCampaignId: string | null;
  /** ISO 9001 requirements the structure excludes from its scope, each justified (4.3); absent in older data. */
  isoExclusions?: IsoExclusion[] | undefined;
  createdAt: string;
  updatedAt: string;
}

/**
 * An ISO 9001 requirement the structure says does not apply to it (4.3), with why. Only design and development
 * (8.3) may be excluded here: an insertion structure that designs no service of its own can justify it.
 */
export interface IsoExclusion {
  clause: (typeof EXCLUDABLE_CLAUSES)[number];
  justification: string;
}
export const EXCLUDABLE_CLAUSES = ['8.3'] as const;

export interface Rating {
  campaignId: string;
  criterionCode: string;
  level: Level | null;
  /** Set when the team judged the criterion not applicable; the justification is required. */
  notApplicable: { justification: string } | null;
  comment: string;
  toReview: boolean;
  /** Copied from the previous campaign and not yet confirmed by the team. */
  carriedOver: boolean;
  /** Why the team retained this level when participants' views differ (absent in older data). */
  retainedReason?: string | undefined;
  /**
   * Set when the campaign was started from one rated against an older referential: how this criterion came
   * (kept, renamed, merged, split, or new in this version) and the older answers it came from.
   */
  carriedFrom?: CarriedFrom | undefined;
  updatedAt: string;
}

export interface CarriedFrom {
  version: string;
  origin: 'kept' | 'renamed' | 'merged' | 'split' | 'new';
  sources: { criterionCode: string; level: Level | null; notApplicable: boolean; comment: string }[];
}

/**
 * One participant's own level for a criterion, beside the team's rating (the level retained): the team sees
 * every view side by side before deciding.
 */
export interface ParticipantView {
  campaignId: string;
  criterionCode: string;
  participantId: string;
  level: Level | null;
  notApplicable: boolean;
  updatedAt: string;
}

export interface Evidence {
  id: string;
  campaignId: string;
  criterionCode: string;
  title: string;
  kind: EvidenceKind;
  url: string;
  /** For an attached file: its name, type, size in bytes and SHA-256 (hex); the bytes are stored apart. */
  file: { name: string; type: string; size: number; sha256: string } | null;
  createdAt: string;
}

/** 10 MB per attached file: enough for a scanned procedure, small enough for the browser's quota. */
export const MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024;
