/**
 * The 2026.1 fixtures: a campaign file and a full backup of a realistic structure (AI + ACI, 16 criteria rated,
 * comments, views, evidence with an attached file, an action, an internal audit with findings), exported with
 * the site of 2026.1 and frozen. Whatever the referential becomes, they must still import and score exactly as
 * they did then (expected-scores.json was written from them under 2026.1, and is frozen too).
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readContextOf, readExchangeFile } from '../../src/domain/evaluation/exchange';
import { criteriaInScope, ratingsByCode } from '../../src/domain/evaluation/scope';
import { scoreCampaign, type CampaignScores } from '../../src/domain/scoring/score';
import { loadLibrary } from '../../src/loaders/referential';
import { addNextCampaign } from '../../src/storage/workspace';
import { applyImport, collectContent } from '../../src/storage/backup';
import { openDatabase, type CapDatabase } from '../../src/storage/db';

const fixture = (name: string) => readFileSync(`tests/fixtures/2026.1/${name}`, 'utf8');
const library = loadLibrary();
// The 2026.1 files are read against the frozen copy of 2026.1, as the site does for a campaign pinned to it.
const referential = library.versions.find((v) => v.version === '2026.1')!;
const expected = JSON.parse(fixture('expected-scores.json')) as { referentialVersion: string; figures: unknown };

/** The figures of a campaign's scores, without the referential's texts. */
const figures = (s: CampaignScores) => ({
  global: s.global,
  themes: s.themes.map((t) => ({ code: t.theme.code, score: t.score, subThemes: t.subThemes.map((st) => ({ code: st.subTheme.code, score: st.score })) })),
  alerts: s.alerts.map((a) => ({ code: a.criterion.code, level: a.level })),
  weakestTheme: s.weakestTheme?.code ?? null,
});

let opened: CapDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});

async function imported(name: string) {
  const read = await readExchangeFile(fixture(name), readContextOf(...library.versions));
  if (!read.ok) throw new Error(read.message);
  const db = openDatabase(`fixture-${name}-${Date.now()}`);
  opened.push(db);
  await applyImport(db, read.file);
  return { db, file: read.file };
}

describe('the frozen 2026.1 files', () => {
  for (const name of ['backup.json', 'campaign.json']) {
    it(`${name} imports whole and scores as it did under 2026.1`, async () => {
      const { db, file } = await imported(name);
      expect(file.referentialVersion).toBe(expected.referentialVersion);
      const content = await collectContent(db, { includeFiles: name === 'backup.json' });
      expect(content).toEqual(file.content);
      const [campaign] = content.campaigns;
      expect(campaign!.referentialVersion).toBe('2026.1');
      const structure = content.structures.find((s) => s.id === campaign!.structureId)!;
      // Its « types » [AI, ACI] became a profile: the same conventionnements, an association (an AI is one by law).
      expect([structure.legalForm, structure.conventionnements, structure.ensemblier, structure.group, structure.headcount]).toEqual(['ASSOCIATION', ['AI', 'ACI'], false, null, null]);
      const scope = criteriaInScope(referential, structure, campaign!.tracks);
      expect(figures(scoreCampaign(referential, scope, ratingsByCode(content.ratings)))).toEqual(expected.figures);
    });
  }
});

describe('the frozen copy of 2026.1', () => {
  it('is the referential as published: its files never change', () => {
    // Paths and bytes of every file of content/versions/2026.1, as frozen. Editing one breaks the campaigns pinned to it:
    // publish a new version instead (content/README.md).
    const root = 'content/versions/2026.1';
    const files = (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => statSync(join(root, f)).isFile()).sort();
    const hash = createHash('sha256');
    for (const file of files) hash.update(`${file.split('\\').join('/')}\0`).update(readFileSync(join(root, file))).update('\0');
    expect([files.length, hash.digest('hex')]).toEqual([106, '32745d53e0374cd06f0ce73268b20f3ea57712dab8e560da889ff3db9dcd2a96']);
  });
});

describe('a 2026.2 campaign started from the frozen 2026.1 one', () => {
  it('carries every answer through the migration table: kept and renamed ones to review, merged ones with their sources, new ones marked', async () => {
    const { db, file } = await imported('backup.json');
    const older = file.content.campaigns[0]!;
    const current = library.current;
    const table = library.migrations.find((t) => t.from === '2026.1' && t.to === current.version)!;
    // The frozen files rate none of the merged criteria: rate their sources here, each at another level.
    const mergedSources = table.entries.flatMap((e) => (e.kind === 'merged' ? e.from : []));
    expect(mergedSources.length).toBeGreaterThan(0);
    await db.ratings.bulkPut(
      mergedSources.map((code, i) => ({ campaignId: older.id, criterionCode: code, level: ((i % 4) + 1) as 1 | 2 | 3 | 4, notApplicable: null, comment: `Constat ${code}`, toReview: false, carriedOver: false, updatedAt: older.updatedAt })),
    );
    const next = await addNextCampaign(
      db,
      older.id,
      { name: 'CAP 2027', date: '2027-01-15', tracks: older.tracks, participants: older.participants, isoExclusions: [] },
      { version: current.version, criterionCodes: new Set(current.criteria.map((c) => c.code)), migrations: library.migrations },
    );
    expect(next.referentialVersion).toBe(current.version);
    const carried = await db.ratings.where('campaignId').equals(next.id).toArray();
    const olderRatings = await db.ratings.where('campaignId').equals(older.id).toArray();
    // Every older answer lands somewhere, unless its criterion was removed (with a reason the table gives).
    for (const r of olderRatings) {
      const entry = table.entries.find((e) => (e.kind === 'merged' ? e.from.includes(r.criterionCode) : 'from' in e && e.from === r.criterionCode))!;
      if (entry.kind === 'removed') continue;
      const targets = entry.kind === 'split' ? entry.to : [entry.to];
      for (const code of targets) {
        const rating = carried.find((c) => c.criterionCode === code)!;
        expect(rating.carriedFrom?.sources.map((s) => s.criterionCode), code).toContain(r.criterionCode);
        expect(rating.toReview && rating.carriedOver, code).toBe(true);
      }
    }
    const merged = carried.filter((c) => c.carriedFrom?.origin === 'merged');
    expect(merged.length).toBe(table.entries.filter((e) => e.kind === 'merged').length);
    for (const rating of merged) {
      const sources = rating.carriedFrom!.sources;
      expect(sources.length, rating.criterionCode).toBeGreaterThanOrEqual(2);
      // The prudent reading: the weakest level, and every comment under its older code.
      expect(rating.level).toBe(Math.min(...sources.map((s) => s.level!)));
      for (const source of sources) expect(rating.comment).toContain(`${source.criterionCode} : Constat ${source.criterionCode}`);
    }
    const added = table.entries.flatMap((e) => (e.kind === 'new' ? [e.to] : []));
    expect(added.length).toBeGreaterThan(0);
    for (const code of added) expect(carried.find((c) => c.criterionCode === code)?.carriedFrom?.origin, code).toBe('new');
  });
});
