/** The page's connection (instance.ts) facing another tab's upgrade: writes finish first; an older tab blocks, then lets go. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { profileOf } from './fixtures/profile';
import { SCHEMA_VERSION } from '../../src/storage/db';

const structure = (id: string) => ({ id, name: 'Atelier', ...profileOf('ACI'), siret: '', region: '', staff: { permanents: null, inPathway: null, volunteers: null }, createdAt: '', updatedAt: '' });

function openRaw(version: number): Promise<{ db: IDBDatabase; blocked: boolean }> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    const request = indexedDB.open('cap-progres', version);
    request.onblocked = () => (blocked = true);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => resolve({ db: request.result, blocked });
  });
}

function keysOf(db: IDBDatabase, store: string): Promise<IDBValidKey[]> {
  return new Promise((resolve) => {
    const request = db.transaction(store).objectStore(store).getAllKeys();
    request.onsuccess = () => resolve(request.result);
  });
}

// Each test gets its own page: a fresh module instance, and no database.
beforeEach(() => vi.resetModules());
afterEach(
  () =>
    new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase('cap-progres');
      request.onsuccess = request.onerror = () => resolve();
    }),
);
const modules = async () => ({ ...(await import('../../src/storage/instance')), ...(await import('../../src/components/workspace/save-status')) });

describe('another tab upgrading the database', () => {
  it('waits for the writes under way, then closes, and a later write is told not saved', async () => {
    const { database, onDatabaseClosed, track } = await modules();
    const db = database();
    await db.open();
    const closed = vi.fn();
    onDatabaseClosed(closed);

    // Each write is three transactions in a row: the later ones begin after the versionchange has arrived.
    const ids = ['a', 'b', 'c'].map((id) => id.repeat(32));
    const write = track(async () => {
      for (const id of ids) await db.structures.put(structure(id));
      return true;
    }, 'structures');
    // A newer tab: one schema version above ours (IndexedDB sees Dexie's version × 10).
    const newer = await openRaw((SCHEMA_VERSION + 1) * 10);
    expect(await write).toBe(true);
    expect(await keysOf(newer.db, 'structures')).toEqual(ids);
    // The newer tab did wait for it.
    expect(newer.blocked).toBe(true);
    expect(closed).toHaveBeenCalledOnce();

    expect(await track(() => db.structures.put(structure('d'.repeat(32))), 'structure:d')).toBeUndefined();
    newer.db.close();
  });
});

describe('an older tab holding the database', () => {
  it('blocks our upgrade, which is told, and goes on once it lets go', async () => {
    const older = await openRaw((SCHEMA_VERSION - 1) * 10);
    const { database, onDatabaseBlocked } = await modules();
    const blocked = vi.fn();
    onDatabaseBlocked(blocked);
    const opening = database().open();
    await vi.waitFor(() => expect(blocked).toHaveBeenCalled());
    older.db.close();
    await opening;
    expect(database().verno).toBe(SCHEMA_VERSION);
  });
});
