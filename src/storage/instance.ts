/** The one database of the page, opened on first use. Another tab upgrading it closes this connection. */
import { DATABASE_NAME, openDatabase, SCHEMA_VERSION, type CapDatabase } from './db';

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

/**
 * True when the database on disk was written by a newer CAP Progrès (a higher version). Checked without
 * opening it: Dexie would otherwise open it as is, and this older code must not write into a layout it
 * does not know.
 */
export async function isWrittenByNewerVersion(): Promise<boolean> {
  const list = await indexedDB.databases?.().catch(() => []);
  const onDisk = list?.find((d) => d.name === DATABASE_NAME)?.version ?? 0;
  return onDisk > SCHEMA_VERSION * 10;
}
