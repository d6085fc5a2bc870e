/**
 * A structure's records as the documents of its CouchDB database (src/domain/sync/documents.ts): every record the
 * screens write comes back identical through a document and JSON; what the server could hold that is not a valid
 * record of this structure is refused in French.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { documentId, fromDocument, structureDocuments, SYNC_DOCUMENT_VERSION, toDocument } from '../../src/domain/sync/documents';
import { collectContent } from '../../src/storage/backup';
import { MEMBER_TEXT, testDatabases } from './fixtures/group';
import { fillWorkspace } from './fixtures/workspace';

const databases = testDatabases('sync-documents');

describe('sync documents', () => {
  it('carry every record of a structure, each with its own id, back identical', async () => {
    const db = databases.fresh();
    const { structure } = await fillWorkspace(db, { ...MEMBER_TEXT, comment: 'Tabulation\tet « guillemets », <b>balises</b>, 👩🏽‍🔧, \u202Eà l’envers' });
    const content = await collectContent(db, { includeFiles: false });
    const documents = structureDocuments({ ...content, structure: content.structures[0]!, views: content.views ?? [] });
    const counts = (kind: string) => documents.filter((d) => d.kind === kind).length;
    // The action written by the plan, and the corrective action of the audit's finding.
    expect([counts('structure'), counts('campaign'), counts('rating'), counts('view'), counts('evidence'), counts('action')]).toEqual([1, 1, 2, 1, 2, 2]);
    expect(new Set(documents.map((d) => d._id)).size).toBe(documents.length);

    for (const document of documents) {
      const travelled = JSON.parse(JSON.stringify(document));
      const read = fromDocument(travelled, structure.id);
      expect(read).toEqual({ ok: true, item: { kind: document.kind, record: document.record } });
    }
    // Evidence travels as its description: the attached file's bytes are not in any document.
    const file = documents.find((d) => d.kind === 'evidence' && (d.record as { file: unknown }).file !== null)!;
    expect(JSON.stringify(file)).not.toContain('base64');
    expect((file.record as { file: { sha256: string } }).file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses in French what is not a valid record of this structure, and says why', async () => {
    const db = databases.fresh();
    const { structure, campaign } = await fillWorkspace(db, MEMBER_TEXT);
    const content = await collectContent(db, { includeFiles: false });
    const rating = content.ratings[0]!;
    const good = toDocument({ kind: 'rating', record: rating });

    expect(fromDocument({ _id: 'x', kind: 'inconnu', version: 1, record: {} }, structure.id)).toEqual({ ok: false, problem: "Le document « x » du serveur n'est pas un enregistrement de CAP Progrès : il est ignoré." });
    expect(fromDocument(null, structure.id).ok).toBe(false);
    expect(fromDocument({ ...good, version: SYNC_DOCUMENT_VERSION + 1 }, structure.id)).toMatchObject({ ok: false, problem: expect.stringContaining("vient d'une version plus récente de CAP Progrès : mettez l'application à jour") });
    expect(fromDocument({ ...good, record: { ...rating, level: 7 } }, structure.id)).toMatchObject({ ok: false, problem: expect.stringContaining('(une réponse) est invalide (level)') });
    // A document cannot overwrite another record than its own.
    expect(fromDocument({ ...good, _id: documentId({ kind: 'rating', record: { ...rating, criterionCode: 'ID.9.9' } }) }, structure.id)).toMatchObject({ ok: false, problem: expect.stringContaining("ne correspond pas à l'enregistrement") });
    // Another structure's campaign or profile is not this structure's.
    expect(fromDocument(toDocument({ kind: 'campaign', record: { ...campaign, structureId: 'f'.repeat(32) } }), structure.id)).toMatchObject({ ok: false, problem: expect.stringContaining('appartient à une autre structure') });
    expect(fromDocument(toDocument({ kind: 'structure', record: content.structures[0]! }), 'f'.repeat(32))).toMatchObject({ ok: false });
    expect(fromDocument(good, structure.id)).toEqual({ ok: true, item: { kind: 'rating', record: rating } });
  });
});
