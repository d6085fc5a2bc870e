/** The one database of the page, opened on first use. Another tab upgrading it closes this connection. */
import { openDatabase, type CapDatabase } from './db';

let instance: CapDatabase | undefined;
const closedListeners = new Set<() => void>();

export function database(): CapDatabase {
  if (!instance) {
    instance = openDatabase();
    instance.on('versionchange', () => {
      instance?.close();
      for (const listener of closedListeners) listener();
      return false;
    });
  }
  return instance;
}

/** Called when a newer CAP Progrès in another tab upgrades the database: this page must reload. */
export function onDatabaseClosed(listener: () => void): () => void {
  closedListeners.add(listener);
  return () => closedListeners.delete(listener);
}
