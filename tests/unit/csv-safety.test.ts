/** Spreadsheet exports that stay data: no CSV cell a spreadsheet reads as a formula, .xlsx text cells never formulas. */
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { correctiveActionValues } from '../../src/domain/audit/corrective-action';
import type { Campaign, Rating, Structure } from '../../src/domain/evaluation/model';
import { neutralizeFormula, parseCsv, toCsv } from '../../src/domain/plan/csv';
import type { ProgressAction } from '../../src/domain/plan/model';
import { csvOf, planTable, ratingsTable } from '../../src/components/workspace/exports';
import { workbook } from '../../src/components/workspace/xlsx';
import { audit, finding, referential, scope } from './fixtures/audit';
import { profileOf } from './fixtures/profile';

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];
const HYPERLINK = '=HYPERLINK("http://x","clic")';

describe('neutralizeFormula', () => {
  it.each(DANGEROUS)('puts an apostrophe before a cell starting with %j', (start) => {
    expect(neutralizeFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutralizeFormula(start)).toBe(`'${start}`);
  });

  it('leaves plain text alone, including a formula sign further in and a leading apostrophe', () => {
    for (const text of ['', 'Plan signé', 'a=b', 'SR.4.2 – passer au niveau 2', ' =1+1', "'déjà neutre", '2026-03-01', '0,75']) {
      expect(neutralizeFormula(text)).toBe(text);
    }
  });
});

describe('toCsv and formulas', () => {
  it('neutralises every string cell, header included, and quotes what needs quoting', () => {
    const csv = toCsv(['=Titre', 'Score'], [[HYPERLINK, 0.75], ['@SUM(1+1)', 1], ['+1;2', 0], ['-\nliste', null], ['\tind', 2], ['\r=1', 3]]);
    expect(csv).toBe(
      '\uFEFF\'=Titre;Score\r\n' +
        '"\'=HYPERLINK(""http://x"",""clic"")";0,75\r\n' +
        "'@SUM(1+1);1\r\n" +
        '"\'+1;2";0\r\n' +
        '"\'-\nliste";\r\n' +
        "'\tind;2\r\n" +
        '"\'\r=1";3\r\n',
    );
    expect(parseCsv(csv)).toEqual([
      ["'=Titre", 'Score'],
      [`'${HYPERLINK}`, '0,75'],
      ["'@SUM(1+1)", '1'],
      ["'+1;2", '0'],
      ["'-\nliste", ''],
      ["'\tind", '2'],
      ["'\r=1", '3'],
    ]);
  });

  it('keeps numbers as numbers, a negative one too: decimal comma, no apostrophe, no quotes', () => {
    const csv = toCsv(['Écart', 'Score'], [[-2.5, 0.25], [-1, 0], [3, -0.75]]);
    expect(csv).toBe('\uFEFFÉcart;Score\r\n-2,5;0,25\r\n-1;0\r\n3;-0,75\r\n');
  });

  it('reads back, for any string, a cell that no spreadsheet takes for a formula and that is the original text once the added apostrophe is removed', () => {
    const risky = fc.tuple(fc.constantFrom(...DANGEROUS), fc.string({ unit: 'binary' })).map(([start, rest]) => start + rest);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), risky), fc.double({ noNaN: true, noDefaultInfinity: true }), (text, number) => {
        const [, row] = parseCsv(toCsv(['Texte', 'Nombre'], [[text, number]]));
        const [cell, numberCell] = row!;
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        const added = /^[=+\-@\t\r]/.test(text);
        expect(added ? cell!.slice(1) : cell).toBe(text);
        if (added) expect(cell!.startsWith("'")).toBe(true);
        expect(numberCell).toBe(String(number).replace('.', ','));
      }),
    );
  });
});

const structure: Structure = { id: 's1', name: 'AI Test', ...profileOf('AI'), siret: '', region: '', staff: { permanents: null, inPathway: null, volunteers: null }, createdAt: '', updatedAt: '' };
const campaign: Campaign = { id: 'c1', structureId: 's1', name: 'CAP 2026', date: '2026-03-01', tracks: ['CAP'], participants: [], referentialVersion: referential.version, previousCampaignId: null, createdAt: '', updatedAt: '' };
const criterion = scope[0]!;
const rating: Rating = { campaignId: 'c1', criterionCode: criterion.code, level: 3, notApplicable: null, comment: HYPERLINK, toReview: false, carriedOver: false, updatedAt: '' };
const notes = ratingsTable(referential, structure, campaign, [criterion], new Map([[criterion.code, rating]]), []);
// A peer auditor's non-conformity whose corrective action reads like a formula, as it enters the plan de progrès.
const peerFinding = { ...finding('nc_majeure', { criterionCode: criterion.code }, '@SUM(1+1) constat'), correctiveAction: '  -2+3 réécrire la procédure' };
const fromAudit = correctiveActionValues(peerFinding, audit({ kind: 'croise' }));
const action: ProgressAction = { ...fromAudit, id: 'x1', campaignId: 'c1', createdAt: '', updatedAt: '' };
const plan = planTable([action, { ...action, id: 'x2', title: '+1 former les encadrants', owner: '=1+1' }]);

describe('the campaign exports', () => {
  it('neutralise a rating comment and keep the score a number in the notes CSV', () => {
    const [header, row] = parseCsv(csvOf(notes));
    expect(row![header!.indexOf('Commentaire')]).toBe(`'${HYPERLINK}`);
    expect(row![header!.indexOf('Score')]).toBe('0,75');
    expect(row![header!.indexOf('Niveau')]).toBe('3');
  });

  it("neutralise the plan action drawn from a peer auditor's finding, and hand-written ones", () => {
    expect(fromAudit.title).toBe('-2+3 réécrire la procédure');
    const [header, first, second] = parseCsv(csvOf(plan));
    expect(first![header!.indexOf('Action')]).toBe("'-2+3 réécrire la procédure");
    expect(first![header!.indexOf('Notes')]).toContain('Constat : @SUM(1+1) constat');
    expect(second![header!.indexOf('Action')]).toBe("'+1 former les encadrants");
    expect(second![header!.indexOf('Pilote')]).toBe("'=1+1");
  });

  it('write the .xlsx text cells as shared strings holding the literal text, numbers as numbers, and no formula', async () => {
    const bytes = new Uint8Array(await (await workbook(notes, plan)).arrayBuffer());
    const files = unzipSync(bytes);
    const sheets = Object.keys(files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).sort();
    expect(sheets).toHaveLength(2);
    // Every cell is a shared string (t="s") or a number (no t): never a formula, nor a "str" formula result.
    const cellTypes = sheets.map((name) => {
      const xml = strFromU8(files[name]!);
      expect(xml).not.toMatch(/<f[\s>/]/);
      return new Set([...xml.matchAll(/<c\b[^>]*>/g)].map(([tag]) => /\st="([^"]*)"/.exec(tag)?.[1] ?? 'n'));
    });
    expect(cellTypes).toEqual([new Set(['s', 'n']), new Set(['s'])]);
    expect(strFromU8(files['xl/sharedStrings.xml']!)).toContain(`<t>${HYPERLINK}</t>`);

    const [header, row] = await readSheet(Buffer.from(bytes), 'Notes');
    expect(row![header!.indexOf('Commentaire')]).toBe(HYPERLINK);
    expect(row![header!.indexOf('Score')]).toBe(0.75);
    expect(row![header!.indexOf('Niveau')]).toBe(3);
    const planSheet = await readSheet(Buffer.from(bytes), 'Plan de progrès');
    expect(planSheet[1]![0]).toBe('-2+3 réécrire la procédure');
    expect(planSheet[2]![0]).toBe('+1 former les encadrants');
    expect(planSheet[2]![2]).toBe('=1+1');
  });
});
