/** The visible « Enregistré » state: every write goes through `track`, which also turns failures into French. */
import { useSyncExternalStore } from 'react';
import { describeError } from '../../storage/errors';
import { beforeDatabaseCloses } from '../../storage/instance';
import { guardLeaving } from './leave-guard';
import { SaveLedger, type SaveState } from './save-ledger';

export type { SaveState } from './save-ledger';

const ledger = new SaveLedger();
let state: SaveState = ledger.state();
const listeners = new Set<() => void>();
const inFlight = new Set<Promise<unknown>>();
const drafts = new Set<() => void>();

function publish() {
  const next = ledger.state();
  if (sameState(next, state)) return;
  state = next;
  for (const l of listeners) l();
}

const sameState = (a: SaveState, b: SaveState) => JSON.stringify(a) === JSON.stringify(b);

/**
 * « Enregistrement… » shows only for a write still running after this long. Most writes take a few
 * milliseconds: shown, it would flash too fast to read, be announced to screen readers for nothing, and its
 * re-render would hold up the write's own round trips (about 4 ms of a 12 ms write, measured by the bench).
 */
const SAVING_SHOWN_AFTER_MS = 400;
let savingShown: ReturnType<typeof setTimeout> | undefined;
function publishSavingSoon() {
  savingShown ??= setTimeout(() => {
    savingShown = undefined;
    publish();
  }, SAVING_SHOWN_AFTER_MS);
}

/**
 * Every write of the workspace goes through here; `npm run bench` reads the timings it records. Gives the
 * write's result, or undefined when it failed (the failure is then told, in French).
 *
 * Given as a function with a key naming what it writes (e.g. one criterion's comment), a failed write stays
 * « non enregistré » until « Réessayer » runs it again or a newer write of the same key succeeds.
 */
export async function track<T>(write: Promise<T> | (() => Promise<T>), key?: string): Promise<T | undefined> {
  const start = performance.now();
  const ticket = ledger.started(key);
  publishSavingSoon();
  const running = typeof write === 'function' ? Promise.resolve().then(write) : write;
  inFlight.add(running);
  try {
    const result = await running;
    performance.measure('cap-progres:write', { start });
    ledger.succeeded(ticket, new Date());
    return result;
  } catch (error) {
    console.error(error);
    ledger.failed(ticket, describeError(error), typeof write === 'function' ? write : undefined);
    return undefined;
  } finally {
    inFlight.delete(running);
    publish();
  }
}

/** Runs again every failed write still « non enregistré » (the « Réessayer » button). */
export function retryFailedWrites(): Promise<unknown> {
  return Promise.all(ledger.toRedo().map(([key, redo]) => track(redo, key)));
}

/** A field with typed text not yet written (its pause has not elapsed) says how to write it now. */
export function holdDraft(writeNow: () => void): () => void {
  drafts.add(writeNow);
  return () => drafts.delete(writeNow);
}

/** Writes every typed draft now, then waits until no write is under way. */
export async function settleWrites(): Promise<void> {
  for (const writeNow of [...drafts]) writeNow();
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

// A newer CAP Progrès in another tab takes the database: what the user typed is written first.
beforeDatabaseCloses(settleWrites);
// Leaving the page: a write under way is finished first, a failed one is not dropped without asking.
guardLeaving({
  underWay: () => inFlight.size > 0 || drafts.size > 0,
  unsaved: () => ledger.toRedo().length > 0,
  settle: settleWrites,
});

/** The state as the indicator shows it, and its changes (useSaveState, for React). */
export const currentSaveState = (): SaveState => state;
export function subscribeToSaveState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSaveState(): SaveState {
  return useSyncExternalStore(subscribeToSaveState, currentSaveState, currentSaveState);
}
