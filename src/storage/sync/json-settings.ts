/**
 * A family of settings kept as JSON in this browser's settings table, one row per id under a common prefix
 * (`sync:<structure>`, `sync-share:<structure>`, `sync-central:<group>`): not in backups, never a password.
 */
import type { CapDatabase } from '../db';

export type SettingPrefix = 'sync' | 'sync-share' | 'sync-central';

export function jsonSettings<T>(prefix: SettingPrefix) {
  const key = (id: string) => `${prefix}:${id}` as const;
  return {
    key,
    async read(db: CapDatabase, id: string): Promise<T | null> {
      const row = await db.settings.get(key(id));
      return row ? (JSON.parse(row.value) as T) : null;
    },
    async readAll(db: CapDatabase): Promise<T[]> {
      const rows = await db.settings.where('key').startsWith(`${prefix}:`).toArray();
      return rows.map((row) => JSON.parse(row.value) as T);
    },
    /** Whether any is kept, without reading them. */
    async any(db: CapDatabase): Promise<boolean> {
      return (await db.settings.where('key').startsWith(`${prefix}:`).count()) > 0;
    },
    save: (db: CapDatabase, id: string, value: T) => db.settings.put({ key: key(id), value: JSON.stringify(value) }),
    remove: (db: CapDatabase, id: string) => db.settings.delete(key(id)),
  };
}
