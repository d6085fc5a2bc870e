/**
 * DejaVu Sans for jsPDF, parsed once per page instead of once per document, and jsPDF's per-character font work
 * made cheap. jsPDF's own path reads a font from its virtual file system as a binary string, converts it back
 * to bytes and parses every table on each addFont; prints each character through a dictionary lookup and a
 * linear search of the widths; builds the embedded subset byte by byte in plain arrays and turns it into stream
 * data a character at a time. For the full report, fonts made about a fifth of the time. Here the parsed font
 * is shared, each document gets a thin copy holding what jsPDF writes per document (glyphs used, widths,
 * ToUnicode map), the text encoding and the font objects are jsPDF's rewritten over tables, and the subset is
 * assembled from the font's own tables. What is written is what jsPDF writes (checked on the report and on
 * random text against jsPDF alone; the subsets byte for byte against its encoder).
 */
import { jsPDF } from 'jspdf';
import { pause } from '../../lib/pause';

/** DejaVu Sans regular and bold: the TTF bytes, or binary strings (what Node's readFile(…, 'latin1') gives). */
export type FontFiles = [regular: string | Uint8Array, bold: string | Uint8Array];

/** The parts of jsPDF's TTFFont (jsPDF.API.TTFFont) read here. */
interface Table {
  exists: boolean;
  offset: number;
  length: number;
}
interface Glyph {
  compound: boolean;
  glyphIDs: number[];
  raw: { data: ArrayLike<number> };
}
interface TTFFont extends Record<PropertyKey, unknown> {
  directory: { scalarType: number };
  head: Table & { encode(indexToLocFormat: number): number[] };
  glyf: { glyphFor(id: number): Glyph | null };
  loca: { offsets: number[] };
  cmap: Table;
  hmtx: Table;
  hhea: Table;
  maxp: Table;
  post: Table;
  name: Table;
  os2: Table;
}
interface TTFFontClass {
  open(file: Uint8Array): TTFFont;
}
const api = () => jsPDF.API as unknown as { TTFFont: TTFFontClass };

const FONT_URLS = ['/fonts/DejaVuSans.ttf', '/fonts/DejaVuSans-Bold.ttf'] as const;

export interface ParsedFonts {
  regular: SharedFont;
  bold: SharedFont;
}

let siteFonts: Promise<ParsedFonts> | undefined;
/** The site's fonts, fetched and parsed once per page: the report screen starts this as it opens. */
export function loadSiteFonts(): Promise<ParsedFonts> {
  siteFonts ??= Promise.all(FONT_URLS.map(async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer()))).then(async ([regular, bold]) => {
    const fonts = { regular: new SharedFont(regular!) };
    // One font per task: parsing takes a while, and the page may be busy opening.
    await pause();
    return { ...fonts, bold: new SharedFont(bold!) };
  });
  // A failed fetch (offline before the fonts were cached) is tried again on the next PDF.
  siteFonts.catch(() => (siteFonts = undefined));
  return siteFonts;
}

const given = new WeakMap<FontFiles, ParsedFonts>();
/** Fonts handed in by the caller (a PDF built outside the browser), parsed once per tuple. */
export function parseFonts(files: FontFiles): ParsedFonts {
  let parsed = given.get(files);
  if (!parsed) {
    const bytes = (file: string | Uint8Array) => (typeof file === 'string' ? binaryToBytes(file) : file);
    parsed = { regular: new SharedFont(bytes(files[0])), bold: new SharedFont(bytes(files[1])) };
    given.set(files, parsed);
  }
  return parsed;
}

function binaryToBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Adds a parsed font to a document under (family, style), as doc.addFont would. jsPDF insists on reading a file
 * from its virtual file system and parsing it; for the time of this call its parser hands back the per-document
 * copy instead (synchronous, restored at once). The four bytes in the file system are the TrueType signature
 * jsPDF checks for.
 */
export function addParsedFont(doc: jsPDF, font: SharedFont, fileName: string, family: string, style: 'normal' | 'bold') {
  const ttf = api().TTFFont;
  const open = ttf.open;
  ttf.open = () => font.forDocument();
  try {
    doc.addFileToVFS(fileName, '\x00\x01\x00\x00');
    doc.addFont(fileName, family, style);
  } finally {
    ttf.open = open;
  }
  // jsPDF records each glyph once per character printed; the subset needs each glyph once.
  const metadata = (doc.internal as unknown as { getFont(family: string, style: string): { metadata: TTFFont } }).getFont(family, style).metadata;
  const glyphIds = new GlyphIds();
  glyphIds.push(0);
  metadata.glyIdsUsed = glyphIds;
  added.set(doc, [...(added.get(doc) ?? []), metadata]);
}

const added = new WeakMap<jsPDF, TTFFont[]>();
/** The font files the document will embed as it stands (jsPDF's Identity-H fonts take the long loca format). */
export function embeddedFontFiles(doc: jsPDF): Uint8Array[] {
  return (added.get(doc) ?? []).map((metadata) => (metadata.subset as { encode(ids: unknown, format: number): Uint8Array }).encode(metadata.glyIdsUsed, 1));
}

/** glyIdsUsed, pushed once per printed character by jsPDF: keeps each glyph once (the subset ignores order). */
class GlyphIds extends Array<number> {
  private readonly seen = new Set<number>();
  override push(...ids: number[]): number {
    for (const id of ids) {
      if (!this.seen.has(id)) {
        this.seen.add(id);
        super.push(id);
      }
    }
    return this.length;
  }
}

/**
 * The /W array jsPDF fills as it prints (glyph id, then [width]) and searches with indexOf for every character;
 * an index on the glyph ids answers that search at once.
 */
class GlyphWidths extends Array<number | number[]> {
  private readonly positions = new Map<number, number>();
  override push(...items: (number | number[])[]): number {
    for (const item of items) {
      if (typeof item === 'number' && !this.positions.has(item)) this.positions.set(item, this.length);
      super.push(item);
    }
    return this.length;
  }
  override indexOf(item: number | number[], fromIndex?: number): number {
    if (typeof item === 'number' && fromIndex === undefined) return this.positions.get(item) ?? -1;
    return super.indexOf(item, fromIndex);
  }
}

/** A font parsed once, with the tables its subsets copy unchanged (and their checksums) kept ready. */
export class SharedFont {
  readonly ttf: TTFFont;
  private fixedTables: Map<string, { bytes: Uint8Array; checksum: number }> | undefined;
  private readonly lastSubset = new WeakMap<object, { size: number; format: number; bytes: Uint8Array }>();
  /** Glyph id by UTF-16 code unit, filled as characters are met (-1: not looked up yet). */
  private readonly glyphs = new Int32Array(0x10000).fill(-1);

  private readonly widths: Float64Array;

  constructor(bytes: Uint8Array) {
    this.ttf = api().TTFFont.open(bytes);
    this.widths = new Float64Array(this.ttf.loca.offsets.length).fill(NaN);
  }

  /** TTFFont.characterToGlyph: the cmap's glyph for a UTF-16 code unit, or 0. */
  private readonly characterToGlyph = (character: number): number => {
    if (!(character >= 0 && character < 0x10000 && (character | 0) === character)) return (this.ttf.characterToGlyph as (c: number) => number).call(this.ttf, character);
    let glyph = this.glyphs[character]!;
    if (glyph < 0) glyph = this.glyphs[character] = (this.ttf.characterToGlyph as (c: number) => number).call(this.ttf, character);
    return glyph;
  };

  /** TTFFont.widthOfGlyph: the advance in thousandths of an em. */
  private readonly widthOfGlyph = (glyph: number): number => {
    if (!(glyph >= 0 && glyph < this.widths.length && (glyph | 0) === glyph)) return (this.ttf.widthOfGlyph as (g: number) => number).call(this.ttf, glyph);
    let width = this.widths[glyph]!;
    if (Number.isNaN(width)) width = this.widths[glyph] = (this.ttf.widthOfGlyph as (g: number) => number).call(this.ttf, glyph);
    return width;
  };

  /** What jsPDF writes into per document lives on the copy; the parsed tables are shared through the prototype. */
  forDocument(): TTFFont {
    const copy = Object.create(this.ttf) as TTFFont;
    copy[PRINTED] = { glyphs: this.glyphs, seen: new Uint8Array(0x10000), codes: new Uint16Array(0x10000) };
    // Text measurement asks for these once per character: answered from tables filled as characters are met.
    copy.characterToGlyph = this.characterToGlyph;
    copy.widthOfGlyph = this.widthOfGlyph;
    // jsPDF prints a character only if the font has its own cmap (hasOwnProperty), not an inherited one.
    copy.cmap = this.ttf.cmap;
    copy.toUnicode = {};
    copy.Unicode = { encoding: {}, kerning: {}, widths: new GlyphWidths() };
    copy.subset = { encode: (glyphIds: number[], indexToLocFormat: number) => this.subset(glyphIds, indexToLocFormat) };
    return copy;
  }

  /**
   * jsPDF's Subset.encode, byte for byte: the font's own cmap, hmtx, hhea, maxp, post, name and OS/2 tables,
   * glyf holding only the glyphs used (and the components of composite ones) at their original ids, a long
   * loca, head with the given loca format, then the directory and the whole-file checksum adjustment. The same
   * glyph list gives the same bytes, so the result is kept for the output that follows the stream compression.
   */
  subset(glyphIds: number[], indexToLocFormat: number): Uint8Array {
    const last = this.lastSubset.get(glyphIds);
    if (last && last.size === glyphIds.length && last.format === indexToLocFormat) return last.bytes;
    const bytes = this.encodeSubset(glyphIds, indexToLocFormat);
    this.lastSubset.set(glyphIds, { size: glyphIds.length, format: indexToLocFormat, bytes });
    return bytes;
  }

  private encodeSubset(glyphIds: number[], indexToLocFormat: number): Uint8Array {
    const { glyf, loca } = this.ttf;
    // The glyphs used and, transitively, the components of composite glyphs.
    const used = new Map<number, Glyph | null>();
    let pending = [...glyphIds];
    while (pending.length > 0) {
      const next: number[] = [];
      for (const id of pending) {
        if (used.has(id)) continue;
        const glyph = glyf.glyphFor(id);
        used.set(id, glyph);
        if (glyph?.compound) next.push(...glyph.glyphIDs);
      }
      pending = next;
    }
    const ids = [...used.keys()].sort((a, b) => a - b);

    let glyfLength = 0;
    for (const id of ids) glyfLength += used.get(id)?.raw.data.length ?? 0;
    const glyfBytes = new Uint8Array(glyfLength);
    let at = 0;
    for (const id of ids) {
      const data = used.get(id)?.raw.data;
      if (data) {
        glyfBytes.set(data, at);
        at += data.length;
      }
    }

    // loca: every glyph keeps its id; the unused ones are empty.
    const offsets = loca.offsets;
    const locaBytes = new Uint8Array(offsets.length * 4);
    const locaView = new DataView(locaBytes.buffer);
    let pointer = 0;
    let next = 0;
    for (let k = 0; k < offsets.length; k++) {
      locaView.setUint32(4 * k, pointer);
      if (next < ids.length && ids[next] === k) {
        next++;
        const length = offsets[k + 1]! - offsets[k]!;
        if (length > 0) pointer += length;
      }
    }

    const fixed = this.tables();
    const head = Uint8Array.from(this.ttf.head.encode(indexToLocFormat));
    const tables: [string, Uint8Array, number][] = [];
    for (const tag of ['cmap', 'glyf', 'loca', 'hmtx', 'hhea', 'maxp', 'post', 'name', 'head', 'OS/2']) {
      if (tag === 'glyf') tables.push([tag, glyfBytes, checksum(glyfBytes)]);
      else if (tag === 'loca') tables.push([tag, locaBytes, checksum(locaBytes)]);
      else if (tag === 'head') tables.push([tag, head, checksum(head)]);
      else {
        const table = fixed.get(tag);
        if (table) tables.push([tag, table.bytes, table.checksum]);
      }
    }

    const count = tables.length;
    const searchRange = Math.floor(Math.log(count) / Math.LN2) * 16;
    // jsPDF divides by ln 2 again here; kept so the bytes match.
    const entrySelector = Math.floor(searchRange / Math.LN2);
    const rangeShift = count * 16 - searchRange;
    let size = 12 + 16 * count;
    for (const [, bytes] of tables) size += bytes.length + ((4 - (bytes.length % 4)) % 4);
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    view.setUint32(0, this.ttf.directory.scalarType >>> 0);
    view.setUint16(4, count & 0xffff);
    view.setUint16(6, searchRange & 0xffff);
    view.setUint16(8, entrySelector & 0xffff);
    view.setUint16(10, rangeShift & 0xffff);
    let offset = 12 + 16 * count;
    let headOffset = 0;
    tables.forEach(([tag, bytes, sum], i) => {
      const entry = 12 + 16 * i;
      for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c) & 0xff;
      view.setUint32(entry + 4, sum);
      view.setUint32(entry + 8, offset);
      view.setUint32(entry + 12, bytes.length);
      out.set(bytes, offset);
      if (tag === 'head') headOffset = offset;
      offset += bytes.length + ((4 - (bytes.length % 4)) % 4);
    });
    view.setUint32(headOffset + 8, (2981146554 - checksum(out)) >>> 0);
    return out;
  }

  /** The tables a subset copies unchanged, straight from the font file, with their checksums. */
  private tables() {
    if (!this.fixedTables) {
      const ttf = this.ttf;
      const file = ttf.rawData as Uint8Array;
      const sources: [string, Table][] = [['cmap', ttf.cmap], ['hmtx', ttf.hmtx], ['hhea', ttf.hhea], ['maxp', ttf.maxp], ['post', ttf.post], ['name', ttf.name]];
      if (ttf.os2.exists) sources.push(['OS/2', ttf.os2]);
      const tables = new Map<string, { bytes: Uint8Array; checksum: number }>();
      for (const [tag, table] of sources) {
        // jsPDF would fail on a missing table; this font has them all.
        if (!table.exists) throw new Error(`Table ${tag} absente de la police.`);
        const bytes = file.subarray(table.offset, table.offset + table.length);
        tables.set(tag, { bytes, checksum: checksum(bytes) });
      }
      this.fixedTables = tables;
    }
    return this.fixedTables;
  }
}

/** The TrueType table checksum: the sum of big-endian 32-bit words, zero-padded, modulo 2^32. */
function checksum(bytes: Uint8Array): number {
  let sum = 0;
  const whole = bytes.length - (bytes.length % 4);
  for (let i = 0; i < whole; i += 4) sum = (sum + ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!)) >>> 0;
  if (whole < bytes.length) {
    let word = 0;
    for (let i = 0; i < 4; i++) word = (word << 8) | (bytes[whole + i] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

/** On a document's copy of a font: the shared glyph lookup and the glyphs this document has printed so far. */
const PRINTED = Symbol('printed');
interface Printed {
  glyphs: Int32Array;
  seen: Uint8Array;
  /** The code last written to toUnicode for each glyph (jsPDF's object is slow to write to). */
  codes: Uint16Array;
}
interface PrintedFont {
  encoding: string;
  metadata: TTFFont & {
    [PRINTED]?: Printed;
    cmap: { unicode: { codeMap: Record<number, number | undefined> } };
    Unicode: { widths: (number | number[])[] };
    glyIdsUsed: number[];
    toUnicode: Record<number, number>;
    widthOfGlyph(glyph: number): number;
  };
}
interface TextPayload {
  text: unknown;
  mutex: { activeFontKey: string; fonts: Record<string, PrintedFont>; isHex?: boolean };
}
type Handler = (this: unknown, payload: TextPayload) => void;

// Dense from the start, so that filling it out of order keeps fast element access.
const HEX: string[] = new Array<string>(0x10000).fill('');
const hex4 = (glyph: number) => HEX[glyph] || (HEX[glyph] = glyph.toString(16).padStart(4, '0'));

/**
 * jsPDF's text encoding for Unicode fonts (its utf8 plugin: utf8TextFunction and pdfEscape16), rewritten for
 * speed with the same result and the same side effects: characters the font lacks are dropped (or, below
 * U+0100, end the string, as jsPDF's glyph 0 does), every character records its glyph for the subset, its
 * width for /W and its code for /ToUnicode (the last code printed with a glyph wins, as in jsPDF). What jsPDF
 * does per character (a dictionary lookup in the cmap, a linear search of the /W array, string building) is
 * here a table read, a flag, and one cached hex string per glyph.
 */
function escape(text: string, metadata: PrintedFont['metadata'], printed: Printed): string {
  const codeMap = metadata.cmap.unicode.codeMap;
  const { glyphs, seen, codes } = printed;
  const toUnicode = metadata.toUnicode;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let glyph = glyphs[code]!;
    if (glyph < 0) glyph = glyphs[code] = codeMap[code] || 0;
    if (glyph === 0 && code >= 256) continue;
    if (seen[glyph] === 0) {
      seen[glyph] = 1;
      codes[glyph] = code;
      toUnicode[glyph] = code;
      metadata.glyIdsUsed.push(glyph);
      const widths = metadata.Unicode.widths;
      if (widths.indexOf(glyph) === -1) widths.push(glyph, [parseInt(String(metadata.widthOfGlyph(glyph)), 10)]);
    } else if (codes[glyph] !== code) {
      codes[glyph] = code;
      toUnicode[glyph] = code;
    }
    if (glyph === 0) return out;
    out += hex4(glyph);
  }
  return out;
}

/**
 * Puts the fast encoding in place of jsPDF's, for the fonts added here (others keep jsPDF's). jsPDF does not
 * expose its handler: it is the postProcessText handler that turns a probe string into hex.
 */
export function installGlyphEscape(events: [string, unknown][]) {
  for (const event of events) {
    if (event[0] !== 'postProcessText' || typeof event[1] !== 'function') continue;
    const original = event[1] as Handler;
    if (!isUtf8Handler(original)) continue;
    event[1] = function (this: unknown, payload: TextPayload) {
      const { mutex } = payload;
      const font = mutex.fonts[mutex.activeFontKey];
      const printed = font?.metadata[PRINTED];
      // jsPDF takes keys below F14 (its standard fonts) through another path.
      if (!font || !printed || font.encoding !== 'Identity-H' || parseInt(mutex.activeFontKey.slice(1), 10) < 14) {
        original.call(this, payload);
        return;
      }
      const one = (item: unknown): string => {
        mutex.isHex = true;
        const text = Array.isArray(item) ? item[0] : item;
        return escape(typeof text === 'string' ? text : String(text ?? ''), font.metadata, printed);
      };
      const { text } = payload;
      payload.text = Array.isArray(text) ? text.map((item) => (Array.isArray(item) && item.length === 3 ? [one(item[0]), item[1], item[2]] : one(item))) : one(text);
    };
    return true;
  }
  return false;
}

function isUtf8Handler(handler: Handler): boolean {
  const metadata = { cmap: { unicode: { codeMap: { 65: 36 } } }, Unicode: { widths: [], encoding: {}, kerning: {} }, glyIdsUsed: [], toUnicode: {}, characterToGlyph: (c: number) => (c === 65 ? 36 : 0), widthOfGlyph: () => 500 };
  const payload = { text: 'A', x: 0, y: 0, options: {}, mutex: { activeFontKey: 'F99', fonts: { F99: { encoding: 'Identity-H', metadata } }, pdfEscape: (s: string) => s, activeFontSize: 10, isHex: false } };
  try {
    handler.call(undefined, payload as unknown as TextPayload);
  } catch {
    return false;
  }
  return payload.mutex.isHex && payload.text === '0024';
}

const binaries = new WeakMap<Uint8Array, string>();
/** The bytes as a binary string (one character per byte), as jsPDF writes stream data; kept per array. */
export function binaryOf(bytes: Uint8Array): string {
  let binary = binaries.get(bytes);
  if (binary === undefined) {
    binary = '';
    for (let i = 0; i < bytes.length; i += 0x2000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]);
    binaries.set(bytes, binary);
  }
  return binary;
}

interface PutFont {
  font: PrintedFont & { fontName: string; objectNumber?: number; isAlreadyPutted?: boolean };
  out(line: string): void;
  newObject(): number;
  putStream(options: { data: string; addLength1?: boolean; objectId: number }): void;
}
type PutFontHandler = (this: unknown, options: PutFont) => void;

/**
 * jsPDF's writer of Unicode (Identity-H) fonts (utf8 plugin, identityHFunction), for the fonts added here: the
 * same objects, line for line, but the font file turned into stream data at once rather than a character at a
 * time (a third of the output time for two fonts of 145 kB). jsPDF does not expose its handler: it is the
 * putFont handler that writes a stream for a probe Identity-H font.
 */
export function installFontWriter(events: [string, unknown][]) {
  for (const event of events) {
    if (event[0] !== 'putFont' || typeof event[1] !== 'function') continue;
    const original = event[1] as PutFontHandler;
    if (!isIdentityHWriter(original)) continue;
    event[1] = function (this: unknown, options: PutFont) {
      if (!options.font.metadata[PRINTED] || options.font.encoding !== 'Identity-H') original.call(this, options);
      else writeFont(options);
    };
    return true;
  }
  return false;
}

function writeFont({ font, out, newObject, putStream }: PutFont) {
  const metadata = font.metadata as PrintedFont['metadata'] & Record<string, unknown> & { subset: { encode(ids: number[], format: number): Uint8Array } };
  const convert = (jsPDF.API as unknown as { PDFObject: { convert(value: unknown): string } }).PDFObject.convert;
  const name = toPDFName(font.fontName);
  const fontTable = newObject();
  putStream({ data: binaryOf(metadata.subset.encode(metadata.glyIdsUsed, 1)), addLength1: true, objectId: fontTable });
  out('endobj');
  const cmap = newObject();
  putStream({ data: toUnicodeCmap(metadata.toUnicode), addLength1: true, objectId: cmap });
  out('endobj');
  const fontDescriptor = newObject();
  out('<<');
  out('/Type /FontDescriptor');
  out('/FontName /' + name);
  out('/FontFile2 ' + fontTable + ' 0 R');
  out('/FontBBox ' + convert(metadata.bbox));
  out('/Flags ' + String(metadata.flags));
  out('/StemV ' + String(metadata.stemV));
  out('/ItalicAngle ' + String(metadata.italicAngle));
  out('/Ascent ' + String(metadata.ascender));
  out('/Descent ' + String(metadata.decender));
  out('/CapHeight ' + String(metadata.capHeight));
  out('>>');
  out('endobj');
  const descendantFont = newObject();
  out('<<');
  out('/Type /Font');
  out('/BaseFont /' + name);
  out('/FontDescriptor ' + fontDescriptor + ' 0 R');
  out('/W ' + convert(metadata.Unicode.widths));
  out('/CIDToGIDMap /Identity');
  out('/DW 1000');
  out('/Subtype /CIDFontType2');
  out('/CIDSystemInfo');
  out('<<');
  out('/Supplement 0');
  out('/Registry (Adobe)');
  out('/Ordering (' + font.encoding + ')');
  out('>>');
  out('>>');
  out('endobj');
  font.objectNumber = newObject();
  out('<<');
  out('/Type /Font');
  out('/Subtype /Type0');
  out('/ToUnicode ' + cmap + ' 0 R');
  out('/BaseFont /' + name);
  out('/Encoding /' + font.encoding);
  out('/DescendantFonts [' + descendantFont + ' 0 R]');
  out('>>');
  out('endobj');
  font.isAlreadyPutted = true;
}

/** jsPDF's toUnicodeCmap: the glyph → Unicode map, 100 entries per bfchar block. */
function toUnicodeCmap(map: Record<number, number>): string {
  let unicodeMap =
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <<\n  /Registry (Adobe)\n  /Ordering (UCS)\n  /Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000><ffff>\nendcodespacerange';
  const codes = Object.keys(map).sort((a, b) => Number(a) - Number(b));
  let range: string[] = [];
  for (const code of codes) {
    if (range.length >= 100) {
      unicodeMap += '\n' + range.length + ' beginbfchar\n' + range.join('\n') + '\nendbfchar';
      range = [];
    }
    const value = map[code as unknown as number];
    if (value !== undefined && value !== null && typeof value.toString === 'function') {
      range.push('<' + ('0000' + (+code).toString(16)).slice(-4) + '><' + ('0000' + value.toString(16)).slice(-4) + '>');
    }
  }
  if (range.length) unicodeMap += '\n' + range.length + ' beginbfchar\n' + range.join('\n') + '\nendbfchar\n';
  return unicodeMap + 'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend';
}

/** jsPDF's toPDFName: a PDF name, with the delimiters and characters outside ! to ~ as #xx. */
function toPDFName(text: string): string {
  if (/[^\u0000-\u00ff]/.test(text)) throw new Error('Invalid PDF Name Object: ' + text + ', Only accept ASCII characters.');
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 33 || code === 35 || code === 37 || code === 40 || code === 41 || code === 47 || code === 60 || code === 62 || code === 91 || code === 93 || code === 123 || code === 125 || code > 126) {
      result += '#' + ('0' + code.toString(16)).slice(-2);
    } else result += text[i];
  }
  return result;
}

function isIdentityHWriter(handler: PutFontHandler): boolean {
  const ttf = api().TTFFont as unknown as { prototype: object };
  const metadata = Object.assign(Object.create(ttf.prototype) as object, {
    Unicode: { widths: [] },
    subset: { encode: () => [1, 2, 3] },
    glyIdsUsed: [0],
    toUnicode: {},
    bbox: [0, 0, 0, 0],
  });
  let streams = 0;
  try {
    handler.call(undefined, {
      font: { metadata, encoding: 'Identity-H', fontName: 'Probe' } as unknown as PutFont['font'],
      out: () => undefined,
      newObject: () => 1,
      putStream: () => void streams++,
    });
  } catch {
    return false;
  }
  return streams === 2;
}
