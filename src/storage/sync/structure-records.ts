/**
 * A structure's records in Dexie, as sync documents (domain/sync/documents.ts), and a document written back into
 * Dexie. Dexie stays the app's database: the sync mirror (PouchDB) only carries these documents to the server.
 */
import { summarize } from '../../domain/evaluation/progress-summary';
import { documentId, toDocument, type SyncDocument, type SyncedRecord } from '../../domain/sync/documents';
import { same } from '../../domain/sync/merge';
import type { Table } from 'dexie';
import type { CapDatabase } from '../db';

const TABLES = (db: CapDatabase) => [db.structures, db.campaigns, db.ratings, db.views, db.evidence, db.actions, db.dismissals, db.progress];

/** Every record of the structure, by document id (empty when the structure is not in this browser). */
export function readStructureDocuments(db: CapDatabase, structureId: string): Promise<Map<string, SyncDocument>> {
  return db.transaction('r', TABLES(db), async () => {
    const structure = await db.structures.get(structureId);
    if (!structure) return new Map();
    const campaigns = await db.campaigns.where('structureId').equals(structureId).toArray();
    const ids = campaigns.map((c) => c.id);
    const [ratings, views, evidence, actions, dismissals] = await Promise.all([
      db.ratings.where('campaignId').anyOf(ids).toArray(),
      db.views.where('campaignId').anyOf(ids).toArray(),
      db.evidence.where('campaignId').anyOf(ids).toArray(),
      db.actions.where('campaignId').anyOf(ids).toArray(),
      db.dismissals.where('campaignId').anyOf(ids).toArray(),
    ]);
    const items: SyncedRecord[] = [
      { kind: 'structure', record: structure },
      ...campaigns.map((record) => ({ kind: 'campaign', record }) as const),
      ...ratings.map((record) => ({ kind: 'rating', record }) as const),
      ...views.map((record) => ({ kind: 'view', record }) as const),
      ...evidence.map((record) => ({ kind: 'evidence', record }) as const),
      ...actions.map((record) => ({ kind: 'action', record }) as const),
      ...dismissals.map((record) => ({ kind: 'dismissal', record }) as const),
    ];
    return new Map(items.map((item) => [documentId(item), toDocument(item)]));
  });
}

export interface IncomingChange {
  id: string;
  /** The record as the server now has it; null when deleted there. */
  item: SyncedRecord | null;
  /** The record as this browser last synchronised it (null: it had none): applied only if Dexie still holds it. */
  expected: SyncedRecord | null;
}

/**
 * Writes records that came from the server, in one transaction, each only if Dexie still holds the version last
 * synchronised: one edited here in the meantime is left for the next pass to send (never overwritten). The
 * campaigns whose ratings changed get their progress summary recomputed. Returns the ids applied.
 * Reads and writes go table by table in bulk: a request per record made a whole campaign take half a second.
 */
export function applyToDatabase(db: CapDatabase, changes: IncomingChange[]): Promise<Set<string>> {
  return db.transaction('rw', TABLES(db), async () => {
    const places = changes.map(({ item, expected }) => {
      const target = item ?? expected;
      return target ? { target, ...placeOf(db, target) } : null;
    });
    const currents = await readAll(places);
    const rated = new Set<string>();
    const applied = new Set<string>();
    const puts = new Batches();
    const deletions = new Batches();
    changes.forEach(({ id, item, expected }, i) => {
      const place = places[i];
      if (!place) {
        applied.add(id);
        return;
      }
      if (!same(currents[i] ?? null, expected?.record ?? null)) return;
      if (place.target.kind === 'rating') rated.add(place.target.record.campaignId);
      if (item) puts.add(place.table, item.record);
      else {
        deletions.add(place.table, place.key);
        // A campaign's progress summary goes with it.
        if (place.target.kind === 'campaign') deletions.add(db.progress as never, place.target.record.id);
      }
      applied.add(id);
    });
    await Promise.all([...puts.map((table, rows) => table.bulkPut(rows)), ...deletions.map((table, keys) => table.bulkDelete(keys))]);
    for (const campaignId of rated) {
      if (await db.campaigns.get(campaignId)) await db.progress.put(summarize(campaignId, await db.ratings.where('campaignId').equals(campaignId).toArray()));
    }
    return applied;
  });
}

type AnyTable = Table<unknown, unknown>;

/** Rows or keys grouped by the table they go to. */
class Batches<T = unknown> {
  private readonly byTable = new Map<AnyTable, T[]>();
  add(table: AnyTable, value: T) {
    const batch = this.byTable.get(table);
    if (batch) batch.push(value);
    else this.byTable.set(table, [value]);
  }
  map<R>(run: (table: AnyTable, values: T[]) => R): R[] {
    return [...this.byTable].map(([table, values]) => run(table, values));
  }
}

/** What Dexie holds at each place (undefined where none), one bulk read per table. */
async function readAll(places: ({ table: AnyTable; key: unknown } | null)[]): Promise<unknown[]> {
  const indexes = new Batches<number>();
  places.forEach((place, i) => place && indexes.add(place.table, i));
  const found: unknown[] = new Array(places.length);
  await Promise.all(
    indexes.map(async (table, at) => {
      const rows = await table.bulkGet(at.map((i) => places[i]!.key));
      at.forEach((i, k) => (found[i] = rows[k]));
    }),
  );
  return found;
}

/** The Dexie table of a record, and the record's key in it. */
function placeOf(db: CapDatabase, item: SyncedRecord): { table: AnyTable; key: unknown } {
  const at = (table: Table<never, never>, key: unknown) => ({ table: table as unknown as AnyTable, key });
  switch (item.kind) {
    case 'structure':
      return at(db.structures as never, item.record.id);
    case 'campaign':
      return at(db.campaigns as never, item.record.id);
    case 'rating':
      return at(db.ratings as never, [item.record.campaignId, item.record.criterionCode]);
    case 'view':
      return at(db.views as never, [item.record.campaignId, item.record.criterionCode, item.record.participantId]);
    case 'evidence':
      return at(db.evidence as never, item.record.id);
    case 'action':
      return at(db.actions as never, item.record.id);
    case 'dismissal':
      return at(db.dismissals as never, [item.record.campaignId, item.record.criterionCode]);
  }
}
