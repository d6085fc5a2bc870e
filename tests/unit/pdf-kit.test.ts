/**
 * The PDF kit's shortcuts around jsPDF (pdf-fonts.ts, pdf-speed.ts, pdf-deflate.ts) must write what jsPDF alone
 * would: the same line breaks and widths as a document given the fonts the jsPDF way, and text that reads back
 * as typed once the fonts are subset, the glyphs escaped and the streams compressed ahead.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { jsPDF } from 'jspdf';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { FONT, finishDocument, newDocument, Writer, type FontFiles } from '../../src/components/report/pdf-kit';

const regular = readFileSync('public/fonts/DejaVuSans.ttf', 'latin1');
const bold = readFileSync('public/fonts/DejaVuSans-Bold.ttf', 'latin1');
const fonts: FontFiles = [regular, bold];

/** A document given the fonts through jsPDF's own virtual file system, with none of the kit's per-document shortcuts. */
function plainDocument(): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
  doc.addFileToVFS('DejaVuSans.ttf', regular);
  doc.addFont('DejaVuSans.ttf', FONT, 'normal');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', bold);
  doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');
  return doc;
}

/** French text as users type or paste it: accents, ligatures, quotes, the euro, narrow spaces, tabs and other control characters, long words, new lines. */
const frenchText = fc
  .array(
    fc.oneof(
      fc.constantFrom('é', 'è', 'à', 'ç', 'œ', 'Œ', '€', '«', '»', '’', '–', '…', ' ', ' ', '  ', '\n', '\t', 'Ü', '°', '\f', '\u0007', '\u0085'),
      fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789,.;:!?()-/'.split('')), minLength: 1, maxLength: 40 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('PDF kit', () => {
  it('breaks lines and measures text exactly as jsPDF does', async () => {
    const kit = await newDocument('essai', { fonts });
    const plain = plainDocument();
    fc.assert(
      fc.property(frenchText, fc.constantFrom<'normal' | 'bold'>('normal', 'bold'), fc.constantFrom(7.5, 8, 9.5, 10, 12, 15), fc.integer({ min: 5, max: 180 }), (text, style, size, width) => {
        for (const doc of [kit, plain]) doc.setFont(FONT, style).setFontSize(size);
        expect(kit.splitTextToSize(text, width)).toEqual(plain.splitTextToSize(text, width));
        expect(kit.getTextWidth(text)).toBe(plain.getTextWidth(text));
      }),
      { numRuns: 300 },
    );
  });

  it('writes text that reads back as typed, fonts subset and streams compressed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(frenchText.filter((t) => t.trim() !== ''), { minLength: 1, maxLength: 6 }), async (paragraphs) => {
        const doc = await newDocument('essai', { fonts });
        const w = new Writer(doc);
        paragraphs.forEach((text, i) => w.paragraph(text, { bold: i % 2 === 1 }));
        w.table({ head: [['Critère', 'Commentaire']], body: paragraphs.map((text, i) => [`C${i}`, text]) });
        const bytes = new Uint8Array((await finishDocument(doc)).output('arraybuffer'));
        const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
        // pdf.js reads wrapped lines and narrow or repeated spaces as single spaces; control characters print as
        // a space or nothing (a tab used to cut the rest of its line).
        const flat = (s: string) => s.replace(/[\s\u0000-\u001F\u007F-\u009F]+/g, '');
        for (const paragraph of paragraphs) expect(flat(text)).toContain(flat(paragraph));
      }),
      { numRuns: 25 },
    );
  });
});
