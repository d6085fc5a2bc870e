/**
 * What the screens show of sync: each syncing structure's state, published by the engine (engine.ts) and read by
 * the status line and the sync panel. Kept apart from the engine so that reading it loads no PouchDB.
 */
import type { StructureSyncState } from './structure-sync';

const states = new Map<string, StructureSyncState>();
const listeners = new Set<() => void>();
let snapshot: ReadonlyMap<string, StructureSyncState> = new Map();

export function publishSyncState(state: StructureSyncState | { structureId: string; stopped: true }): void {
  if ('stopped' in state) states.delete(state.structureId);
  else states.set(state.structureId, state);
  snapshot = new Map(states);
  for (const listener of listeners) listener();
}

/** The states, the same object until one changes (for useSyncExternalStore). */
export const syncStates = (): ReadonlyMap<string, StructureSyncState> => snapshot;

export function subscribeToSyncStates(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
