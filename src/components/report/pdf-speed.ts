/**
 * Shortcuts around what the profile of the full report showed jsPDF and autoTable repeating, each leaving the
 * document as jsPDF would write it (the same objects and, inflated, the same streams: checked on the report and
 * on random text against jsPDF alone):
 * - the Arabic shaping runs on every string printed or measured; it changes only strings holding Arabic
 *   letters (or its literal "\s+" split), so other strings skip it;
 * - per document, the font list, the active font, text widths and line breaking (quickenDocument);
 * - the text encoding and font writing of pdf-fonts.ts, put in place of jsPDF's own handlers;
 * - every stream (page contents, embedded fonts) is deflated in JavaScript as the file is written, code that
 *   runs cold in the first document of a page; pdf-deflate.ts compresses them beforehand with the browser's
 *   zlib, and jsPDF's stream filter takes the result when it meets the same data. A stream not prepared (or a
 *   browser without CompressionStream) goes through jsPDF's own deflate as before.
 */
import { jsPDF } from 'jspdf';
import { installFontWriter, installGlyphEscape } from './pdf-fonts';

type Filters = string | string[] | undefined;
interface JsPdfApi {
  processDataByFilters(data: string, filters: Filters): { data: string; reverseChain: string };
  processArabic?: (input: unknown) => unknown;
  events: [string, unknown][];
}

/** Letters the Arabic parser reshapes, as its own isArabicLetter tests them, and the separator it splits on. */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]|\\s\+/;

/** The compressed streams of the document being output, by their uncompressed data. */
let prepared: Map<string, string> | undefined;

let installed = false;
/** Installs the shortcuts on jsPDF, once, before the first document: each new document copies jsPDF.API. */
export function installShortcuts() {
  if (installed) return;
  installed = true;
  const api = jsPDF.API as unknown as JsPdfApi;

  const shape = api.processArabic;
  if (shape) {
    const hasArabic = (input: unknown): boolean => {
      const text = typeof input === 'string' ? input : (input as { text: unknown }).text;
      if (typeof text === 'string') return ARABIC.test(text);
      if (Array.isArray(text)) return text.some((item) => (Array.isArray(item) ? typeof item[0] === 'string' && ARABIC.test(item[0]) : typeof item === 'string' && ARABIC.test(item)));
      return true;
    };
    const guarded = function (this: unknown, input: unknown) {
      return hasArabic(input) ? shape.call(this, input) : input;
    };
    api.processArabic = guarded;
    for (const event of api.events) if (event[1] === shape) event[1] = guarded;
  }

  installGlyphEscape(api.events);
  installFontWriter(api.events);

  const filter = api.processDataByFilters;
  api.processDataByFilters = function (data, filters) {
    if (prepared && isFlateOnly(filters)) {
      const compressed = prepared.get(data);
      if (compressed !== undefined) return { data: compressed, reverseChain: '/FlateDecode' };
    }
    return filter.call(this, data, filters);
  };
}

function isFlateOnly(filters: Filters): boolean {
  const only = Array.isArray(filters) ? (filters.length === 1 ? filters[0] : undefined) : filters;
  return only === 'FlateEncode' || only === '/FlateEncode';
}

/**
 * Per document: what jsPDF recomputes on every call although it changes only with the font.
 * - getFontList, rebuilt on each call (autoTable asks for every cell): fixed once the fonts are in.
 * - the active font, looked up by name (lower-cased each time) for every string measured: kept until the
 *   next setFont or restoreGraphicsState, the only calls that change it.
 * - getTextWidth, which autoTable calls for every word of every cell: kept per font, size and string. The
 *   width is computed as jsPDF does (the same unit width times the size over the scale factor), so it is the
 *   same number; a character spacing other than 0 goes through jsPDF.
 */
export function quickenDocument(doc: jsPDF) {
  const list = doc.getFontList();
  doc.getFontList = () => list;

  const internal = doc.internal as unknown as {
    getFont(...args: unknown[]): { metadata: object };
    getFontSize(): number;
    getCharSpace(): number;
    scaleFactor: number;
  };
  const lookUp = internal.getFont;
  let active: { metadata: object } | null = null;
  internal.getFont = function (...args: unknown[]) {
    if (args.every((arg) => arg === undefined)) return (active ??= lookUp.apply(this, args));
    return lookUp.apply(this, args);
  };
  const methods = doc as unknown as Record<'setFont' | 'restoreGraphicsState', (...args: unknown[]) => unknown>;
  for (const name of ['setFont', 'restoreGraphicsState'] as const) {
    const change = methods[name];
    methods[name] = function (this: unknown, ...args: unknown[]) {
      active = null;
      return change.apply(this, args);
    };
  }

  // splitTextToSize measures every word of every cell character by character: the same words recur, so their
  // lengths are kept per font, size and spacing (the lines come out as jsPDF's, see splitParagraph).
  const split = doc.splitTextToSize;
  const wordLengths = new WeakMap<object, Map<string, Map<string, number>>>();
  doc.splitTextToSize = function (this: jsPDF, text: string | string[], maxLength: number, options?: Record<string, unknown>) {
    const font = internal.getFont();
    if (!isTrueType(font) || (options && (options.textIndent || options.lineIndent || options.widths || options.kerning || options.fontName || options.fontStyle))) {
      return split.call(this, text as string, maxLength, options);
    }
    const fontSize = internal.getFontSize();
    const charSpace = internal.getCharSpace();
    let bySetting = wordLengths.get(font.metadata);
    if (!bySetting) wordLengths.set(font.metadata, (bySetting = new Map()));
    const setting = `${fontSize} ${charSpace}`;
    let lengths = bySetting.get(setting);
    if (!lengths) bySetting.set(setting, (lengths = new Map()));
    const lineLength = (1.0 * internal.scaleFactor * maxLength) / ((options?.fontSize as number | undefined) || fontSize);
    const lines: string[] = [];
    for (const paragraph of Array.isArray(text) ? text : String(text).split(/\r?\n/)) splitParagraph(paragraph, lineLength, font.metadata, fontSize, charSpace, lengths, lines);
    return lines;
  } as jsPDF['splitTextToSize'];

  const measure = doc.getTextWidth;
  const widths = new WeakMap<object, Map<number, Map<string, number>>>();
  doc.getTextWidth = function (this: jsPDF, text: string) {
    if (typeof text !== 'string' || internal.getCharSpace() !== 0) return measure.call(this, text);
    const font = internal.getFont();
    const size = internal.getFontSize();
    let bySize = widths.get(font);
    if (!bySize) widths.set(font, (bySize = new Map()));
    let byText = bySize.get(size);
    if (!byText) bySize.set(size, (byText = new Map()));
    let unit = byText.get(text);
    if (unit === undefined) byText.set(text, (unit = this.getStringUnitWidth(text)));
    return (unit * size) / internal.scaleFactor;
  };
}

/** Streams compressed ahead of output (pdf-deflate.ts): jsPDF's filter takes them while this document is output. */
export function useCompressed(doc: jsPDF, streams: Map<string, string>) {
  const output = doc.output;
  doc.output = function (this: jsPDF, ...args: Parameters<jsPDF['output']>) {
    prepared = streams;
    try {
      return output.apply(this, args);
    } finally {
      prepared = undefined;
    }
  } as jsPDF['output'];
}

interface TrueTypeFont {
  metadata: { widthOfString: unknown; widthOfGlyph(glyph: number): number; characterToGlyph(code: number): number; Unicode?: unknown };
}
function isTrueType(font: unknown): font is TrueTypeFont {
  const metadata = (font as { metadata?: Record<string, unknown> } | undefined)?.metadata;
  return !!metadata && typeof metadata.widthOfString === 'function' && Object.prototype.hasOwnProperty.call(metadata, 'Unicode');
}

/** jsPDF's width of each character of a word, in thousandths of the font size (getCharWidthsArray for a TrueType font). */
function charWidths(word: string, metadata: TrueTypeFont['metadata'], fontSize: number, charSpace: number): number[] {
  const widths: number[] = [];
  for (let i = 0; i < word.length; i++) widths.push((metadata.widthOfGlyph(metadata.characterToGlyph(word.charCodeAt(i))) + charSpace * (1000 / fontSize) || 0) / 1000);
  return widths;
}

/** The sum jsPDF makes of those widths (reduce from 0, left to right), kept per word. */
function wordLength(word: string, metadata: TrueTypeFont['metadata'], fontSize: number, charSpace: number, cache: Map<string, number>): number {
  let length = cache.get(word);
  if (length === undefined) {
    length = 0;
    for (const width of charWidths(word, metadata, fontSize, charSpace)) length += width;
    cache.set(word, length);
  }
  return length;
}

/**
 * jsPDF's splitParagraphIntoLines (split_text_to_size plugin), without indents, step for step so that the lines
 * are the same: words separated by single spaces, a word longer than a line cut where it overflows.
 */
function splitParagraph(text: string, maxLength: number, metadata: TrueTypeFont['metadata'], fontSize: number, charSpace: number, cache: Map<string, number>, output: string[]) {
  let line: (string | undefined)[] = [];
  const lines = [line];
  let lineLength = 0;
  let separatorLength = 0;
  const spaceWidth = charWidths(' ', metadata, fontSize, charSpace)[0]!;
  for (const word of text.split(' ')) {
    let wordWidth = wordLength(word, metadata, fontSize, charSpace, cache);
    if (lineLength + separatorLength + wordWidth > maxLength) {
      if (wordWidth > maxLength) {
        const widths = charWidths(word, metadata, fontSize, charSpace);
        const pieces = splitLongWord(word, widths, maxLength - (lineLength + separatorLength), maxLength);
        line.push(pieces.shift());
        line = [pieces.pop()];
        while (pieces.length) lines.push([pieces.shift()]);
        wordWidth = 0;
        for (const width of widths.slice(word.length - (line[0] ? line[0].length : 0))) wordWidth += width;
      } else {
        line = [word];
      }
      lines.push(line);
      lineLength = wordWidth;
      separatorLength = spaceWidth;
    } else {
      line.push(word);
      lineLength += separatorLength + wordWidth;
      separatorLength = spaceWidth;
    }
  }
  for (const words of lines) output.push(words.join(' '));
}

/** jsPDF's splitLongWord: the part that fits on the current line, then pieces of a full line each. */
function splitLongWord(word: string, widths: number[], firstLineMaxLength: number, maxLength: number): string[] {
  const answer: string[] = [];
  let i = 0;
  let workingLength = 0;
  while (i !== word.length && workingLength + widths[i]! < firstLineMaxLength) {
    workingLength += widths[i]!;
    i++;
  }
  answer.push(word.slice(0, i));
  let startOfLine = i;
  workingLength = 0;
  while (i !== word.length) {
    if (workingLength + widths[i]! > maxLength) {
      answer.push(word.slice(startOfLine, i));
      workingLength = 0;
      startOfLine = i;
    }
    workingLength += widths[i]!;
    i++;
  }
  if (startOfLine !== i) answer.push(word.slice(startOfLine, i));
  return answer;
}
