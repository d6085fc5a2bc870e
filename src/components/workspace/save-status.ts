/** The visible « Enregistré » state: every write goes through `track`, which also turns failures into French. */
import { useSyncExternalStore } from 'react';
import { describeError } from '../../storage/errors';
import { SaveLedger, type SaveState } from './save-ledger';

export type { SaveState } from './save-ledger';

const ledger = new SaveLedger();
let state: SaveState = ledger.state();
const listeners = new Set<() => void>();

function publish() {
  state = ledger.state();
  for (const l of listeners) l();
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
  publish();
  try {
    const result = await (typeof write === 'function' ? write() : write);
    performance.measure('cap-progres:write', { start });
    ledger.succeeded(ticket, new Date());
    return result;
  } catch (error) {
    console.error(error);
    ledger.failed(ticket, describeError(error), typeof write === 'function' ? write : undefined);
    return undefined;
  } finally {
    publish();
  }
}

/** Runs again every failed write still « non enregistré » (the « Réessayer » button). */
export function retryFailedWrites(): Promise<unknown> {
  return Promise.all(ledger.toRedo().map(([key, redo]) => track(redo, key)));
}

export function useSaveState(): SaveState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
    () => state,
  );
}
