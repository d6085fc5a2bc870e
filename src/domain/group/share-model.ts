/**
 * The « partage groupe »: what a member structure chooses to send its group's central function (or a regional
 * delegation, an accompagnant CAP following it). Built from the member's records in share-content.ts, read and
 * checked in share-file.ts. Pure types and constants: no zod here, so the console can hold shares without the schemas.
 */
import type { Level, TrackId } from '../referential/constants';
import type { AuditKind, AuditedStructure, FindingKind } from '../audit/model';
import type { ActionStatus, Priority } from '../plan/model';

export const SHARE_FORMAT = 'cap-progres/group-share';
export const SHARE_FORMAT_VERSION = 1;

/** How much the member sends: each level adds to the one before. */
export const SHARE_DETAILS = ['scores', 'levels', 'comments'] as const;
export type ShareDetail = (typeof SHARE_DETAILS)[number];
export const SHARE_DETAIL_LABELS: Record<ShareDetail, string> = {
  scores: 'Les scores seulement (thèmes, sous-thèmes, couverture, alertes)',
  levels: 'Les scores et le niveau de chaque critère',
  comments: 'Les scores, le niveau et le commentaire de chaque critère',
};

/** A score as the share carries it: the value (0–1, null when nothing is rated) and its coverage. */
export interface SharedScore {
  value: number | null;
  rated: number;
  applicable: number;
}

export interface SharedThemeScore {
  code: string;
  score: SharedScore;
  subThemes: { code: string; score: SharedScore }[];
}

export interface SharedCriterionLevel {
  criterionCode: string;
  level: Level | null;
  notApplicable: boolean;
  /** Only when the member chose to send comments ('' otherwise). */
  comment: string;
}

export interface SharedCampaign {
  id: string;
  name: string;
  /** The day the self-assessment started (YYYY-MM-DD). */
  date: string;
  tracks: TrackId[];
  referentialVersion: string;
  global: SharedScore;
  themes: SharedThemeScore[];
  /** Regulatory criteria rated 0 or 1, as the member's dashboard shows them. */
  alerts: { criterionCode: string; title: string; level: 0 | 1; mayApply: string }[];
  /** Each criterion's level: absent when the member sends scores only. */
  levels: SharedCriterionLevel[] | null;
}

/** Where a finding's corrective action stands: none yet, or the status of the plan's action it became. */
export type CorrectiveStatus = ActionStatus | 'aucune';

export interface SharedFinding {
  id: string;
  criterionCode: string | null;
  clause: string;
  kind: FindingKind;
  statement: string;
  requirement: string;
  correctiveAction: string;
  correctiveStatus: CorrectiveStatus;
}

export interface SharedAudit {
  id: string;
  kind: AuditKind;
  campaignId: string;
  auditingStructure: string;
  auditors: string[];
  startDate: string;
  endDate: string;
  findings: SharedFinding[];
}

export interface SharedAction {
  id: string;
  campaignId: string;
  title: string;
  criterionCodes: string[];
  status: ActionStatus;
  priority: Priority;
  dueDate: string;
  /** Set when the action was imposed by the group: the central function follows its closure by this id. */
  imposedActionId: string | null;
}

export interface GroupShareContent {
  /** This export's own id: importing the same share twice is recognised. */
  shareId: string;
  /** The group (or follow-up) the member sends to, as its console is named. */
  recipient: string;
  detail: ShareDetail;
  structure: AuditedStructure;
  campaigns: SharedCampaign[];
  audits: SharedAudit[];
  actions: SharedAction[];
}

export interface GroupShareFile {
  format: typeof SHARE_FORMAT;
  formatVersion: typeof SHARE_FORMAT_VERSION;
  exportedAt: string;
  referentialVersion: string;
  content: GroupShareContent;
  integrity: { algorithm: 'SHA-256'; value: string };
}

/** An open non-conformity: no corrective action yet, or one not carried out (abandoning it does not close the gap). */
export const isOpenNonConformity = (f: Pick<SharedFinding, 'kind' | 'correctiveStatus'>) =>
  (f.kind === 'nc_majeure' || f.kind === 'nc_mineure') && f.correctiveStatus !== 'realisee';

/** A group's name as two files compare it: case, accents and spacing aside. */
export function sameGroupName(a: string, b: string): boolean {
  const key = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return key(a) === key(b);
}
