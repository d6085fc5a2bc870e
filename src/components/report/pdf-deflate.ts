/**
 * A document's streams compressed before doc.output() asks for them, with the browser's zlib
 * (CompressionStream): the page contents in a worker, on the other core, page by page as the document moves on
 * to the next page (the footers and the contents page, written last, follow at the end), the embedded fonts on
 * the main thread once the glyphs are known. Without a worker everything is compressed here at the end; without
 * CompressionStream, nothing, and jsPDF deflates as it writes.
 */
import type { jsPDF } from 'jspdf';
import { binaryOf } from './pdf-fonts';

interface Reply {
  id: number;
  buffer?: ArrayBuffer;
}
interface Internal {
  pages: (string[] | undefined)[];
  events: { subscribe(topic: string, handler: (data: { pageNumber: number }) => void): unknown };
}

/** A worker silent for this long (one that failed to start, a stalled one) is not waited for. */
const WORKER_PATIENCE_MS = 3000;

let worker: Worker | null | undefined;
const waiting = new Map<number, (bytes: Uint8Array | null) => void>();
let nextId = 1;
let lastHeard = 0;

function deflateWorker(): Worker | null {
  if (worker === undefined) {
    worker = null;
    if (typeof Worker === 'function' && typeof CompressionStream === 'function') {
      try {
        const started = new Worker(new URL('./pdf-deflate.worker.ts', import.meta.url), { type: 'module' });
        started.addEventListener('message', ({ data }: MessageEvent<Reply>) => {
          lastHeard = performance.now();
          waiting.get(data.id)?.(data.buffer ? new Uint8Array(data.buffer) : null);
          waiting.delete(data.id);
        });
        started.addEventListener('error', () => {
          worker = null;
          for (const resolve of waiting.values()) resolve(null);
          waiting.clear();
        });
        worker = started;
      } catch {
        worker = null;
      }
    }
  }
  return worker;
}

/** The worker's answer for a stream, or null (then the caller compresses it itself). */
function reply(id: number): Promise<Uint8Array | null> {
  const asked = performance.now();
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout>;
    const wait = () => {
      timer = setTimeout(() => {
        // Still answering other streams: a long document, not a dead worker.
        if (performance.now() - Math.max(lastHeard, asked) < WORKER_PATIENCE_MS) wait();
        else {
          waiting.delete(id);
          resolve(null);
        }
      }, WORKER_PATIENCE_MS);
    };
    wait();
    waiting.set(id, (bytes) => {
      clearTimeout(timer);
      resolve(bytes);
    });
  });
}

/** Page contents are sent once at least this much has gathered, in one message (each has a cost). */
const BATCH_BYTES = 48 * 1024;

interface Part {
  id: number;
  bytes?: Uint8Array<ArrayBuffer>;
  last?: boolean;
  drop?: boolean;
}

/** Follows a document from its creation, sending the pages' contents to the worker as the document moves on. */
export class StreamCompressor {
  private readonly internal: Internal;
  /** Per page: the worker's stream, how many of the page's operators it has, and the text they make. */
  private readonly sent = new Map<number, { id: number; count: number; parts: string[] }>();
  private pending: Part[] = [];
  private pendingBytes = 0;

  constructor(private readonly doc: jsPDF) {
    this.internal = doc.internal as unknown as Internal;
    if (deflateWorker()) this.internal.events.subscribe('addPage', ({ pageNumber }) => this.gather(pageNumber));
  }

  /** What the other pages have gained since last time (the page being started is empty). */
  private gather(current: number) {
    const { pages } = this.internal;
    for (let n = 1; n < pages.length; n++) {
      const operators = pages[n];
      const sent = this.sent.get(n);
      const from = sent?.count ?? 0;
      if (n === current || !operators || operators.length <= from) continue;
      // The page's content is its operators joined by line breaks (jsPDF's putPage).
      const text = (from > 0 ? '\n' : '') + operators.slice(from).join('\n');
      const stream = sent ?? { id: nextId++, count: 0, parts: [] };
      stream.count = operators.length;
      stream.parts.push(text);
      this.sent.set(n, stream);
      this.queue({ id: stream.id, bytes: binaryToBytes(text) });
    }
    if (this.pendingBytes >= BATCH_BYTES) this.send();
  }

  private queue(part: Part) {
    this.pending.push(part);
    this.pendingBytes += part.bytes?.length ?? 0;
  }

  private send() {
    const parts = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    if (parts.length > 0) worker?.postMessage(parts, parts.flatMap((part) => (part.bytes ? [part.bytes.buffer] : [])));
  }

  /** The compressed data of every page content and of the given font files, by their uncompressed data. */
  async compress(fontFiles: Uint8Array[]): Promise<Map<string, string>> {
    const done = new Map<string, string>();
    if (typeof CompressionStream !== 'function') return done;
    const jobs: Promise<unknown>[] = [];
    const target = worker;
    for (let n = 1; n <= this.doc.getNumberOfPages(); n++) {
      const content = this.internal.pages[n]?.join('\n');
      if (!content) continue;
      const here = () => deflate(binaryToBytes(content));
      if (!target) {
        jobs.push(here().then((bytes) => done.set(content, bytesToBinary(bytes))));
        continue;
      }
      const sent = this.sent.get(n);
      let id = sent?.id ?? nextId++;
      let rest = content;
      if (sent) {
        const prefix = sent.parts.join('');
        if (content.startsWith(prefix)) rest = content.slice(prefix.length);
        else {
          // Written over rather than added to (not something the kit does): start again from the final content.
          this.queue({ id, drop: true });
          id = nextId++;
        }
      }
      jobs.push(reply(id).then(async (bytes) => done.set(content, bytesToBinary(bytes ?? (await here())))));
      this.queue({ id, bytes: binaryToBytes(rest), last: true });
    }
    this.send();
    for (const file of fontFiles) jobs.push(deflate(file).then((bytes) => done.set(binaryOf(file), bytesToBinary(bytes))));
    await Promise.all(jobs);
    return done;
  }
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  // 'deflate' is the zlib format, what PDF's FlateDecode reads. Written straight in (a Blob's stream is slower).
  const compression = new CompressionStream('deflate');
  const writer = compression.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>);
  void writer.close();
  return new Uint8Array(await new Response(compression.readable).arrayBuffer());
}

const ascii = new TextEncoder();
/** As jsPDF's FlateEncode reads a stream: one byte per character, its low eight bits. */
function binaryToBytes(binary: string): Uint8Array<ArrayBuffer> {
  // Page contents are ASCII (text goes in hex), which the native encoder turns into the same bytes.
  if (!/[^\x00-\x7f]/.test(binary)) return ascii.encode(binary);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesToBinary(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x2000) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]);
  return out;
}
