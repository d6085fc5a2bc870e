/**
 * The group's documents on the network's server: a member's partage groupe (one document, in its own database and
 * copied into its share database), and the actions imposées its central function writes for it. Each carries the
 * same sealed file as the file exchange, so the other side checks it exactly as it checks a file.
 */
import { canonicalJson } from '../evaluation/canonical';
import type { ImposedActionsFile } from '../group/feedback-model';
import type { GroupShareFile, ShareDetail } from '../group/share-model';
import { groupShareDocumentId } from './documents';

/** What the member chose to share (the partage groupe screen's choices), and since when it goes through the server. */
export interface ShareChoice {
  campaignIds: string[];
  detail: ShareDetail;
  recipient: string;
  since: string;
  /**
   * The device that rebuilds the share (a random token): the one where it was last switched on. One device only, so
   * that two devices whose records differ for a while (a pass behind) do not rewrite it in turn at every pass.
   */
  keeper: string;
}

export interface GroupShareDocument {
  _id: string;
  kind: 'group-share';
  /** The team's other devices see that sharing is on, with which choice. */
  choice: ShareChoice;
  file: GroupShareFile;
}

export interface ImposedActionsDocument {
  _id: string;
  kind: 'imposed-actions';
  file: ImposedActionsFile;
}

/** One document per extension analysis: sending it again replaces the previous sending. */
export const imposedDocumentId = (extensionId: string) => `imposed:${extensionId}`;
export const isImposedDocument = (id: string) => id.startsWith('imposed:');

/** The structure a share document is named after, or null when the id is not a share's. */
export function shareDocumentStructure(id: string): string | null {
  const prefix = groupShareDocumentId('');
  return id.startsWith(prefix) && id.length > prefix.length ? id.slice(prefix.length) : null;
}

/**
 * Whether two shares say the same thing: each build gets a new id and seal time, which alone must not make a new
 * revision at every sync pass (nor a new import at the central function).
 */
export const sameShareContent = (a: GroupShareFile, b: GroupShareFile): boolean => canonicalJson(shareSubstance(a)) === canonicalJson(shareSubstance(b));

const shareSubstance = (file: GroupShareFile) => ({ referentialVersion: file.referentialVersion, content: { ...file.content, shareId: '' } });

export const sameChoice = (a: ShareChoice, b: ShareChoice): boolean => canonicalJson(a) === canonicalJson(b);
