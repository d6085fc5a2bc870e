/** The visible « Enregistré » state: every write goes through `track`, which also turns failures into French. */
import { useSyncExternalStore } from 'react';
import { describeError } from '../../storage/errors';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

let state: SaveState = { kind: 'idle' };
const listeners = new Set<() => void>();
let pending = 0;

function set(next: SaveState) {
  state = next;
  for (const l of listeners) l();
}

/** Every write of the workspace goes through here; `npm run bench` reads the timings it records. */
export async function track<T>(write: Promise<T>): Promise<T | undefined> {
  const start = performance.now();
  pending++;
  set({ kind: 'saving' });
  try {
    const result = await write;
    performance.measure('cap-progres:write', { start });
    pending--;
    if (pending === 0) set({ kind: 'saved', at: new Date() });
    return result;
  } catch (error) {
    pending--;
    console.error(error);
    set({ kind: 'error', message: describeError(error) });
    return undefined;
  }
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
