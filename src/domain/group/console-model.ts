/**
 * What the group console keeps, in its own tables: the group itself, the latest share of each member, the pool
 * of internal auditors and their plan, the recorded sample draws, and the non-conformity extensions with the
 * actions imposées they issued. The same console follows structures for a regional delegation or an accompagnant
 * CAP (mode « suivi »), without the certification rules.
 */
import { sameGroupName, type GroupShareContent, type SharedCampaign } from './share-model';
import type { ImposedAction } from './feedback-model';

/** The console's own backup (console-file.ts reads it). */
export const CONSOLE_FORMAT = 'cap-progres/group-console';
export const CONSOLE_FORMAT_VERSION = 1;

export const CONSOLE_MODES = ['certification', 'suivi'] as const;
export type ConsoleMode = (typeof CONSOLE_MODES)[number];
export const CONSOLE_MODE_LABELS: Record<ConsoleMode, string> = {
  certification: 'Groupe de certification CAP ISO 9001 (fonction centrale)',
  suivi: 'Suivi de structures (délégation régionale, accompagnant CAP), sans règles de certification',
};

export interface GroupConsole {
  key: 'console';
  mode: ConsoleMode;
  /** The group's name as on the certificate; members' shares must be addressed to it. */
  name: string;
  /** The central function: its structure's name (always audited, never counted in the sample). */
  centralFunction: string;
  certificationBody: string;
  /** The first day of the 3-year certification cycle, YYYY-MM-DD, or ''. */
  cycleStart: string;
  currentAudit: 'initial' | 'surveillance1' | 'surveillance2' | 'recertification';
  /** The day of the coming certification audit, and of the last one (for the new members' cohort), or ''. */
  currentAuditDate: string;
  previousAuditDate: string;
  /** The group management review (ISO 9001 9.3): its date, who took part, and the decisions taken. */
  review: { date: string; participants: string; decisions: string };
  createdAt: string;
  updatedAt: string;
}

/**
 * A member's latest share as the console holds it, with the campaigns earlier shares carried (for the trend). Each
 * campaign's criterion levels are kept apart (HeldLevels): the consolidated view of 600 members never reads them.
 */
export interface HeldShare {
  structureId: string;
  shareId: string;
  sha256: string;
  exportedAt: string;
  importedAt: string;
  fileName: string;
  content: GroupShareContent;
  earlierCampaigns: SharedCampaign[];
}

/**
 * A held share as the database keeps it: its content and earlier campaigns as one JSON text. Reading 600 members'
 * shares as structured objects cost some 250 ms of deserialisation on a 2-core laptop; one JSON.parse per member is
 * several times faster, and the consolidated view has to read them all.
 */
export type StoredShare = Omit<HeldShare, 'content' | 'earlierCampaigns'> & { json: string };

export function storedShare({ content, earlierCampaigns, ...rest }: HeldShare): StoredShare {
  return { ...rest, json: JSON.stringify({ content, earlierCampaigns }) };
}

export function heldShare({ json, ...rest }: StoredShare): HeldShare {
  return { ...rest, ...(JSON.parse(json) as Pick<HeldShare, 'content' | 'earlierCampaigns'>) };
}

/** The criterion levels (and comments) of a member's shared campaigns, when it sent them. */
export interface HeldLevels {
  structureId: string;
  campaigns: { campaignId: string; levels: NonNullable<SharedCampaign['levels']> }[];
}

export interface PoolAuditor {
  id: string;
  name: string;
  /** The member structure the auditor works for. */
  structureId: string;
}

export interface PlannedAudit {
  id: string;
  auditedId: string;
  auditorIds: string[];
  /** « 2027-T1 » */
  quarter: string;
}

/**
 * The central function's analysis of one member's non-conformity: is it systemic, which members are affected and
 * why the others are not, and the action imposed on each affected member (one id per member, followed by its share).
 */
export interface NcExtension {
  id: string;
  source: { structureId: string; auditId: string; findingId: string };
  systemic: boolean;
  /** Why it is (or is not) systemic, and why the members not listed are not affected. */
  analysis: string;
  othersNotAffectedBecause: string;
  affected: { structureId: string; why: string }[];
  action: Pick<ImposedAction, 'title' | 'description' | 'reason' | 'dueDate' | 'priority' | 'criterionCodes' | 'clause'>;
  /** Per affected member: the id of its imposed action, and when its file was written (null until then). */
  imposed: { structureId: string; actionId: string; sentAt: string | null }[];
  createdAt: string;
  updatedAt: string;
}

/**
 * The share of the central function: the one whose profile says « fonction centrale », else the one named as the
 * group's central function (case, accents and spacing aside). Undefined when it has not shared.
 */
export function centralShare(shares: readonly HeldShare[], group: Pick<GroupConsole, 'centralFunction'>): HeldShare | undefined {
  const byRole = shares.find((s) => s.content.structure.group?.role === 'central');
  if (byRole) return byRole;
  const name = group.centralFunction.trim();
  return name === '' ? undefined : shares.find((s) => sameGroupName(s.content.structure.name, name));
}
