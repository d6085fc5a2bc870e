/**
 * What the screens accept, every file restores identically: arbitrary Unicode text (markup, quotes, « ; »,
 * line breaks, RTL marks, emoji, combining accents, 10,000-character strings) goes through every text field
 * of every entity, via the forms' own schemas and the storage functions the screens call, then out through
 * each file kind (backup, campaign file, audit request, audit return) and into an empty database.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAuditRequest, readAuditReturn } from '../../src/domain/audit/peer-files';
import { canonicalJson } from '../../src/domain/evaluation/canonical';
import { readContextOf, readExchangeFile } from '../../src/domain/evaluation/exchange';
import { COMMENT_MAX, JUSTIFICATION_MAX, RETAINED_REASON_MAX } from '../../src/domain/evaluation/rules';
import { applyImport, collectContent, exportWorkspace } from '../../src/storage/backup';
import type { CapDatabase } from '../../src/storage/db';
import { createAuditRequest, exportAuditReturn, importAuditRequest, importAuditReturn } from '../../src/storage/audits';
import { referential } from './fixtures/audit';
import { auditOf, fillWorkspace, type WorkspaceText } from './fixtures/workspace';
import { testDatabases } from './fixtures/databases';

const context = readContextOf(referential);

const freshDb = testDatabases('round-trip');

/** Fragments users really write or paste, and the ones an attacker would try. */
const FRAGMENTS = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', 'onload=', 'javascript:alert(1)', '<b>Nord</b>',
  '"', "'", '`', ';', ',', '\n', '\r\n', '\t', '\u202E', '\u200F', '\u200B', '\u00A0', '\u202F', '👩🏽‍🔧', '🇫🇷', 'e\u0301', 'Œuvre « commune »',
  '=SUM(A1)', '+33 6', '-1', '@x', '{"a":1}', '\\', '</textarea>', '${x}', '\u0000', '\uFEFF', 'ﷺ', 'مرحبا',
];
const fragment = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
/** Any text of at most `max` UTF-16 units, as a field with that limit takes it. */
const text = (max: number) =>
  fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join('')).filter((s) => s.length <= max);
/** At most `max` UTF-16 units, never splitting a surrogate pair (a field's maxlength counts units). */
const fitting = (s: string, max: number) => (s.length <= max ? s : s.slice(0, /[\uD800-\uDBFF]/.test(s[max - 1]!) ? max - 1 : max));
/** As above, sometimes 10,000 characters long (cut to the field's limit where it is lower). */
const longText = (max: number) =>
  fc.oneof({ weight: 4, arbitrary: text(max) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 10_000, maxLength: 10_000 }).map((s) => fitting(s, max)) });
/** A required name: the forms trim it and refuse it empty. */
const name = (max: number) => fc.tuple(text(max - 1), fc.constantFrom('A', 'é', '👍')).map(([t, c]) => `${c}${t}`.slice(0, max));

const workspaceText: fc.Arbitrary<WorkspaceText> = fc.record({
  structureName: name(120),
  region: text(80),
  campaignName: name(120),
  participantName: name(80),
  comment: longText(COMMENT_MAX),
  retainedReason: text(RETAINED_REASON_MAX),
  justification: fc.tuple(text(JUSTIFICATION_MAX - 12), fc.constant('Sans objet ici.')).map(([t, s]) => `${s}${t}`),
  evidenceTitle: name(200),
  urlPath: text(60),
  fileName: name(255),
  actionTitle: fc.tuple(fc.constant('Act'), text(290)).map(([a, t]) => a + t),
  actionTexts: fc.tuple(text(120), text(500), text(500), longText(5000)),
  auditingStructure: text(160),
  auditor: fc.tuple(name(118), text(160)),
  statement: text(2000),
  scopeNote: text(2000),
  conclusion: longText(10_000),
  auditorComment: longText(COMMENT_MAX),
  finding: fc.tuple(fc.constant('Constat'), text(4990), text(5000), text(1990), text(1990), text(1990)),
  fileBytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
});

async function restoreInto(json: string): Promise<CapDatabase> {
  const read = await readExchangeFile(json, context);
  if (!read.ok) throw new Error(read.message);
  const db = freshDb();
  await applyImport(db, read.file);
  return db;
}

const sameContent = async (a: CapDatabase, b: CapDatabase, campaignId?: string) => {
  const options = { includeFiles: true, ...(campaignId ? { campaignId } : {}) };
  expect(canonicalJson(await collectContent(b, options))).toBe(canonicalJson(await collectContent(a, options)));
};

describe('export → empty browser → import gives back exactly what the screens stored', () => {
  it('for the backup and the campaign file', async () => {
    await fc.assert(
      fc.asyncProperty(workspaceText, async (t) => {
        const a = freshDb();
        const { campaign } = await fillWorkspace(a, t);
        const all = await exportWorkspace(a, { includeFiles: true, referentialVersion: referential.version });
        await sameContent(a, await restoreInto(all.json));
        const one = await exportWorkspace(a, { campaignId: campaign.id, includeFiles: true, referentialVersion: referential.version });
        await sameContent(a, await restoreInto(one.json), campaign.id);
        expect(await (await restoreInto(all.json)).progress.toArray()).toEqual(await a.progress.toArray());
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('for the audit request and the audit return, then both sides’ backups', async () => {
    await fc.assert(
      fc.asyncProperty(workspaceText, workspaceText, async (t, u) => {
        const a = freshDb();
        const { campaign } = await fillWorkspace(a, t);
        const { json: requestJson } = await createAuditRequest(a, referential, campaign.id, { auditingStructure: t.auditingStructure.trim(), includeSelfRatings: true });
        const request = await readAuditRequest(requestJson, context);
        if (!request.ok) throw new Error(request.message);
        const b = freshDb();
        const conducted = await importAuditRequest(b, request.file);
        expect(canonicalJson(conducted.subject)).toBe(canonicalJson(JSON.parse(requestJson).content.subject));
        expect(conducted.auditingStructure).toBe(t.auditingStructure.trim());

        fc.pre(u.auditingStructure.trim() !== ''); // B cannot send a return without its name (returnProblem)
        await auditOf(b, conducted, u);
        const returnJson = await exportAuditReturn(b, conducted.id);
        const returned = await readAuditReturn(returnJson, context);
        if (!returned.ok) throw new Error(returned.message);
        const received = await importAuditReturn(a, returned.file);
        const sent = (await b.audits.get(conducted.id))!;
        for (const key of ['auditingStructure', 'auditors', 'independence', 'startDate', 'endDate', 'scopeNote', 'conclusion'] as const) {
          expect(received[key]).toEqual(sent[key]);
        }
        const strip = <T extends { auditId: string }>(rows: T[]) => rows.map(({ auditId: _, ...r }) => ({ ...r, actionId: undefined }));
        expect(strip(await a.auditRatings.where('auditId').equals(received.id).toArray())).toEqual(strip(await b.auditRatings.where('auditId').equals(sent.id).toArray()));
        expect(strip(await a.findings.where('auditId').equals(received.id).toArray())).toEqual(strip(await b.findings.where('auditId').equals(sent.id).toArray()));

        // Both workspaces now hold peer audits (A the received layer, B the subject it audits): their backups restore too.
        await sameContent(a, await restoreInto((await exportWorkspace(a, { includeFiles: true, referentialVersion: referential.version })).json));
        await sameContent(b, await restoreInto((await exportWorkspace(b, { includeFiles: true, referentialVersion: referential.version })).json));
      }),
      { numRuns: 50 },
    );
  }, 120_000);
});

describe('user text is inert by construction', () => {
  it('no source file writes HTML from a string (innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML, document.write)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.(ts|tsx|astro|mjs)$/.test(f) ? [join(dir, f)] : []));
    const offenders = files('src').filter((f) => /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|set:html/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
