/**
 * What every CAP Progrès PDF shares: A4 page geometry, DejaVu Sans embedded (subset by jsPDF) so French text
 * prints exactly as typed, a top-down writer with headings and bookmarks, and the « Page x / y » footers.
 * jsPDF writes no tagged PDF: the HTML twins are the accessible versions.
 */
import { jsPDF } from 'jspdf';
import { autoTable, type UserOptions } from 'jspdf-autotable';
import { addParsedFont, embeddedFontFiles, loadSiteFonts, parseFonts, type FontFiles } from './pdf-fonts';
import { pause } from '../../lib/pause';
import { StreamCompressor } from './pdf-deflate';
import { installShortcuts, quickenDocument, useCompressed } from './pdf-speed';

export const PAGE = { width: 210, height: 297, margin: 15, top: 18, bottom: 20 };
export const WIDTH = PAGE.width - 2 * PAGE.margin;
export const ACCENT: [number, number, number] = [27, 79, 114];
export const FONT = 'DejaVu';

export type { FontFiles } from './pdf-fonts';

export interface DocumentOptions {
  subject?: string;
  /** The fonts, when they do not come from the site's /fonts (a PDF built outside the browser, in tests). */
  fonts?: FontFiles | undefined;
}

let prepared: Promise<void> | undefined;
/**
 * Readies the page for its first PDF, for screens to call in the background once they show: the fonts fetched
 * and parsed, then a one-page document written and output, so that jsPDF's and autoTable's code is compiled and
 * warm before the user asks (the first document of a page otherwise runs it cold, and slower).
 */
export function preparePdf(): Promise<void> {
  prepared ??= (async () => {
    await loadSiteFonts();
    // Each step its own task, so the page's own work can come between.
    await pause();
    const doc = await newDocument('—');
    const w = new Writer(doc);
    w.newPage();
    w.heading('Préparation « œ € »');
    w.heading('Sous-partie', 2);
    w.paragraph('Texte d’essai, avec des accents : é è à ç.', { bold: true });
    w.bullets(['Premier point', 'Second point']);
    if (typeof document !== 'undefined') {
      // The report's radar goes in as a JPEG: the image code too.
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 2;
      doc.addImage(canvas.toDataURL('image/jpeg'), 'JPEG', PAGE.margin, w.y, 2, 2, 'warm-up', 'FAST');
    }
    w.table({ head: [['Critère', 'Niveau', 'Commentaire']], body: [['ID.1.1 Critère', '3 – Déployé', 'Constat\nsur deux lignes']], columnStyles: { 0: { cellWidth: 40 } } });
    w.table({ theme: 'plain', body: [['Document', 'essai']], columnStyles: { 0: { fontStyle: 'bold', cellWidth: 55 } } });
    contents(doc, w, 1);
    footers(doc, 'CAP Progrès');
    await finishDocument(doc);
    await pause();
    doc.output('arraybuffer');
  })();
  return prepared;
}

/**
 * Control characters users paste into comments (a tab from a spreadsheet, a form feed): the fonts have no glyph for
 * them and jsPDF's encoding ends the line at the first one, so the rest of the line would be missing from the PDF.
 * Spacing ones print as a space, the others as nothing.
 */
const SPACING_CONTROLS = /[\t\v\f\r\u0085]/g;
const OTHER_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
export const printable = (text: string) => text.replace(SPACING_CONTROLS, ' ').replace(OTHER_CONTROLS, '');

let printableInstalled = false;
function installPrintableText() {
  if (printableInstalled) return;
  printableInstalled = true;
  // jsPDF hands the lines of every text() call to its preProcessText handlers before encoding them.
  const line = (item: unknown): unknown => (typeof item === 'string' ? printable(item) : Array.isArray(item) && typeof item[0] === 'string' ? [printable(item[0]), ...item.slice(1)] : item);
  (jsPDF.API as unknown as { events: [string, unknown][] }).events.push([
    'preProcessText',
    (payload: { text: unknown }) => {
      payload.text = Array.isArray(payload.text) ? payload.text.map(line) : line(payload.text);
    },
  ]);
}

export async function newDocument(title: string, options: DocumentOptions = {}): Promise<jsPDF> {
  installShortcuts();
  installPrintableText();
  const fonts = options.fonts ? parseFonts(options.fonts) : await loadSiteFonts();
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
  addParsedFont(doc, fonts.regular, 'DejaVuSans.ttf', FONT, 'normal');
  addParsedFont(doc, fonts.bold, 'DejaVuSans-Bold.ttf', FONT, 'bold');
  quickenDocument(doc);
  compressors.set(doc, new StreamCompressor(doc));
  doc.setFont(FONT, 'normal');
  doc.setLanguage('fr-FR');
  doc.setDocumentProperties({ title, creator: 'CAP Progrès', subject: options.subject ?? 'Auto-évaluation CAP (COORACE)' });
  return doc;
}

const compressors = new WeakMap<jsPDF, StreamCompressor>();

/** The last step of every PDF, once its pages are written: its streams compressed before the caller outputs it. */
export async function finishDocument(doc: jsPDF): Promise<jsPDF> {
  const compressor = compressors.get(doc);
  if (compressor) useCompressed(doc, await compressor.compress(embeddedFontFiles(doc)));
  return doc;
}

/** Writes text top-down, turning the page when needed; remembers section pages for the contents. */
export class Writer {
  y = PAGE.top;
  readonly sections: { title: string; page: number; level: number }[] = [];
  constructor(readonly doc: jsPDF) {}

  get page() {
    return this.doc.getCurrentPageInfo().pageNumber;
  }
  newPage() {
    this.doc.addPage();
    this.y = PAGE.top;
  }
  ensure(height: number) {
    if (this.y + height > PAGE.height - PAGE.bottom) this.newPage();
  }
  heading(title: string, level = 1) {
    const size = level === 1 ? 15 : 12;
    this.ensure(level === 1 ? 30 : 20);
    this.y += level === 1 ? 2 : 4;
    this.doc.setFont(FONT, 'bold').setFontSize(size).setTextColor(...ACCENT);
    for (const line of this.doc.splitTextToSize(title, WIDTH) as string[]) {
      this.doc.text(line, PAGE.margin, this.y);
      this.y += size * 0.45;
    }
    this.doc.setFont(FONT, 'normal').setTextColor(0, 0, 0);
    this.y += 2;
    this.sections.push({ title, page: this.page, level });
    // PDF bookmarks: sub-sections nest under the last section.
    const node = this.doc.outline.add(level === 1 ? null : this.lastSection, title, { pageNumber: this.page });
    if (level === 1) this.lastSection = node;
  }
  private lastSection: ReturnType<jsPDF['outline']['add']> | null = null;
  paragraph(text: string, options: { size?: number; bold?: boolean; gap?: number } = {}) {
    const size = options.size ?? 10;
    this.doc.setFont(FONT, options.bold ? 'bold' : 'normal').setFontSize(size);
    for (const line of this.doc.splitTextToSize(text, WIDTH) as string[]) {
      this.ensure(size * 0.5);
      this.doc.text(line, PAGE.margin, this.y);
      this.y += size * 0.45;
    }
    this.doc.setFont(FONT, 'normal');
    this.y += options.gap ?? 2;
  }
  bullets(items: string[], size = 10) {
    for (const item of items) {
      this.doc.setFontSize(size);
      const lines = this.doc.splitTextToSize(item, WIDTH - 5) as string[];
      lines.forEach((line, i) => {
        this.ensure(size * 0.5);
        if (i === 0) this.doc.text('•', PAGE.margin, this.y);
        this.doc.text(line, PAGE.margin + 5, this.y);
        this.y += size * 0.45;
      });
      this.y += 0.8;
    }
    this.y += 1.5;
  }
  table(options: UserOptions) {
    autoTable(this.doc, {
      startY: this.y,
      margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
      styles: { font: FONT, fontSize: 8, cellPadding: 1.5, overflow: 'linebreak', valign: 'top' },
      headStyles: { font: FONT, fontStyle: 'bold', fillColor: ACCENT, textColor: 255 },
      showHead: 'everyPage',
      rowPageBreak: 'auto',
      ...options,
    });
    this.y = (this.doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 5;
  }
}

/** The contents page, with links and page numbers, and its bookmark: written last, on the page kept for it. */
export function contents(doc: jsPDF, w: Writer, tocPage: number) {
  doc.setPage(tocPage);
  let y = PAGE.top;
  doc.setFont(FONT, 'bold').setFontSize(15).setTextColor(...ACCENT).text('Sommaire', PAGE.margin, y);
  doc.setTextColor(0, 0, 0);
  doc.outline.add(null, 'Sommaire', { pageNumber: tocPage });
  y += 10;
  for (const section of w.sections) {
    const indent = section.level === 1 ? 0 : 6;
    doc.setFont(FONT, section.level === 1 ? 'bold' : 'normal').setFontSize(section.level === 1 ? 10.5 : 9.5);
    const label = (doc.splitTextToSize(section.title, WIDTH - 25 - indent) as string[])[0] ?? '';
    doc.textWithLink(label, PAGE.margin + indent, y, { pageNumber: section.page });
    doc.text(String(section.page), PAGE.width - PAGE.margin, y, { align: 'right' });
    y += section.level === 1 ? 7 : 5.5;
    if (y > PAGE.height - PAGE.bottom) break;
  }
  doc.setFont(FONT, 'normal');
}

/** On every page: a short line saying what the document is (left) and « Page x / y » (right). */
export function footers(doc: jsPDF, line: string) {
  const total = doc.getNumberOfPages();
  for (let i = 1; i <= total; i++) {
    doc.setPage(i);
    doc.setFont(FONT, 'normal').setFontSize(7.5).setTextColor(90, 90, 90);
    doc.text(line, PAGE.margin, PAGE.height - 9, { maxWidth: WIDTH - 25 });
    doc.text(`Page ${i} / ${total}`, PAGE.width - PAGE.margin, PAGE.height - 9, { align: 'right' });
    doc.setTextColor(0, 0, 0);
  }
}
