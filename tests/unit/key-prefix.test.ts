/** Reading a campaign's records by its key range gives exactly what the campaignId index gives, and stays live. */
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byKeyPrefix } from '../../src/storage/key-prefix';
import type { ParticipantView, Rating } from '../../src/domain/evaluation/model';
import { testDatabases } from './fixtures/databases';

const freshDb = testDatabases('key-prefix');

const rating = (campaignId: string, criterionCode: string): Rating => ({ campaignId, criterionCode, level: 2, notApplicable: null, comment: '', toReview: false, carriedOver: false, updatedAt: '2026-01-01T00:00:00.000Z' });
const view = (campaignId: string, criterionCode: string, participantId: string): ParticipantView => ({ campaignId, criterionCode, participantId, level: 1, notApplicable: false, updatedAt: '2026-01-01T00:00:00.000Z' });
// Ids that are prefixes of one another ('a', 'ab'), empty, or with characters sorting below and above letters.
const id = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '~', 'é'), maxLength: 3 });

describe('byKeyPrefix', () => {
  it('reads the same records as the campaignId index, for ratings and participants’ views', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(id, id), { maxLength: 12, selector: ([c, k]) => `${c}|${k}` }), fc.array(fc.tuple(id, id, id), { maxLength: 12 }), id, async (ratings, views, campaignId) => {
        const db = freshDb();
        await db.ratings.bulkPut(ratings.map(([c, k]) => rating(c, k)));
        await db.views.bulkPut(views.map(([c, k, p]) => view(c, k, p)));
        expect(await byKeyPrefix(db.ratings, campaignId)).toEqual(await db.ratings.where('campaignId').equals(campaignId).sortBy('criterionCode'));
        const byIndex = await db.views.where('campaignId').equals(campaignId).toArray();
        byIndex.sort((x, y) => (x.criterionCode === y.criterionCode ? (x.participantId < y.participantId ? -1 : 1) : x.criterionCode < y.criterionCode ? -1 : 1));
        expect(await byKeyPrefix(db.views, campaignId)).toEqual(byIndex);
        await db.delete();
      }),
      { numRuns: 40 },
    );
  });

  it('reads one criterion’s views with a two-part prefix, as a filter of the campaign’s would', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(id, id, id), { maxLength: 16 }), id, id, async (views, campaignId, criterionCode) => {
        const db = freshDb();
        await db.views.bulkPut(views.map(([c, k, p]) => view(c, k, p)));
        const filtered = (await byKeyPrefix(db.views, campaignId)).filter((v) => v.criterionCode === criterionCode);
        expect(await byKeyPrefix(db.views, [campaignId, criterionCode])).toEqual(filtered);
        await db.delete();
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a live query told of a change to one of its records, and of a new one', async () => {
    const db = freshDb();
    await db.ratings.bulkPut([rating('c1', 'ID.1.1'), rating('c2', 'ID.1.1')]);
    const seen: number[][] = [];
    const subscription = liveQuery(() => byKeyPrefix(db.ratings, 'c1')).subscribe((list) => seen.push(list.map((r) => r.level ?? -1)));
    const until = async (n: number) => {
      for (let i = 0; i < 200 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 5));
    };
    await until(1);
    await db.ratings.update(['c1', 'ID.1.1'], { level: 4 });
    await until(2);
    await db.ratings.put(rating('c1', 'SR.4.2'));
    await until(3);
    subscription.unsubscribe();
    expect(seen).toEqual([[2], [4], [4, 2]]);
  });
});
