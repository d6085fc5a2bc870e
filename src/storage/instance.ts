/**
 * The one database of the page, opened on first use. A newer CAP Progrès in another tab upgrading it closes this
 * connection, once the writes under way have finished; an older one holding it blocks our own upgrade.
 */
import { atMost } from '../lib/at-most';
import { openDatabase, type CapDatabase } from './db';

let instance: CapDatabase | undefined;
let blocked = false;
const closedListeners = new Set<() => void>();
const blockedListeners = new Set<() => void>();
const beforeClosing = new Set<() => Promise<void>>();

/** The other tab waits for us meanwhile (its open is blocked): a write that never ends must not hold it for ever. */
const CLOSING_GRACE_MS = 5_000;

export function database(): CapDatabase {
  if (!instance) {
    const db = openDatabase();
    instance = db;
    db.on('versionchange', () => {
      const settled = Promise.allSettled([...beforeClosing].map((task) => task()));
      void atMost(settled, CLOSING_GRACE_MS).then(() => {
        db.close();
        for (const listener of closedListeners) listener();
      });
      // Not Dexie's own handling, which closes at once: a write about to begin would be lost.
      return false;
    });
    db.on('blocked', () => {
      blocked = true;
      for (const listener of blockedListeners) listener();
    });
  }
  return instance;
}

/** Runs before the database is given up to a newer CAP Progrès in another tab (to finish writing). */
export function beforeDatabaseCloses(task: () => Promise<void>): () => void {
  beforeClosing.add(task);
  return () => beforeClosing.delete(task);
}

/** Called when a newer CAP Progrès in another tab upgrades the database: this page must reload. */
export function onDatabaseClosed(listener: () => void): () => void {
  closedListeners.add(listener);
  return () => closedListeners.delete(listener);
}

/** Whether our upgrade has been waiting for another tab (the screen may start after the event). */
export const wasDatabaseBlocked = (): boolean => blocked;

/** Called when our upgrade waits for another tab (an older CAP Progrès) to let the database go. */
export function onDatabaseBlocked(listener: () => void): () => void {
  blockedListeners.add(listener);
  return () => blockedListeners.delete(listener);
}
