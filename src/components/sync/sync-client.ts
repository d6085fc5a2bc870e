/**
 * The screens' door to sync. The engine (and PouchDB with it) loads only when a structure of this browser
 * syncs, or when the user switches sync on: local-only use loads and requests nothing more.
 */
import { useSyncExternalStore } from 'react';
import type { CapDatabase } from '../../storage/db';
import { structureSyncs } from '../../storage/sync/settings';
import { subscribeToSyncStates, syncStates } from '../../storage/sync/status';
import type { StructureSyncState } from '../../storage/sync/structure-sync';
import type { ReferentialAccess } from '../../storage/sync/engine';
import { loadCatalog, loadReferentialVersion } from '../workspace/referential-client';

export const loadSyncEngine = () => import('../../storage/sync/engine');

const referentialAccess: ReferentialAccess = {
  referentialOf: loadReferentialVersion,
  currentVersion: async () => (await loadCatalog()).current,
  readContext: async () => (await import('../../domain/evaluation/sealed-file')).readContextOf(...(await loadCatalog()).versions),
};

let starting: Promise<void> | undefined;

/** Starts the engine if some structure of this browser syncs (called once the database is open). */
export function startSyncIfSwitchedOn(db: CapDatabase): Promise<void> {
  starting ??= structureSyncs
    .any(db)
    .then(async (any) => {
      if (any) (await loadSyncEngine()).startSyncEngine(db, referentialAccess);
    })
    .catch(() => undefined);
  return starting;
}

/** Starts the engine now (sync was just switched on). */
export async function startSyncEngineNow(db: CapDatabase): Promise<void> {
  (await loadSyncEngine()).startSyncEngine(db, referentialAccess);
}

const noStates: ReadonlyMap<string, StructureSyncState> = new Map();

export function useSyncStates(): ReadonlyMap<string, StructureSyncState> {
  return useSyncExternalStore(subscribeToSyncStates, syncStates, () => noStates);
}
