/**
 * What this device remembers of a structure's sync: the server it syncs with and since when. Kept in the
 * settings table of this browser only (not in backups: another device signs in for itself). No password.
 */
import type { CapDatabase } from '../db';

export interface StructureSync {
  structureId: string;
  /** The server's address, normalised (domain/sync/servers.ts). */
  server: string;
  /** The account that switched it on, to say who is signed in. */
  account: string;
  since: string;
}

const key = (structureId: string) => `sync:${structureId}` as const;

export async function readStructureSync(db: CapDatabase, structureId: string): Promise<StructureSync | null> {
  const row = await db.settings.get(key(structureId));
  return row ? (JSON.parse(row.value) as StructureSync) : null;
}

/** Every structure of this browser that syncs. */
export async function readAllStructureSyncs(db: CapDatabase): Promise<StructureSync[]> {
  const rows = await db.settings.where('key').startsWith('sync:').toArray();
  return rows.map((row) => JSON.parse(row.value) as StructureSync);
}

export const saveStructureSync = (db: CapDatabase, sync: StructureSync) => db.settings.put({ key: key(sync.structureId), value: JSON.stringify(sync) });

export const removeStructureSync = (db: CapDatabase, structureId: string) => db.settings.delete(key(structureId));
