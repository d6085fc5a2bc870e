/**
 * Lets the browser run other tasks (input, paint), then goes on: long work cut into tasks of its own, which
 * Lighthouse no longer counts as blocking. At the same priority, where the browser can tell (scheduler.yield).
 */
export function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?(): Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
