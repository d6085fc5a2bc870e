/**
 * What this browser remembers of the group's sync, in its settings table (not in backups; no password): for a
 * member structure, the share it sends through the server; for a central function, the server and group it
 * catches up from. The member's choice is a copy of the one its share document carries (group-share.ts), kept
 * here so the screens follow it live, with whether this device is the one that rebuilds the share.
 */
import type { CapDatabase } from '../db';
import type { ShareChoice } from '../../domain/sync/group-documents';
import { jsonSettings } from './json-settings';

export type { ShareChoice };

/** The share's choice as this device knows it, and whether this device is the one that rebuilds it. */
export interface ShareSetting {
  choice: ShareChoice;
  keptHere: boolean;
}

export const shareChoices = jsonSettings<ShareSetting>('sync-share');

export const readShareChoice = (db: CapDatabase, structureId: string) => shareChoices.read(db, structureId);

export const saveShareChoice = (db: CapDatabase, structureId: string, setting: ShareSetting) => shareChoices.save(db, structureId, setting);

export const removeShareChoice = (db: CapDatabase, structureId: string) => shareChoices.remove(db, structureId);

/** A central function's link to the server: its group there (the id the provisioning gave it). */
export interface CentralSync {
  server: string;
  account: string;
  groupId: string;
  since: string;
}

const centralSyncs = jsonSettings<CentralSync>('sync-central');

/** The groups this console catches up from (one, in practice: a console holds one group). */
export const readCentralSyncs = (db: CapDatabase) => centralSyncs.readAll(db);

export const saveCentralSync = (db: CapDatabase, sync: CentralSync) => centralSyncs.save(db, sync.groupId, sync);

export const removeCentralSync = (db: CapDatabase, groupId: string) => centralSyncs.remove(db, groupId);
