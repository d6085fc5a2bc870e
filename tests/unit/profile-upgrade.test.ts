/**
 * Structures described under referential 2026.1 (« types ») reach 2026.2 with nothing lost: a database written by
 * version 5 is upgraded, audited structures included, and an audit request of format 1 still imports.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_V5, SCHEMA_VERSION, type CapDatabase } from '../../src/storage/db';
import { readAuditRequest } from '../../src/domain/audit/peer-files';
import { integrityOf, readContextOf } from '../../src/domain/evaluation/sealed-file';
import { loadLibrary } from '../../src/loaders/referential';

const library = loadLibrary();
const opened: CapDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

const at = '2026-06-01T10:00:00.000Z';
const legacyStructure = { id: 'a'.repeat(32), name: 'Ensemblier du Val', types: ['ACI', 'EI', 'ENSEMBLIER'], siret: '', region: 'Bretagne', staff: { permanents: 8, inPathway: 40, volunteers: 2 }, createdAt: at, updatedAt: at };
const legacySubject = {
  structure: { id: 'b'.repeat(32), name: 'Coop Pair', types: ['SCIC', 'EBE'], siret: '', region: 'Occitanie' },
  campaign: { id: 'c'.repeat(32), name: 'CAP 2026', date: '2026-03-01', tracks: ['CAP'], referentialVersion: '2026.1' },
  criterionCodes: ['ID.1.1', 'SR.4.2'],
  evidence: [],
  selfRatings: null,
};

describe('the database upgrade to version 6', () => {
  it('gives every structure, and every audited structure, its profile; every other field stays', async () => {
    const name = `v5-${Date.now()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(SCHEMA_V5);
    await v5.open();
    await v5.table('structures').add(legacyStructure);
    const audit = { id: 'd'.repeat(32), kind: 'croise', side: 'auditor', campaignId: null, subject: legacySubject, requestId: 'e'.repeat(32), auditingStructure: 'Nous', auditors: [], independence: { declared: false, statement: '' }, startDate: '', endDate: '', scopeNote: '', conclusion: '', requestedAt: null, selfRatingsShared: false, returnedAt: null, createdAt: at, updatedAt: at };
    await v5.table('audits').add(audit);
    v5.close();

    const db = openDatabase(name);
    opened.push(db);
    const { types: _t, ...rest } = legacyStructure;
    expect(await db.structures.get(legacyStructure.id)).toEqual({ ...rest, legalForm: null, conventionnements: ['ACI', 'EI'], ensemblier: true, essCompany: false, group: null, headcount: null });
    const { types: _s, ...subjectRest } = legacySubject.structure;
    expect((await db.audits.get(audit.id))?.subject?.structure).toEqual({ ...subjectRest, legalForm: 'SCIC', conventionnements: ['EBE'], ensemblier: false, essCompany: false, group: null, headcount: null });
    expect(db.verno).toBe(SCHEMA_VERSION);
  });
});

describe('an audit request of format 1 (referential 2026.1)', () => {
  it('imports, the audited structure given its profile; tampering is still refused', async () => {
    const content = { requestId: 'e'.repeat(32), auditingStructure: 'Nous', subject: legacySubject };
    const file = { format: 'cap-progres/audit-request', formatVersion: 1, exportedAt: at, referentialVersion: '2026.1', content, integrity: await integrityOf(content) };
    const context = readContextOf(...library.versions);
    const read = await readAuditRequest(JSON.stringify(file), context);
    if (!read.ok) throw new Error(read.message);
    expect(read.file.formatVersion).toBe(2);
    expect(read.file.content.subject.structure).toMatchObject({ name: 'Coop Pair', legalForm: 'SCIC', conventionnements: ['EBE'] });
    const tampered = JSON.stringify(file).replace('Coop Pair', 'Coop Paire');
    expect(await readAuditRequest(tampered, context)).toEqual({ ok: false, message: expect.stringMatching(/empreinte SHA-256 ne correspond pas/) });
  });
});
