/**
 * The partage groupe from end to end in two databases: a member writes it as its screen does, the console reads,
 * previews and applies it; the central function's files come back into the member's plan and dashboard.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CapDatabase } from '../../src/storage/db';
import { buildGroupShare, importBenchmark, importImposedActions, previewImposedActions } from '../../src/storage/group-member';
import { applyShareImport, previewShareImport, readShares, saveConsole, type ReadShareFile } from '../../src/storage/group';
import { readGroupShare } from '../../src/domain/group/share-file';
import { readGroupFeedback } from '../../src/domain/group/feedback-files';
import { readContextOf } from '../../src/domain/evaluation/sealed-file';
import { canonicalJson } from '../../src/domain/evaluation/canonical';
import { integrityOf } from '../../src/domain/evaluation/sealed-file';
import { sealImposedActions, sealBenchmark } from '../../src/domain/group/feedback-content';
import { addFindingToPlan } from '../../src/storage/audits';
import { applyImport, exportWorkspace } from '../../src/storage/backup';
import { readExchangeFile } from '../../src/domain/evaluation/exchange';
import type { GroupShareFile } from '../../src/domain/group/share-model';
import { referential } from './fixtures/audit';
import { codeA, fillWorkspace } from './fixtures/workspace';
import { groupConsole, MEMBER_TEXT, testDatabases } from './fixtures/group';

const context = readContextOf(referential);
const databases = testDatabases('group-share');
const freshDb = databases.fresh;

const TEXT = MEMBER_TEXT;

// The fixture's structure names its group after itself.
const GROUP = groupConsole('Groupe Coorace Ouest');

async function memberShare(db: CapDatabase, detail: 'scores' | 'levels' | 'comments' = 'comments') {
  const { structure, campaign } = await fillWorkspace(db, TEXT);
  const file = await buildGroupShare(db, {
    structureId: structure.id,
    campaignIds: [campaign.id],
    detail,
    recipient: GROUP.name,
    referentialOf: async () => referential,
    currentVersion: referential.version,
  });
  return { structure, campaign, file };
}

const asRead = (fileName: string, text: string) => readGroupShare(text, context).then((r): ReadShareFile => ({ fileName, ...r }));

describe('the partage groupe file', () => {
  it('carries what the member chose, sealed, and reads back identically', async () => {
    const db = freshDb();
    const { file, structure } = await memberShare(db, 'comments');
    const read = await readGroupShare(JSON.stringify(file), context);
    expect(read).toEqual({ ok: true, file });
    const c = file.content;
    expect(c.structure).toMatchObject({ id: structure.id, name: TEXT.structureName, conventionnements: ['AI', 'ACI'] });
    expect(c.structure.group).toEqual({ role: 'member', name: TEXT.structureName, agreementDate: '2026-01-10' });
    // codeA rated 3 with a comment; codeB N/A.
    const levels = c.campaigns[0]!.levels!;
    expect(levels.find((l) => l.criterionCode === codeA)).toEqual({ criterionCode: codeA, level: 3, notApplicable: false, comment: TEXT.comment });
    expect(levels.filter((l) => l.notApplicable)).toHaveLength(1);
    // The internal audit's minor NC with its statement; its corrective action entered the plan when it was recorded.
    expect(c.audits).toHaveLength(1);
    expect(c.audits[0]!.findings[0]).toMatchObject({ kind: 'nc_mineure', clause: '8.1', statement: `Constat ${TEXT.finding[1]}`, correctiveStatus: 'a_lancer' });
    expect(c.actions.map((a) => a.title)).toContain(TEXT.actionTitle);
    expect(file.integrity.value).toBe((await integrityOf(c)).value);
  });

  it('leaves out levels for « scores only » and comments for « levels »', async () => {
    const scores = (await memberShare(freshDb(), 'scores')).file.content.campaigns[0]!;
    expect(scores.levels).toBeNull();
    expect(scores.themes.length).toBeGreaterThan(0);
    const levels = (await memberShare(freshDb(), 'levels')).file.content.campaigns[0]!;
    expect(levels.levels!.every((l) => l.comment === '')).toBe(true);
  });

  it('reports a finding’s corrective action status once it entered the plan', async () => {
    const db = freshDb();
    const { campaign } = await fillWorkspace(db, TEXT);
    const finding = (await db.findings.toArray())[0]!;
    const linked = await addFindingToPlan(db, finding.id);
    await db.actions.update(linked.actionId!, { status: 'realisee' });
    const file = await buildGroupShare(db, { structureId: campaign.structureId, campaignIds: [campaign.id], detail: 'scores', recipient: 'G', referentialOf: async () => referential, currentVersion: referential.version });
    expect(file.content.audits[0]!.findings[0]!.correctiveStatus).toBe('realisee');
  });

  it('refuses a tampered, mislabelled or inconsistent file in French', async () => {
    const { file } = await memberShare(freshDb(), 'levels');
    const tampered = structuredClone(file) as GroupShareFile;
    tampered.content.campaigns[0]!.global.value = 1;
    expect(await readGroupShare(JSON.stringify(tampered), context)).toEqual({ ok: false, message: expect.stringMatching(/^L'empreinte SHA-256 ne correspond pas/) });
    const detailLie = structuredClone(file) as GroupShareFile;
    detailLie.content.detail = 'scores';
    detailLie.integrity = await integrityOf(detailLie.content);
    expect(await readGroupShare(JSON.stringify(detailLie), context)).toEqual({ ok: false, message: expect.stringMatching(/Le détail annoncé/) });
    const unknown = structuredClone(file) as GroupShareFile;
    unknown.content.campaigns[0]!.levels![0]!.criterionCode = 'ZZ.9.9';
    unknown.integrity = await integrityOf(unknown.content);
    expect(await readGroupShare(JSON.stringify(unknown), context)).toEqual({ ok: false, message: expect.stringMatching(/Le critère ZZ\.9\.9 n'existe pas/) });
    expect(await readGroupShare('{"format":"cap-progres/evaluation","formatVersion":4}', context)).toEqual({ ok: false, message: expect.stringMatching(/^Ce fichier est une sauvegarde CAP Progrès, pas un partage groupe/) });
    expect(await readGroupShare('pas du json', context)).toEqual({ ok: false, message: expect.stringMatching(/n'est pas un fichier JSON lisible/) });
  });
});

describe('importing shares into the console', () => {
  it('previews new, updated, stale and refused files, then applies the accepted ones in one go', async () => {
    const member = freshDb();
    const { file, structure, campaign } = await memberShare(member, 'levels');
    const console_ = freshDb();
    await saveConsole(console_, GROUP);

    const json = JSON.stringify(file);
    const foreign = structuredClone(file) as GroupShareFile;
    foreign.content.recipient = 'Autre groupe';
    foreign.integrity = await integrityOf(foreign.content);
    const tampered = json.replace('"CAP 2026"', '"CAP 2027"');
    const reads = await Promise.all([asRead('a.json', json), asRead('a-copie.json', json), asRead('autre.json', JSON.stringify(foreign)), asRead('abime.json', tampered)]);
    const preview = await previewShareImport(console_, reads);
    expect(preview.map((i) => i.status)).toEqual(['new', 'refused', 'refused', 'refused']);
    expect(preview[1]!.message).toMatch(/en double/);
    expect(preview[2]!.message).toBe(`Ce partage est adressé à « Autre groupe », pas à « ${GROUP.name} ». Rien n'a été importé de ce fichier.`);
    expect(preview[3]!.message).toMatch(/^L'empreinte SHA-256/);
    expect(await console_.groupShares.count()).toBe(0); // a preview writes nothing

    expect(await applyShareImport(console_, preview)).toBe(1);
    const held = (await readShares(console_)).find((h) => h.structureId === structure.id)!;
    expect(held.content.campaigns[0]!.levels).toBeNull(); // levels are kept apart
    expect((await console_.groupLevels.get(structure.id))!.campaigns[0]!.levels).toEqual(file.content.campaigns[0]!.levels);

    // The same share again: nothing to do. A newer one: an update, the older campaign kept for the trend.
    expect((await previewShareImport(console_, [await asRead('a.json', json)]))[0]!.message).toMatch(/déjà été importé/);
    await member.campaigns.update(campaign.id, { name: 'CAP 2026 bis' });
    const newer = await buildGroupShare(member, { structureId: structure.id, campaignIds: [campaign.id], detail: 'scores', recipient: GROUP.name, referentialOf: async () => referential, currentVersion: referential.version });
    const olderAgain = structuredClone(file) as GroupShareFile;
    olderAgain.content.shareId = 'f'.repeat(32);
    olderAgain.integrity = await integrityOf(olderAgain.content);
    const second = await previewShareImport(console_, [await asRead('b.json', JSON.stringify(newer)), await asRead('vieux.json', JSON.stringify(olderAgain))]);
    expect(second.map((i) => i.status)).toEqual(['updated', 'stale']);
    await applyShareImport(console_, second);
    expect((await readShares(console_))[0]!.content.campaigns[0]!.name).toBe('CAP 2026 bis');
  });

  it('refuses a member that does not declare a group, in a certification console', async () => {
    const member = freshDb();
    const { file } = await memberShare(member);
    const noGroup = structuredClone(file) as GroupShareFile;
    noGroup.content.structure.group = null;
    noGroup.integrity = await integrityOf(noGroup.content);
    const console_ = freshDb();
    await saveConsole(console_, GROUP);
    const [item] = await previewShareImport(console_, [await asRead('x.json', JSON.stringify(noGroup))]);
    expect(item!.status).toBe('refused');
    expect(item!.message).toMatch(/ne se déclare pas membre d'un groupe/);
    await saveConsole(console_, { ...GROUP, mode: 'suivi' });
    expect((await previewShareImport(console_, [await asRead('x.json', JSON.stringify(noGroup))]))[0]!.status).toBe('new');
  });
});

describe('what the group sends back', () => {
  it('lands imposed actions in the latest campaign’s plan once, and reports them in the next share', async () => {
    const db = freshDb();
    const { structure, campaign } = await fillWorkspace(db, TEXT);
    const actionId = 'a'.repeat(32);
    const file = await sealImposedActions(
      {
        sendingId: 'b'.repeat(32),
        group: GROUP.name,
        issuedAt: '2026-11-02T10:00:00.000Z',
        structure: { id: structure.id, name: structure.name, siret: '' },
        actions: [{ id: actionId, title: 'Tracer la remise du livret', description: 'Registre signé.', reason: 'Non-conformité mineure relevée dans une structure du groupe (ISO 9001 7.5).', dueDate: '2027-01-31', priority: 'haute', criterionCodes: [codeA], clause: '7.5' }],
      },
      referential.version,
      '2026-11-02T10:00:00.000Z',
    );
    const read = await readGroupFeedback(JSON.stringify(file), context);
    expect(read).toEqual({ ok: true, kind: 'imposed', file });
    expect(await previewImposedActions(db, file)).toEqual({ structureName: structure.name, campaign: { id: campaign.id, name: TEXT.campaignName }, added: ['Tracer la remise du livret'], alreadyInPlan: [] });
    const [added] = await importImposedActions(db, file);
    expect(added).toMatchObject({ campaignId: campaign.id, status: 'a_lancer', dueDate: '2027-01-31', notes: 'Registre signé.', fromGroup: { group: GROUP.name, imposedActionId: actionId } });
    expect(await importImposedActions(db, file)).toEqual([]); // once
    await db.actions.update(added!.id, { status: 'realisee' });
    const share = await buildGroupShare(db, { structureId: structure.id, campaignIds: [campaign.id], detail: 'scores', recipient: GROUP.name, referentialOf: async () => referential, currentVersion: referential.version });
    expect(share.content.actions.find((a) => a.imposedActionId === actionId)?.status).toBe('realisee');

    // Addressed to a structure this browser does not hold: refused, nothing written.
    const elsewhere = await sealImposedActions({ ...file.content, structure: { id: 'c'.repeat(32), name: 'Autre', siret: '12345678901234' } }, referential.version, file.exportedAt);
    await expect(previewImposedActions(db, elsewhere)).rejects.toThrow(/adressées à « Autre » \(SIRET 12345678901234\)/);
  });

  it('keeps the repère réseau and an imposed action through a backup, identically', async () => {
    const db = freshDb();
    const { structure } = await fillWorkspace(db, TEXT);
    const benchmark = await sealBenchmark(
      { group: GROUP.name, computedAt: '2026-11-02T10:00:00.000Z', contributors: 6, themes: [{ code: 'ID', n: 6, q1: 0.4, median: 0.5, q3: 0.7 }], subThemes: [], withheld: ['SR'] },
      referential.version,
      '2026-11-02T10:00:00.000Z',
    );
    const read = await readGroupFeedback(JSON.stringify(benchmark), context);
    expect(read.ok && read.kind).toBe('benchmark');
    await importBenchmark(db, structure.id, benchmark);
    const { json } = await exportWorkspace(db, { includeFiles: true, referentialVersion: referential.version });
    const backup = await readExchangeFile(json, context);
    if (!backup.ok) throw new Error(backup.message);
    expect(backup.file.formatVersion).toBe(4);
    const restored = freshDb();
    await applyImport(restored, backup.file);
    expect(await restored.benchmarks.get(structure.id)).toEqual(await db.benchmarks.get(structure.id));
    const again = await exportWorkspace(restored, { includeFiles: true, referentialVersion: referential.version });
    expect(canonicalJson(JSON.parse(again.json).content)).toBe(canonicalJson(JSON.parse(json).content));
  });

  it('refuses a benchmark entry below 5 contributors and unordered quartiles', async () => {
    const bad = await sealBenchmark({ group: 'G', computedAt: '2026-11-02T10:00:00.000Z', contributors: 4, themes: [{ code: 'ID', n: 4, q1: 0.4, median: 0.5, q3: 0.7 }], subThemes: [], withheld: [] }, referential.version, '2026-11-02T10:00:00.000Z');
    expect(await readGroupFeedback(JSON.stringify(bad), context)).toEqual({ ok: false, message: expect.stringMatching(/au moins 5 structures/) });
  });
});
