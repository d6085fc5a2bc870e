/**
 * The console's backup: what its screens accept (any text in the group, the review, an extension's analysis) comes
 * back identically in an empty browser; a tampered or inconsistent backup is refused in French, nothing changed.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CapDatabase } from '../../src/storage/db';
import { buildGroupShare } from '../../src/storage/group-member';
import { addAuditor, addPlannedAudit, applyShareImport, collectConsole, previewShareImport, readGroupData, readShares, recordDraw, restoreConsole, saveConsole, saveExtension } from '../../src/storage/group';
import { readGroupShare } from '../../src/domain/group/share-file';
import { readConsoleFile, sealConsole } from '../../src/domain/group/console-file';
import { integrityOf, readContextOf } from '../../src/domain/evaluation/sealed-file';
import { canonicalJson } from '../../src/domain/evaluation/canonical';
import { drawSample } from '../../src/domain/group/sampling';
import { sampleInput } from '../../src/domain/group/member-inputs';
import { newId } from '../../src/domain/evaluation/ids';
import { referential } from './fixtures/audit';
import { codeA, fillWorkspace } from './fixtures/workspace';
import { MEMBER_TEXT, testDatabases } from './fixtures/group';

const context = readContextOf(referential);
const databases = testDatabases('group-console');
const freshDb = databases.fresh;

const TEXT = MEMBER_TEXT;

/** A console as its screens fill it: the group, one member's share, an auditor and a plan, a draw, an extension. */
async function fillConsole(db: CapDatabase, texts: { name: string; decisions: string; analysis: string; why: string }) {
  const member = freshDb();
  const { structure, campaign } = await fillWorkspace(member, TEXT);
  const share = await buildGroupShare(member, { structureId: structure.id, campaignIds: [campaign.id], detail: 'comments', recipient: texts.name, referentialOf: async () => referential, currentVersion: referential.version });
  const group = await saveConsole(db, {
    mode: 'certification',
    name: texts.name,
    centralFunction: 'Fonction centrale',
    certificationBody: 'AFNOR Certification',
    cycleStart: '2026-01-01',
    currentAudit: 'initial',
    currentAuditDate: '2027-03-01',
    previousAuditDate: '',
    review: { date: '2026-11-30', participants: 'Direction, qualité', decisions: texts.decisions },
  });
  const read = await readGroupShare(JSON.stringify(share), context);
  await applyShareImport(db, await previewShareImport(db, [{ fileName: 'partage.json', ...read }]));
  const auditor = await addAuditor(db, { name: 'Paul Auditeur', structureId: structure.id });
  await addPlannedAudit(db, { auditedId: structure.id, auditorIds: [auditor.id], quarter: '2026-T4' });
  await recordDraw(db, drawSample(sampleInput(group, await readShares(db), [], 42, '2026-11-30')));
  const finding = share.content.audits[0]!.findings[0]!;
  await saveExtension(db, {
    id: newId(),
    source: { structureId: structure.id, auditId: share.content.audits[0]!.id, findingId: finding.id },
    systemic: true,
    analysis: texts.analysis,
    othersNotAffectedBecause: '',
    affected: [{ structureId: structure.id, why: texts.why }],
    action: { title: 'Tenir un registre', description: 'Registre signé.', reason: 'NC relevée dans le groupe.', dueDate: '2027-01-31', priority: 'haute', criterionCodes: [codeA], clause: '7.5' },
    imposed: [{ structureId: structure.id, actionId: newId(), sentAt: null }],
  });
}

async function backupText(db: CapDatabase) {
  return JSON.stringify(await sealConsole(await collectConsole(db), referential.version, new Date().toISOString()), null, 1);
}

describe('the console backup', () => {
  it('restores the whole console identically into an empty browser, whatever text the screens took', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(text.filter((s) => s.trim() !== ''), text, text, text, async (name, decisions, analysis, why) => {
        const db = freshDb();
        await fillConsole(db, { name: name.trim().slice(0, 160), decisions, analysis, why });
        const json = await backupText(db);
        const read = await readConsoleFile(json);
        if (!read.ok) throw new Error(read.message);
        const restored = freshDb();
        await restoreConsole(restored, read.file.content);
        expect(canonicalJson(await collectConsole(restored))).toBe(canonicalJson(await collectConsole(db)));
        await databases.dropAll();
      }),
      { numRuns: 8 },
    );
  });

  it('refuses a tampered or inconsistent backup and leaves the console as it was', async () => {
    const db = freshDb();
    await fillConsole(db, { name: 'Groupe Ouest', decisions: 'Décisions', analysis: 'Analyse', why: 'Même trame' });
    const file = JSON.parse(await backupText(db));
    const tampered = structuredClone(file);
    tampered.content.console.review.decisions = 'Autre chose';
    expect(await readConsoleFile(JSON.stringify(tampered))).toEqual({ ok: false, message: expect.stringMatching(/^L'empreinte SHA-256/) });
    const dangling = structuredClone(file);
    dangling.content.plan[0].auditorIds = ['f'.repeat(32)];
    dangling.integrity = await integrityOf(dangling.content);
    expect(await readConsoleFile(JSON.stringify(dangling))).toEqual({ ok: false, message: expect.stringMatching(/renvoie à un membre ou à un auditeur absent/) });
    const twice = structuredClone(file);
    twice.content.draws.push(twice.content.draws[0]);
    twice.integrity = await integrityOf(twice.content);
    expect(await readConsoleFile(JSON.stringify(twice))).toEqual({ ok: false, message: expect.stringMatching(/deux tirages portant le même identifiant/) });
    expect(await readConsoleFile(JSON.stringify({ ...file, format: 'cap-progres/group-share' }))).toEqual({ ok: false, message: expect.stringMatching(/pas une sauvegarde de la console de groupe/) });
  });
});

describe("the console's read", () => {
  it('gives every screen the group, the shares, the auditors, the plan, the extensions, and the draws newest first', async () => {
    const db = freshDb();
    expect(await readGroupData(db)).toEqual({ group: null, shares: [], auditors: [], plan: [], draws: [], extensions: [] });
    await fillConsole(db, { name: 'Groupe Ouest', decisions: 'Décisions', analysis: 'Analyse', why: 'Même trame' });
    // Stored in key order oldest first: the read must turn them round.
    const [draw] = await db.groupDraws.toArray();
    await db.groupDraws.clear();
    await db.groupDraws.bulkPut([
      { ...draw!, id: 'a'.repeat(32), recordedAt: '2026-11-01T09:00:00.000Z' },
      { ...draw!, id: 'b'.repeat(32), recordedAt: '2026-12-01T09:00:00.000Z' },
    ]);
    const data = await readGroupData(db);
    expect(data.group?.name).toBe('Groupe Ouest');
    expect(data.shares).toEqual(await readShares(db));
    expect(data.shares).toHaveLength(1);
    expect([data.auditors.length, data.plan.length, data.extensions.length]).toEqual([1, 1, 1]);
    expect(data.draws.map((d) => d.id)).toEqual(['b'.repeat(32), 'a'.repeat(32)]);
    await databases.dropAll();
  });
});
