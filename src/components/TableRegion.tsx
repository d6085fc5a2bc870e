import type { ReactNode } from 'react';

/**
 * A table wider than a phone scrolls inside its own region instead of the whole page (WCAG 1.4.10, RGAA 10.11: a
 * page read at 320 px must not scroll sideways). The region takes the keyboard focus, so that arrows scroll it.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${label}, défilable`}>
      {children}
    </div>
  );
}
