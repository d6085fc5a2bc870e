/**
 * When a page has drawn what the user came for: the service worker's first install (which downloads the whole app)
 * waits for it, so that on a first visit it never competes with the screen for the connection and the processor.
 *
 * Traced on 2 cores: registered at the load event, the install ran while the islands' code was evaluated and their
 * screens laid out, and about doubled those tasks' durations. Lighthouse on the four workspace pages, three
 * interleaved runs each: 81–95 (blocking time 257–797 ms) at the load event, 96–100 (44–221 ms) with this wait.
 */

/** No resource fetched for this long: the page has what it needs (its islands' code, the referential). */
const QUIET_MS = 1_000;
/** A page that keeps fetching (sync, a screen stuck on an error) still gets its offline copy after this. */
const LONGEST_WAIT_MS = 10_000;

const loaded = (): Promise<void> =>
  document.readyState === 'complete' ? Promise.resolve() : new Promise((resolve) => addEventListener('load', () => resolve(), { once: true }));

/** Astro removes an island's `ssr` attribute once its code has loaded and it has started. */
const islandsStarted = (): Promise<unknown> =>
  Promise.all(
    [...document.querySelectorAll('astro-island[ssr]')].map(
      (island) => new Promise((resolve) => island.addEventListener('astro:hydrate', resolve, { once: true })),
    ),
  );

function networkQuiet(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      resolve();
    };
    let timer = setTimeout(done, QUIET_MS);
    const observer = new PerformanceObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, QUIET_MS);
    });
    observer.observe({ type: 'resource' });
  });
}

const idle = (): Promise<void> =>
  new Promise((resolve) => ('requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: 1_000 }) : setTimeout(resolve, 0)));

/** Resolves after the load event, once every island has started and the network has been quiet, at an idle moment. */
export function pageSettled(): Promise<void> {
  const settled = loaded()
    .then(islandsStarted)
    .then(networkQuiet)
    .then(idle);
  // Not lib/at-most: a module shared by this page script and the islands would become a file of its own on every page.
  const longest = new Promise<void>((resolve) => setTimeout(resolve, LONGEST_WAIT_MS));
  return Promise.race([settled, longest]);
}
