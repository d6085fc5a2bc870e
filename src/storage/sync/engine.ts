/**
 * Keeps every structure whose sync is switched on in this browser (settings.ts) in sync while a workspace page
 * is open, and stops one as soon as it is switched off. Loaded only when some structure syncs, or when the user
 * switches sync on: with no server configured, none of this (nor PouchDB) loads.
 */
import { liveQuery } from 'dexie';
import type { ReadContext } from '../../domain/evaluation/sealed-file';
import type { Referential } from '../../domain/referential/model';
import type { CapDatabase } from '../db';
import { groupShareAfterPass } from './group-share';
import type { Mirror } from './mirror';
import { resolveConflict } from './reconcile';
import { readAllStructureSyncs, removeStructureSync, type StructureSync } from './settings';
import { publishSyncState } from './status';
import { startStructureSync, type StructureSyncHandle, type StructureSyncState } from './structure-sync';

/** What the group's share needs of the referential (the screens load it; the engine must not wait for it). */
export interface ReferentialAccess {
  referentialOf: (version: string) => Promise<Referential>;
  currentVersion: () => Promise<string>;
  readContext: () => Promise<ReadContext>;
}

const handles = new Map<string, { setting: StructureSync; handle: StructureSyncHandle; stop: () => Promise<void> }>();
let started = false;

export function startSyncEngine(db: CapDatabase, referential: ReferentialAccess): void {
  if (started) return;
  started = true;
  liveQuery(() => readAllStructureSyncs(db)).subscribe({
    next: (settings) => {
      const wanted = new Map(settings.map((s) => [s.structureId, s]));
      for (const [structureId, { setting, stop }] of handles) {
        const now = wanted.get(structureId);
        if (now && now.server === setting.server) continue;
        handles.delete(structureId);
        void stop().then(() => (handles.has(structureId) ? undefined : publishSyncState({ structureId, stopped: true })));
      }
      for (const [structureId, setting] of wanted) {
        if (handles.has(structureId)) continue;
        handles.set(structureId, start(db, setting, referential));
      }
    },
    error: () => undefined,
  });
}

/** A structure's sync, with its share with the group after each pass; the share's news joins the sync state. */
function start(db: CapDatabase, setting: StructureSync, referential: ReferentialAccess) {
  let last: StructureSyncState | undefined;
  let group: Pick<StructureSyncState, 'groupProblems' | 'groupNotice'> = { groupProblems: [], groupNotice: null };
  const report = (state: StructureSyncState) => publishSyncState((last = { ...state, ...group }));
  const groupChanged = (change: Partial<typeof group>) => {
    group = { ...group, ...change };
    if (last) report(last);
  };
  let hook: ReturnType<typeof groupShareAfterPass> | undefined;
  let stopped = false;
  const afterPass = async (mirror: Mirror) => {
    if (!hook) {
      const currentVersion = await referential.currentVersion().catch(() => null);
      // Offline without the referential: the share waits for a later pass; the records sync meanwhile.
      if (!currentVersion || stopped) return;
      hook ??= groupShareAfterPass({
        db,
        server: setting.server,
        structureId: setting.structureId,
        referentialOf: referential.referentialOf,
        currentVersion,
        readContext: referential.readContext,
        onProblem: (problem) => !group.groupProblems.includes(problem) && groupChanged({ groupProblems: [...group.groupProblems, problem] }),
        onImposed: (notice) => groupChanged({ groupNotice: notice }),
      });
    }
    groupChanged({ groupProblems: [] });
    await hook.afterPass(mirror);
  };
  const handle = startStructureSync(db, setting, report, afterPass);
  return {
    setting,
    handle,
    /** The share with the group, then the records' sync. */
    stop: () => {
      stopped = true;
      hook?.stop();
      return handle.stop();
    },
  };
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
    await entry.stop();
    await (await entry.handle.mirror).destroy();
  }
  publishSyncState({ structureId, stopped: true });
}

/** A pass now for a structure (its share with the group was just switched on or off). */
export async function runPass(structureId: string): Promise<void> {
  await handles.get(structureId)?.handle.runNow();
}
