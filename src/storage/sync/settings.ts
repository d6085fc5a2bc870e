/**
 * What this device remembers of a structure's sync: the server it syncs with and since when. Kept in the
 * settings table of this browser only (not in backups: another device signs in for itself). No password.
 */
import type { CapDatabase } from '../db';
import { jsonSettings } from './json-settings';

export interface StructureSync {
  structureId: string;
  /** The server's address, normalised (domain/sync/servers.ts). */
  server: string;
  /** The account that switched it on, to say who is signed in. */
  account: string;
  since: string;
}

export const structureSyncs = jsonSettings<StructureSync>('sync');

export const readStructureSync = (db: CapDatabase, structureId: string) => structureSyncs.read(db, structureId);

/** Every structure of this browser that syncs. */
export const readAllStructureSyncs = (db: CapDatabase) => structureSyncs.readAll(db);

export const saveStructureSync = (db: CapDatabase, sync: StructureSync) => structureSyncs.save(db, sync.structureId, sync);

export const removeStructureSync = (db: CapDatabase, structureId: string) => structureSyncs.remove(db, structureId);
