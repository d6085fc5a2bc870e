/**
 * The rating screen opens on one criterion's records before the whole campaign's are read: what it shows first must
 * be exactly what the whole read gives for that criterion.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Campaign, Evidence, ParticipantView, Rating, Structure } from '../../src/domain/evaluation/model';
import { readCampaignRecords, readCampaignViews, readOpeningCriterion } from '../../src/storage/campaign-read';
import { testDatabases } from './fixtures/databases';

const freshDb = testDatabases('opening-criterion');
const at = '2026-01-01T00:00:00.000Z';
const codes = ['ID.1.1', 'ID.1.2', 'SR.4.2'];
const code = fc.constantFrom(...codes);
const campaignOf = (id: string, previousCampaignId: string | null) =>
  ({ id, structureId: 's1', name: id, date: '2026-03-01', tracks: ['CAP'], participants: [], referentialVersion: '2026.2', previousCampaignId, createdAt: at, updatedAt: at }) as unknown as Campaign;
const structure = { id: 's1', name: 'Atelier' } as unknown as Structure;

describe('readOpeningCriterion', () => {
  it('gives the chosen criterion’s evidence, views and previous rating, as the whole campaign’s read does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('c1', 'c2'), code), { maxLength: 10 }),
        fc.uniqueArray(fc.tuple(fc.constantFrom('c1', 'c2'), code, fc.constantFrom('p1', 'p2', 'p3')), { maxLength: 12, selector: (v) => v.join('|') }),
        fc.uniqueArray(code, { maxLength: 3 }),
        fc.boolean(),
        code,
        async (evidence, views, previousRated, withPrevious, chosen) => {
          const db = freshDb();
          await db.structures.put(structure);
          await db.campaigns.bulkPut([campaignOf('c0', null), campaignOf('c1', withPrevious ? 'c0' : null), campaignOf('c2', null)]);
          await db.evidence.bulkPut(evidence.map(([campaignId, criterionCode], i) => ({ id: `e${i}`, campaignId, criterionCode, title: `Preuve ${i}`, kind: 'document', url: '', file: null, createdAt: at }) as unknown as Evidence));
          await db.views.bulkPut(views.map(([campaignId, criterionCode, participantId]) => ({ campaignId, criterionCode, participantId, level: 2, notApplicable: false, updatedAt: at }) as ParticipantView));
          await db.ratings.bulkPut(previousRated.map((criterionCode) => ({ campaignId: 'c0', criterionCode, level: 3, notApplicable: null, comment: 'avant', toReview: false, carriedOver: false, updatedAt: at }) as Rating));

          const opening = await readOpeningCriterion(db, 'c1', () => chosen);
          const whole = await readCampaignRecords(db, 'c1');
          const allViews = await readCampaignViews(db, 'c1');
          expect(opening.campaign).toEqual(whole.campaign);
          expect(opening.structure).toEqual(whole.structure);
          expect(opening.criterionCode).toBe(chosen);
          expect(opening.evidence).toEqual(whole.evidence.filter((e) => e.criterionCode === chosen));
          expect(opening.views).toEqual(allViews.filter((v) => v.criterionCode === chosen));
          expect(opening.previous).toEqual(whole.previousRatings.find((r) => r.criterionCode === chosen));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads no criterion when none is chosen, and says when the campaign is missing', async () => {
    const db = freshDb();
    await db.structures.put(structure);
    await db.campaigns.put(campaignOf('c1', null));
    await db.views.put({ campaignId: 'c1', criterionCode: 'ID.1.1', participantId: 'p1', level: 1, notApplicable: false, updatedAt: at });
    expect(await readOpeningCriterion(db, 'c1', () => undefined)).toEqual({ campaign: campaignOf('c1', null), structure, criterionCode: undefined, evidence: [], views: [], previous: undefined });
    expect((await readOpeningCriterion(db, 'absent', () => 'ID.1.1')).campaign).toBeNull();
  });
});
