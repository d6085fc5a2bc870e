/**
 * The rule for a query that reveals a screen: its first result builds the whole screen, so it renders in a React
 * transition, in slices of a few milliseconds between which the browser handles input and paints, instead of one
 * long task (what Lighthouse counts as blocking time). Later results change a few elements: rendered at once, they
 * stay out of the way of the next click's write (measured: 1 ms more per rating otherwise).
 */
import { liveQuery } from 'dexie';
import { useObservable } from 'dexie-react-hooks';
import { startTransition, type DependencyList } from 'react';

/** `deliver`, with its first call made in a transition and the others at once. */
export function firstInTransition<T>(deliver: (value: T) => void): (value: T) => void {
  let first = true;
  return (value) => {
    if (!first) return deliver(value);
    first = false;
    startTransition(() => deliver(value));
  };
}

/** useLiveQuery, under that rule. */
export function useTransitionLiveQuery<T>(querier: () => Promise<T> | T, deps: DependencyList): T | undefined {
  return useObservable(
    () => ({
      subscribe: (next: (value: T) => void, error: (error: unknown) => void) => liveQuery(querier).subscribe({ next: firstInTransition(next), error }),
    }),
    [...deps],
  );
}
