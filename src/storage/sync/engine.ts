/**
 * Keeps every structure whose sync is switched on in this browser (settings.ts) in sync while a workspace page
 * is open, and stops one as soon as it is switched off. Loaded only when some structure syncs, or when the user
 * switches sync on: with no server configured, none of this (nor PouchDB) loads.
 */
import { liveQuery } from 'dexie';
import type { CapDatabase } from '../db';
import { resolveConflict } from './reconcile';
import { readAllStructureSyncs, removeStructureSync, type StructureSync } from './settings';
import { publishSyncState } from './status';
import { startStructureSync, type StructureSyncHandle } from './structure-sync';

const handles = new Map<string, { setting: StructureSync; handle: StructureSyncHandle }>();
let started = false;

export function startSyncEngine(db: CapDatabase): void {
  if (started) return;
  started = true;
  liveQuery(() => readAllStructureSyncs(db)).subscribe({
    next: (settings) => {
      const wanted = new Map(settings.map((s) => [s.structureId, s]));
      for (const [structureId, { setting, handle }] of handles) {
        const now = wanted.get(structureId);
        if (now && now.server === setting.server) continue;
        handles.delete(structureId);
        void handle.stop().then(() => (handles.has(structureId) ? undefined : publishSyncState({ structureId, stopped: true })));
      }
      for (const [structureId, setting] of wanted) {
        if (handles.has(structureId)) continue;
        handles.set(structureId, { setting, handle: startStructureSync(db, setting, publishSyncState) });
      }
    },
    error: () => undefined,
  });
}

/** The user's choice in a conflict, then a pass that brings it into Dexie and on to the server. */
export async function chooseVersions(structureId: string, documentId: string, choices: Readonly<Record<string, unknown>>): Promise<void> {
  const entry = handles.get(structureId);
  if (!entry) return;
  await resolveConflict(await entry.handle.mirror, documentId, structureId, choices);
  await entry.handle.runNow();
}

/** Replication again for a structure whose session had expired, once the user signed in again. */
export async function reconnect(structureId: string): Promise<void> {
  await handles.get(structureId)?.handle.reconnect();
}

/**
 * Sync switched off on this device: replication stops and the device's copy for replication is removed. The
 * structure's data stays in this browser and on the server.
 */
export async function switchOff(db: CapDatabase, structureId: string): Promise<void> {
  const entry = handles.get(structureId);
  handles.delete(structureId);
  await removeStructureSync(db, structureId);
  if (entry) {
    await entry.handle.stop();
    await (await entry.handle.mirror).destroy();
  }
  publishSyncState({ structureId, stopped: true });
}
