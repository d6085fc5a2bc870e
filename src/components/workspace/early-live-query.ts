/**
 * A live query started when a screen's code loads, once the database has opened: beside the referential's request
 * and the other startup work, instead of after the screen's first renders (each a render and a round trip before
 * the next query starts). Read with useObservable (dexie-react-hooks), which takes a result already there through
 * getValue(): the screen then renders with its data at once. Later changes arrive as with useLiveQuery.
 */
import { liveQuery } from 'dexie';
import { openWorkspaceDatabase } from './startup';
import { firstInTransition } from './transition-live-query';

export interface EarlyLiveQuery<T> {
  /** The first result, for what needs it once (the referential version a screen is pinned to). */
  readonly first: Promise<T>;
  hasValue(): boolean;
  getValue(): T | undefined;
  subscribe(next: (value: T) => void, error?: (error: unknown) => void): { unsubscribe(): void };
}

/** `after`: what else the first read needs, awaited beside the database's opening (it must not reject). */
export function earlyLiveQuery<T>(querier: () => Promise<T>, after?: Promise<unknown>): EarlyLiveQuery<T> {
  let current: { value: T } | undefined;
  let failure: { error: unknown } | undefined;
  const listeners = new Set<{ next: (value: T) => void; error?: ((error: unknown) => void) | undefined }>();
  let settle: { resolve: (value: T) => void; reject: (error: unknown) => void } | undefined;
  const first = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  // A failure is the screen's to show (useObservable throws it); not an unhandled rejection besides.
  first.catch(() => undefined);
  void Promise.all([openWorkspaceDatabase(), after]).then(([outcome]) => {
    // A database that did not open is the screen's to explain (DatabaseGuard): nothing to read.
    if (!outcome.ok) return;
    // Kept for the page's life: the screen is the page.
    liveQuery(querier).subscribe({
      // The first result in a transition, the others at once (transition-live-query.ts).
      next: firstInTransition((value: T) => {
        current = { value };
        failure = undefined;
        settle?.resolve(value);
        for (const listener of [...listeners]) listener.next(value);
      }),
      error: (error: unknown) => {
        failure = { error };
        settle?.reject(error);
        for (const listener of [...listeners]) listener.error?.(error);
      },
    });
  });
  return {
    first,
    hasValue: () => current !== undefined,
    getValue: () => current?.value,
    subscribe(next, error) {
      const listener = { next, error };
      listeners.add(listener);
      // What arrived between the render and this subscription is not lost.
      if (failure) error?.(failure.error);
      else if (current) next(current.value);
      return { unsubscribe: () => listeners.delete(listener) };
    },
  };
}
