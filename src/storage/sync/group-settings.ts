/**
 * What this browser remembers of the group's sync, in its settings table (not in backups; no password): for a
 * member structure, the share it sends through the server; for a central function, the server and group it
 * catches up from. The member's choice is a copy of the one its share document carries (group-share.ts), kept
 * here so the screens follow it live, with whether this device is the one that rebuilds the share.
 */
import type { CapDatabase } from '../db';
import type { ShareChoice } from '../../domain/sync/group-documents';

export type { ShareChoice };

/** The share's choice as this device knows it, and whether this device is the one that rebuilds it. */
export interface ShareSetting {
  choice: ShareChoice;
  keptHere: boolean;
}

const shareKey = (structureId: string) => `sync-share:${structureId}` as const;

export async function readShareChoice(db: CapDatabase, structureId: string): Promise<ShareSetting | null> {
  const row = await db.settings.get(shareKey(structureId));
  return row ? (JSON.parse(row.value) as ShareSetting) : null;
}

export const saveShareChoice = (db: CapDatabase, structureId: string, setting: ShareSetting) => db.settings.put({ key: shareKey(structureId), value: JSON.stringify(setting) });

export const removeShareChoice = (db: CapDatabase, structureId: string) => db.settings.delete(shareKey(structureId));

/** A central function's link to the server: its group there (the id the provisioning gave it). */
export interface CentralSync {
  server: string;
  account: string;
  groupId: string;
  since: string;
}

const centralKey = (groupId: string) => `sync-central:${groupId}` as const;

/** The groups this console catches up from (one, in practice: a console holds one group). */
export async function readCentralSyncs(db: CapDatabase): Promise<CentralSync[]> {
  const rows = await db.settings.where('key').startsWith('sync-central:').toArray();
  return rows.map((row) => JSON.parse(row.value) as CentralSync);
}

export const saveCentralSync = (db: CapDatabase, sync: CentralSync) => db.settings.put({ key: centralKey(sync.groupId), value: JSON.stringify(sync) });

export const removeCentralSync = (db: CapDatabase, groupId: string) => db.settings.delete(centralKey(groupId));
