/** The database: versions and migration, autosave, next campaign, export → import round trip. */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { SCHEMA_V1, SCHEMA_VERSION } from '../../src/storage/db';
import { saveRating } from '../../src/storage/ratings';
import { addCampaign, addNextCampaign, addStructure, deleteCampaign } from '../../src/storage/workspace';
import { addEvidence } from '../../src/storage/evidence';
import { applyImport, exportWorkspace, previewImport } from '../../src/storage/backup';
import { buildExchangeFile, readExchangeFile } from '../../src/domain/evaluation/exchange';
import { classifyStorageError } from '../../src/storage/errors';
import { progressFromSummary, summarize, withRating } from '../../src/domain/evaluation/progress-summary';
import { progressOf, ratingsByCode } from '../../src/domain/evaluation/scope';
import type { Criterion } from '../../src/domain/referential/model';
import { addAction } from '../../src/storage/plan';
import { profileOf } from './fixtures/profile';
import { readContextOf } from '../../src/domain/evaluation/sealed-file';
import { testDatabases } from './fixtures/databases';

const freshDb = testDatabases('test');

const structureValues = { name: 'Atelier Solidaire', ...profileOf('ACI'), legalForm: 'ASSOCIATION' as const, siret: '', region: 'Normandie', staff: { permanents: 5, inPathway: 24, volunteers: null } };
const campaignValues = { name: 'CAP 2026', date: '2026-03-01', tracks: ['CAP' as const], participants: [], isoExclusions: [] };
const context = readContextOf({ version: '2026.1', criterionCodes: ['ID.1.1', 'SR.4.2'] });

describe('schema versions', () => {
  it('leaves a database written by a newer CAP Progrès untouched, even one that lacks what this version declares', async () => {
    const name = `newer-${Date.now()}`;
    const newer = (SCHEMA_VERSION + 1) * 10;
    const rawOpen = (version?: number) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
        request.onupgradeneeded = () => request.result.createObjectStore('futur');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    (await rawOpen(newer)).close();
    const db = freshDb(name);
    // Opened as is, Dexie would add the tables its schema declares (a versionless open, then an upgrade).
    const error = await db.open().then(() => null, (e: unknown) => e);
    expect(classifyStorageError(error)).toBe('newer-version');
    const after = await rawOpen();
    expect([after.version, [...after.objectStoreNames]]).toEqual([newer, ['futur']]);
    after.close();
  });

  it('opens a database written by version 1 and finds every record intact, upgraded', async () => {
    const name = `legacy-${Date.now()}`;
    const legacy = new Dexie(name);
    legacy.version(1).stores(SCHEMA_V1);
    await legacy.open();
    const structure = { id: 'a'.repeat(32), name: 'Ancienne', types: ['AI'], siret: '', region: '', staff: { permanents: 1, inPathway: 2, volunteers: 3 }, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
    const campaign = { id: 'b'.repeat(32), structureId: structure.id, name: 'CAP 2025', date: '2025-02-01', tracks: ['CAP'], participants: [], referentialVersion: '2026.1', previousCampaignId: null, createdAt: structure.createdAt, updatedAt: structure.createdAt };
    const rating = { campaignId: campaign.id, criterionCode: 'SR.4.2', level: 3, notApplicable: null, comment: 'Écrit « à jour »', updatedAt: structure.createdAt };
    const evidence = { id: 'c'.repeat(32), campaignId: campaign.id, criterionCode: 'SR.4.2', title: 'Procédure', kind: 'document', url: '', file: null, createdAt: structure.createdAt };
    await legacy.table('structures').add(structure);
    await legacy.table('campaigns').add(campaign);
    await legacy.table('ratings').add(rating);
    await legacy.table('evidence').add(evidence);
    legacy.close();

    const db = freshDb(name);
    // Its « types » became a profile (version 6): an AI is an association by law, nothing else is guessed.
    const { types: _types, ...rest } = structure;
    expect(await db.structures.get(structure.id)).toEqual({ ...rest, legalForm: 'ASSOCIATION', conventionnements: ['AI'], ensemblier: false, essCompany: false, group: null, headcount: null });
    expect(await db.campaigns.get(campaign.id)).toEqual(campaign);
    expect(await db.ratings.get([campaign.id, 'SR.4.2'])).toEqual({ ...rating, toReview: false, carriedOver: false });
    expect(await db.evidence.where('[campaignId+criterionCode]').equals([campaign.id, 'SR.4.2']).toArray()).toEqual([evidence]);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.progress.get(campaign.id)).toEqual({ campaignId: campaign.id, rated: ['SR.4.2'], notApplicable: [], toReview: [] });
  });
});

describe('ratings', () => {
  it('are created on first change and updated in place', async () => {
    const db = freshDb();
    const s = await addStructure(db, structureValues);
    const c = await addCampaign(db, s.id, campaignValues, '2026.1');
    await saveRating(db, c.id, 'SR.4.2', { level: 2 });
    await saveRating(db, c.id, 'SR.4.2', { comment: 'Tableau de suivi' });
    const stored = await db.ratings.get([c.id, 'SR.4.2']);
    expect(stored).toMatchObject({ level: 2, comment: 'Tableau de suivi', notApplicable: null, toReview: false });
    expect(await db.ratings.count()).toBe(1);
  });

  it('keep the reason for the level retained beside the rest', async () => {
    const db = freshDb();
    const s = await addStructure(db, structureValues);
    const c = await addCampaign(db, s.id, campaignValues, '2026.1');
    await saveRating(db, c.id, 'SR.4.2', { level: 2, comment: 'Tableau de suivi' });
    await saveRating(db, c.id, 'SR.4.2', { retainedReason: 'Pratique réelle, pas encore écrite.' });
    expect(await db.ratings.get([c.id, 'SR.4.2'])).toMatchObject({ level: 2, comment: 'Tableau de suivi', retainedReason: 'Pratique réelle, pas encore écrite.' });
  });
});

describe('next campaign', () => {
  it('copies answers and evidence, each « à revoir », carries open actions over, and leaves last year untouched', async () => {
    const db = freshDb();
    const s = await addStructure(db, structureValues);
    const first = await addCampaign(db, s.id, campaignValues, '2026.1');
    await saveRating(db, first.id, 'SR.4.2', { level: 3, comment: 'ok', retainedReason: 'Avis de 2026' });
    await saveRating(db, first.id, 'OLD.1.1', { level: 1 });
    await addEvidence(db, first.id, 'SR.4.2', { title: 'Contrat', kind: 'file', url: '' }, { name: 'c.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('pdf').buffer as ArrayBuffer });

    const action = { criterionCodes: ['SR.4.2'], owner: 'Direction', startDate: '', dueDate: '2026-12-31', priority: 'haute' as const, indicator: '', resources: '', notes: '' };
    await addAction(db, first.id, { ...action, title: 'Écrire la règle des 480 h', status: 'en_cours' });
    await addAction(db, first.id, { ...action, title: 'Action terminée', status: 'realisee' });
    const next = await addNextCampaign(db, first.id, { ...campaignValues, name: 'CAP 2027' }, { version: '2026.1', criterionCodes: context.criterionCodes.get('2026.1')!, migrations: [] });
    expect((await db.actions.where('campaignId').equals(next.id).toArray()).map((a) => [a.title, a.status])).toEqual([['Écrire la règle des 480 h', 'en_cours']]);
    expect(next.previousCampaignId).toBe(first.id);
    const copied = await db.ratings.where('campaignId').equals(next.id).toArray();
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatchObject({ criterionCode: 'SR.4.2', level: 3, comment: 'ok', toReview: true, carriedOver: true });
    expect(copied[0]!.retainedReason).toBeUndefined(); // last year's views stay with last year
    expect(await db.ratings.get([first.id, 'SR.4.2'])).toMatchObject({ toReview: false, carriedOver: false });
    const evidence = await db.evidence.where('campaignId').equals(next.id).toArray();
    expect(evidence[0]?.file?.name).toBe('c.pdf');
    expect(await db.files.count()).toBe(1);

    await deleteCampaign(db, first.id);
    expect(await db.files.count()).toBe(1); // still used by the new campaign
    await deleteCampaign(db, next.id);
    expect(await db.files.count()).toBe(0);
  });
});

describe('export and import', () => {
  async function seeded() {
    const db = freshDb();
    const s = await addStructure(db, structureValues);
    const c = await addCampaign(db, s.id, campaignValues, '2026.1');
    await saveRating(db, c.id, 'SR.4.2', { level: 4, comment: 'Œuvre « commune » – 1 200 €' });
    await addEvidence(db, c.id, 'SR.4.2', { title: 'Registre', kind: 'file', url: '' }, { name: 'r.txt', type: 'text/plain', bytes: new TextEncoder().encode('registre').buffer as ArrayBuffer });
    return { db, s, c };
  }

  it('round-trips a campaign with its file into an empty database', async () => {
    const { db, c } = await seeded();
    const { json } = await exportWorkspace(db, { campaignId: c.id, includeFiles: true, referentialVersion: '2026.1' });
    expect(await db.settings.get('lastBackupAt')).toBeDefined();
    const read = await readExchangeFile(json, context);
    if (!read.ok) throw new Error(read.message);

    const target = freshDb();
    expect(await previewImport(target, read.file)).toEqual([
      { kind: 'structure', id: expect.any(String), name: 'Atelier Solidaire', action: 'add' },
      { kind: 'campaign', id: c.id, name: 'CAP 2026', action: 'add' },
    ]);
    await applyImport(target, read.file);
    expect(await target.ratings.get([c.id, 'SR.4.2'])).toEqual(await db.ratings.get([c.id, 'SR.4.2']));
    const [evidence] = await target.evidence.toArray();
    const file = await target.files.get(evidence!.file!.sha256);
    expect(new TextDecoder().decode(file!.bytes)).toBe('registre');
  });

  it('replaces a campaign already present, without touching others', async () => {
    const { db, s, c } = await seeded();
    const other = await addCampaign(db, s.id, { ...campaignValues, name: 'Autre' }, '2026.1');
    await saveRating(db, other.id, 'ID.1.1', { level: 1 });
    const { json } = await exportWorkspace(db, { campaignId: c.id, includeFiles: false, referentialVersion: '2026.1' });
    await saveRating(db, c.id, 'SR.4.2', { level: 0 });
    await saveRating(db, c.id, 'ID.1.1', { level: 2 });

    const read = await readExchangeFile(json, context);
    if (!read.ok) throw new Error(read.message);
    expect((await previewImport(db, read.file)).map((i) => i.action)).toEqual(['replace', 'replace']);
    await applyImport(db, read.file);
    expect(await db.ratings.get([c.id, 'SR.4.2'])).toMatchObject({ level: 4 });
    expect(await db.ratings.get([c.id, 'ID.1.1'])).toBeUndefined();
    expect(await db.ratings.get([other.id, 'ID.1.1'])).toMatchObject({ level: 1 });
  });
});

describe('import of a hand-edited file', () => {
  it('refuses evidence or an action under the id of another campaign’s, and writes nothing', async () => {
    const db = freshDb();
    const s = await addStructure(db, structureValues);
    const kept = await addCampaign(db, s.id, campaignValues, '2026.1');
    const evidence = await addEvidence(db, kept.id, 'SR.4.2', { title: 'Registre', kind: 'document', url: '' }, null);
    const action = await addAction(db, kept.id, { title: 'Tenir le registre', criterionCodes: [], owner: '', startDate: '', dueDate: '', status: 'a_lancer', priority: 'haute', indicator: '', resources: '', notes: '' });
    const other = freshDb();
    const c = await addCampaign(other, (await addStructure(other, structureValues)).id, { ...campaignValues, name: 'Autre' }, '2026.1');
    await addEvidence(other, c.id, 'ID.1.1', { title: 'Charte', kind: 'document', url: '' }, null);
    await addAction(other, c.id, { title: 'Afficher la charte', criterionCodes: [], owner: '', startDate: '', dueDate: '', status: 'a_lancer', priority: 'basse', indicator: '', resources: '', notes: '' });
    const exported = (await exportWorkspace(other, { includeFiles: false, referentialVersion: '2026.1' })).file.content;
    const stealsEvidence = structuredClone(exported);
    stealsEvidence.evidence[0]!.id = evidence.id;
    const stealsAction = structuredClone(exported);
    stealsAction.actions[0]!.id = action.id;
    const before = [await db.evidence.toArray(), await db.actions.toArray(), await db.campaigns.toArray()];

    for (const content of [stealsEvidence, stealsAction]) {
      const read = await readExchangeFile(JSON.stringify(await buildExchangeFile(content, { scope: 'all', referentialVersion: '2026.1', now: new Date().toISOString() })), context);
      if (!read.ok) throw new Error(read.message);
      await expect(applyImport(db, read.file)).rejects.toThrow(/reprend les identifiants de preuves, d'actions ou d'audits d'une autre campagne de ce navigateur/);
      expect([await db.evidence.toArray(), await db.actions.toArray(), await db.campaigns.toArray()]).toEqual(before);
    }
    // The same file, untouched, imports beside what was there.
    const read = await readExchangeFile(JSON.stringify(await buildExchangeFile(exported, { scope: 'all', referentialVersion: '2026.1', now: new Date().toISOString() })), context);
    if (!read.ok) throw new Error(read.message);
    await applyImport(db, read.file);
    expect(await db.evidence.count()).toBe(2);
  });
});

describe('storage errors', () => {
  it('recognise a full disk even when Dexie wraps it', () => {
    expect(classifyStorageError({ name: 'QuotaExceededError' })).toBe('quota');
    expect(classifyStorageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe('quota');
    expect(classifyStorageError({ name: 'MissingAPIError' })).toBe('unavailable');
    expect(classifyStorageError({ name: 'VersionError' })).toBe('newer-version');
    expect(classifyStorageError(new Error('x'))).toBe('unknown');
  });
});

describe('progress summaries', () => {
  const scope = ['ID.1.1', 'SR.4.2', 'SU.1.1', 'AC.1.1'].map((code) => ({ code }) as Criterion);

  it('follow every write path and give the same figures as the ratings', async () => {
    const db = freshDb();
    const s = await addStructure(db, structureValues);
    const c = await addCampaign(db, s.id, campaignValues, '2026.1');
    await saveRating(db, c.id, 'ID.1.1', { level: 2 });
    await saveRating(db, c.id, 'SR.4.2', { level: null, notApplicable: { justification: 'Pas de mise à disposition.' } });
    await saveRating(db, c.id, 'SU.1.1', { toReview: true });
    await saveRating(db, c.id, 'ID.1.1', { level: 3, toReview: true });
    const check = async (id: string) => {
      const ratings = await db.ratings.where('campaignId').equals(id).toArray();
      expect(progressFromSummary(scope, await db.progress.get(id))).toEqual(progressOf(scope, ratingsByCode(ratings)));
    };
    await check(c.id);
    expect(progressFromSummary(scope, await db.progress.get(c.id))).toEqual({ rated: 1, applicable: 3, notApplicable: 1, toReview: 2 });

    const next = await addNextCampaign(db, c.id, { ...campaignValues, name: 'CAP 2027' }, { version: '2026.1', criterionCodes: new Set(['ID.1.1', 'SR.4.2', 'SU.1.1']), migrations: [] });
    await check(next.id);

    const { json } = await exportWorkspace(db, { campaignId: c.id, includeFiles: false, referentialVersion: '2026.1' });
    const read = await readExchangeFile(json, readContextOf({ version: '2026.1', criterionCodes: ['ID.1.1', 'SR.4.2', 'SU.1.1', 'AC.1.1'] }));
    if (!read.ok) throw new Error(read.message);
    const target = freshDb();
    await applyImport(target, read.file);
    expect(await target.progress.get(c.id)).toEqual(summarize(c.id, await db.ratings.where('campaignId').equals(c.id).toArray()));

    await deleteCampaign(db, c.id);
    expect(await db.progress.get(c.id)).toBeUndefined();
  });

  it('stay right under any sequence of changes, and are written only when a code changes list', async () => {
    const change = fc.record(
      {
        level: fc.constantFrom(null, 0, 1, 2, 3),
        notApplicable: fc.constantFrom(null, { justification: 'Sans objet ici.' }),
        toReview: fc.boolean(),
        comment: fc.string({ maxLength: 5 }),
      },
      { requiredKeys: [] },
    );
    const db = freshDb();
    const summaryPut = vi.spyOn(db.progress, 'put');
    const s = await addStructure(db, structureValues);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...scope.map((c) => c.code)), change), { maxLength: 12 }), async (changes) => {
        const c = await addCampaign(db, s.id, campaignValues, '2026.1');
        for (const [code, delta] of changes) {
          const before = await db.progress.get(c.id);
          const writesBefore = summaryPut.mock.calls.length;
          const saved = await saveRating(db, c.id, code, delta);
          const after = await db.progress.get(c.id);
          const unmoved = !!before && withRating(before, saved) === before;
          expect(summaryPut.mock.calls.length - writesBefore).toBe(unmoved ? 0 : 1);
          const ratings = await db.ratings.where('campaignId').equals(c.id).toArray();
          expect(progressFromSummary(scope, after)).toEqual(progressOf(scope, ratingsByCode(ratings)));
        }
      }),
      { numRuns: 40 },
    );
  });
});
