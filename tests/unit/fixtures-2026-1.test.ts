/**
 * The 2026.1 fixtures: a campaign file and a full backup of a realistic structure (AI + ACI, 16 criteria rated,
 * comments, views, evidence with an attached file, an action, an internal audit with findings), exported with
 * the site of 2026.1 and frozen. Whatever the referential becomes, they must still import and score exactly as
 * they did then (expected-scores.json was written from them under 2026.1, and is frozen too).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readContextOf, readExchangeFile } from '../../src/domain/evaluation/exchange';
import { criteriaInScope, ratingsByCode } from '../../src/domain/evaluation/scope';
import { scoreCampaign, type CampaignScores } from '../../src/domain/scoring/score';
import { loadReferential } from '../../src/loaders/referential';
import { applyImport, collectContent } from '../../src/storage/backup';
import { openDatabase, type CapDatabase } from '../../src/storage/db';

const fixture = (name: string) => readFileSync(`tests/fixtures/2026.1/${name}`, 'utf8');
const referential = loadReferential();
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
  const read = await readExchangeFile(fixture(name), readContextOf(referential));
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
      const structure = content.structures.find((s) => s.id === campaign!.structureId)!;
      expect(structure.types).toEqual(['AI', 'ACI']);
      const scope = criteriaInScope(referential, structure.types, campaign!.tracks);
      expect(figures(scoreCampaign(referential, scope, ratingsByCode(content.ratings)))).toEqual(expected.figures);
    });
  }
});
