import { useEffect, useState } from 'react';

/**
 * A value shown at once while its write completes, then replaced by what the database (or another tab)
 * says. `reset()` goes back to the stored value, e.g. when the write failed.
 */
export function useOptimisticValue<T>(stored: T): [T, (value: T) => void, () => void] {
  const [pending, setPending] = useState<{ value: T } | undefined>(undefined);
  useEffect(() => setPending(undefined), [stored]);
  return [pending ? pending.value : stored, (value) => setPending({ value }), () => setPending(undefined)];
}
