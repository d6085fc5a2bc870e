/**
 * useLiveQuery whose results render in a React transition. A screen revealed by a query's first result (the
 * campaign's version, then the whole campaign) is then built in slices of a few milliseconds, between which the
 * browser handles input and paints, instead of in one long task (what Lighthouse counts as blocking time).
 */
import { liveQuery } from 'dexie';
import { useObservable } from 'dexie-react-hooks';
import { startTransition, type DependencyList } from 'react';

export function useTransitionLiveQuery<T>(querier: () => Promise<T> | T, deps: DependencyList): T | undefined {
  return useObservable(
    () => ({
      subscribe: (next: (value: T) => void, error: (error: unknown) => void) =>
        liveQuery(querier).subscribe({ next: (value) => startTransition(() => next(value)), error }),
    }),
    [...deps],
  );
}
