/**
 * Leaving a page while one of its writes is under way loses that write: the browser aborts the IndexedDB
 * transactions of a page it unloads (seen in CI: a comment typed, then another page opened at once). So:
 * - a link of the site followed while a write runs (a few milliseconds) or a typed text waits for its pause opens
 *   once they are written;
 * - leaving otherwise (closing the tab, reloading, typing an address) with something not yet written, or not
 *   written because it failed, asks the browser's « Quitter le site ? » first.
 */
import { atMost } from '../../lib/at-most';

export interface PendingWork {
  /** Writes under way, or typed text waiting for its pause: the page can finish them if it stays a moment. */
  underWay(): boolean;
  /** Changes on screen that are not stored (failed writes): only the user can decide to drop them. */
  unsaved(): boolean;
  /** Writes what is typed now and resolves when no write is under way. */
  settle(): Promise<void>;
}

/** Far above a write's few milliseconds, short enough not to feel stuck. */
const LEAVING_GRACE_MS = 2_000;

export function guardLeaving(work: PendingWork): void {
  if (typeof window === 'undefined') return;
  // Bubbling to the document: a handler of the page that took the click (preventDefault) has run by now.
  document.addEventListener('click', (event) => {
    if (!work.underWay() || event.defaultPrevented) return;
    const link = followedLink(event);
    if (!link) return;
    event.preventDefault();
    // A write that never ends (a database held by another tab) must not hold the user here: past the grace, the
    // page is left anyway, and the browser's « Quitter le site ? » then asks.
    void atMost(work.settle(), LEAVING_GRACE_MS).then(() => location.assign(link.href));
  });
  window.addEventListener('beforeunload', (event) => {
    if (!work.underWay() && !work.unsaved()) return;
    // Started now, so that a user who stays finds them written.
    void work.settle();
    event.preventDefault();
    // Older browsers ask only when this is set (MDN).
    event.returnValue = true;
  });
}

/** The link a plain click opens in this tab, to another page of the site; null for anything else. */
function followedLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute('download')) return null;
  if (link.target && link.target !== '_self') return null;
  if (link.origin !== location.origin) return null;
  // A jump within the page (#main…) unloads nothing.
  if (link.pathname === location.pathname && link.search === location.search && link.hash) return null;
  return link;
}
