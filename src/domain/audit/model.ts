/**
 * Audits of a campaign, in AFNOR's vocabulary. An auditor's ratings form a layer of their own beside the
 * team's self-assessment and never overwrite it. An audit is either of our own campaign (internal audit, mock
 * audit, or a peer's return imported) or, in a peer cross-audit, of another structure's campaign, known only
 * through the request file it sent.
 */
import type { Level, TrackId } from '../referential/constants';
import type { EvidenceKind, Structure } from '../evaluation/model';

export const AUDIT_KINDS = ['interne', 'blanc', 'croise'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  interne: 'Audit interne',
  blanc: 'Audit à blanc',
  croise: 'Audit croisé entre pairs',
};

export const AUDITOR_ROLES = ['responsable', 'auditeur', 'observateur'] as const;
export type AuditorRole = (typeof AUDITOR_ROLES)[number];
export const AUDITOR_ROLE_LABELS: Record<AuditorRole, string> = {
  responsable: "Responsable d'audit",
  auditeur: 'Auditeur',
  observateur: 'Observateur',
};

export const FINDING_KINDS = ['point_fort', 'piste_progres', 'point_sensible', 'nc_mineure', 'nc_majeure'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  point_fort: 'Point fort',
  piste_progres: 'Piste de progrès',
  point_sensible: 'Point sensible',
  nc_mineure: 'Non-conformité mineure',
  nc_majeure: 'Non-conformité majeure',
};

export const isNonConformity = (kind: FindingKind) => kind === 'nc_mineure' || kind === 'nc_majeure';

export interface Auditor {
  name: string;
  role: AuditorRole;
  /** The structure the auditor belongs to (a peer structure, a federation, or ours for an internal audit). */
  organisation: string;
}

/** The auditors' declaration: no client or supplier tie with the audited structure, no part in its self-assessment. */
export interface IndependenceDeclaration {
  declared: boolean;
  statement: string;
}

export const DEFAULT_INDEPENDENCE_STATEMENT =
  "Les auditeurs déclarent n'avoir aucun lien de client, de fournisseur ou d'intérêt avec la structure auditée, et n'avoir pas participé à son auto-évaluation ni aux activités auditées.";

/** The audited structure as a request names it: who it is and its profile. */
export type AuditedStructure = Pick<Structure, 'id' | 'name' | 'siret' | 'region' | 'legalForm' | 'conventionnements' | 'ensemblier' | 'essCompany' | 'group' | 'headcount'>;

/** What an auditing structure knows of the audited one: the request file's content, kept as received. */
export interface AuditSubject {
  structure: AuditedStructure;
  campaign: { id: string; name: string; date: string; tracks: TrackId[]; referentialVersion: string };
  /** The criteria the audit covers (the campaign's scope). */
  criterionCodes: string[];
  evidence: EvidenceSummary[];
  /** The team's own levels, or null when the audited structure chose to withhold them. */
  selfRatings: SelfRatingSummary[] | null;
}

export interface EvidenceSummary {
  criterionCode: string;
  title: string;
  kind: EvidenceKind;
  url: string;
  fileName: string;
  sha256: string;
}

export interface SelfRatingSummary {
  criterionCode: string;
  level: Level | null;
  notApplicable: boolean;
}

export interface Audit {
  id: string;
  kind: AuditKind;
  /** 'audited': one of our campaigns is audited; 'auditor': we audit another structure's campaign (peer request). */
  side: 'audited' | 'auditor';
  /** Our campaign, when side is 'audited'. */
  campaignId: string | null;
  /** The audited structure and campaign, when side is 'auditor'. */
  subject: AuditSubject | null;
  /** Peer audit: the request both structures' files carry (on the audited side, the audit's own id). */
  requestId: string | null;
  /** The auditing structure's name (for a peer audit), or ours for an internal audit. */
  auditingStructure: string;
  auditors: Auditor[];
  independence: IndependenceDeclaration;
  /** YYYY-MM-DD, or '' while not set. */
  startDate: string;
  endDate: string;
  /** The audit's scope in words (sites, activities, processes). */
  scopeNote: string;
  conclusion: string;
  /** Peer audit, audited side: when we sent the request, whether it held our levels, and when the return came. */
  requestedAt: string | null;
  selfRatingsShared: boolean;
  returnedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An auditor's level for one criterion: the auditor layer. */
export interface AuditRating {
  auditId: string;
  criterionCode: string;
  level: Level | null;
  notApplicable: boolean;
  comment: string;
  updatedAt: string;
}

export interface Finding {
  id: string;
  auditId: string;
  /** The CAP criterion the finding is about, or null for a finding on an ISO 9001 clause only. */
  criterionCode: string | null;
  /** The ISO 9001 clause (e.g. « 7.5 »), or '' when the finding is on a criterion only. */
  clause: string;
  kind: FindingKind;
  /** What the auditor saw and concluded. */
  statement: string;
  evidenceSeen: string;
  /** For a non-conformity: the requirement not met, its root cause, and the corrective action. */
  requirement: string;
  rootCause: string;
  correctiveAction: string;
  /** The plan de progrès action the corrective action became, once it has. */
  actionId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A new audit with nothing recorded yet: no auditors, no declaration, no dates. */
export function blankAudit(fields: Pick<Audit, 'id' | 'kind' | 'side' | 'campaignId' | 'subject' | 'requestId' | 'auditingStructure'> & { now: string }): Audit {
  const { now, ...rest } = fields;
  return {
    ...rest,
    auditors: [],
    independence: { declared: false, statement: '' },
    startDate: '',
    endDate: '',
    scopeNote: '',
    conclusion: '',
    requestedAt: null,
    selfRatingsShared: false,
    returnedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}
