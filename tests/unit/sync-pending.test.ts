/** « N modifications en attente » survives a reload, and two tabs writing it at once do not fail. */
import '../support/pouchdb';
import PouchDB from 'pouchdb-browser';
import { describe, expect, it } from 'vitest';
import type { Mirror } from '../../src/storage/sync/mirror';
import { readPending, writePending } from '../../src/storage/sync/pending';

const open = (name: string) => new (PouchDB as unknown as new (name: string) => Mirror)(name);

describe('pending changes of a device', () => {
  it('are read back as written, by another handle on the same mirror (a reload)', async () => {
    const name = `pending-${Date.now()}`;
    await writePending(open(name), new Set(['rating:c:ID.1.1', 'view:c:ID.1.1:p1']));
    expect(await readPending(open(name))).toEqual(new Set(['rating:c:ID.1.1', 'view:c:ID.1.1:p1']));
    await writePending(open(name), new Set());
    expect((await readPending(open(name))).size).toBe(0);
  });

  it('two tabs writing at the same moment: both writes succeed, one of them stands', async () => {
    const name = `pending-tabs-${Date.now()}`;
    const [one, two] = [open(name), open(name)];
    await Promise.all([writePending(one, new Set(['a'])), writePending(two, new Set(['b'])), writePending(one, new Set(['c']))]);
    expect([['a'], ['b'], ['c']]).toContainEqual([...(await readPending(open(name)))]);
  });
});
