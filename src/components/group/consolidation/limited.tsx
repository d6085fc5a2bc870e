import { useState, type ReactNode } from 'react';

/**
 * A long list shows its first rows, the rest on demand: a 600-member group laid out tens of thousands of cells
 * (1.7 s on a 2-core laptop) before the central function could read the first line.
 */
export function useLimited<T>(items: readonly T[], limit: number, what: string): { shown: readonly T[]; note: string; more: ReactNode } {
  const [all, setAll] = useState(false);
  if (all || items.length <= limit) return { shown: items, note: '', more: null };
  return {
    shown: items.slice(0, limit),
    note: ` (les ${limit} premiers sur ${items.length})`,
    more: (
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setAll(true)}>
          Afficher les {items.length - limit} autres {what}
        </button>
      </div>
    ),
  };
}
