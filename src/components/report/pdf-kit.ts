/**
 * What every CAP Progrès PDF shares: A4 page geometry, DejaVu Sans embedded (subset by jsPDF) so French text
 * prints exactly as typed, a top-down writer with headings and bookmarks, and the « Page x / y » footers.
 * jsPDF writes no tagged PDF: the HTML twins are the accessible versions.
 */
import { jsPDF } from 'jspdf';
import { autoTable, type UserOptions } from 'jspdf-autotable';

export const PAGE = { width: 210, height: 297, margin: 15, top: 18, bottom: 20 };
export const WIDTH = PAGE.width - 2 * PAGE.margin;
export const ACCENT: [number, number, number] = [27, 79, 114];
export const FONT = 'DejaVu';

/** DejaVu Sans regular and bold, as binary strings (what jsPDF's virtual file system takes). */
export type FontFiles = [regular: string, bold: string];

let fonts: Promise<FontFiles> | undefined;
function loadFonts(): Promise<FontFiles> {
  const binary = async (url: string) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    let out = '';
    for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return out;
  };
  fonts ??= Promise.all([binary('/fonts/DejaVuSans.ttf'), binary('/fonts/DejaVuSans-Bold.ttf')]);
  return fonts;
}

export interface DocumentOptions {
  subject?: string;
  /** The fonts, when they do not come from the site's /fonts (a PDF built outside the browser, in tests). */
  fonts?: FontFiles | undefined;
}

export async function newDocument(title: string, options: DocumentOptions = {}): Promise<jsPDF> {
  const [regular, bold] = options.fonts ?? (await loadFonts());
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
  doc.addFileToVFS('DejaVuSans.ttf', regular);
  doc.addFont('DejaVuSans.ttf', FONT, 'normal');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', bold);
  doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');
  doc.setFont(FONT, 'normal');
  doc.setLanguage('fr-FR');
  doc.setDocumentProperties({ title, creator: 'CAP Progrès', subject: options.subject ?? 'Auto-évaluation CAP (COORACE)' });
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

/** On every page: a short line saying what the document is (left) and « Page x / y » (right). */
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
