/** Persistent storage, space used, and how long ago the last backup was made. */
import type { CapDatabase } from './db';

export interface StorageHealth {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  lastBackupAt: string | null;
}

export async function readStorageHealth(db: CapDatabase): Promise<StorageHealth> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  const estimate = storage?.estimate ? await storage.estimate().catch(() => undefined) : undefined;
  const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
  const lastBackup = await db.settings.get('lastBackupAt');
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, lastBackupAt: lastBackup?.value ?? null };
}

/** Asked once, after the first thing saved: browsers grant it more readily to a page in use. */
export async function askPersistenceOnce(db: CapDatabase): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return;
  if (await db.settings.get('persistenceAsked')) return;
  await db.settings.put({ key: 'persistenceAsked', value: new Date().toISOString() });
  await navigator.storage.persist().catch(() => false);
}
