/**
 * Deflates PDF streams off the main thread, piece by piece as the pages are written (see pdf-deflate.ts): each
 * stream receives its bytes in one or more parts and, with the last, its zlib bytes go back.
 */
interface Part {
  id: number;
  /** The next bytes of the stream's data. */
  bytes?: Uint8Array<ArrayBuffer>;
  last?: boolean;
  /** The stream's data changed under its written parts: forget it (the page is sent again in full). */
  drop?: boolean;
}
interface Scope {
  onmessage: ((event: MessageEvent<Part[]>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}
const scope = self as unknown as Scope;

const streams = new Map<number, { writer: WritableStreamDefaultWriter<BufferSource>; result: Promise<ArrayBuffer> }>();

function receive(part: Part) {
  let stream = streams.get(part.id);
  if (part.drop) {
    void stream?.writer.abort().catch(() => undefined);
    streams.delete(part.id);
    return;
  }
  if (!stream) {
    // 'deflate' is the zlib format, what PDF's FlateDecode reads.
    const compression = new CompressionStream('deflate');
    stream = { writer: compression.writable.getWriter(), result: new Response(compression.readable).arrayBuffer() };
    streams.set(part.id, stream);
  }
  if (part.bytes) void stream.writer.write(part.bytes);
  if (part.last) {
    streams.delete(part.id);
    void stream.writer.close();
    stream.result.then(
      (buffer) => scope.postMessage({ id: part.id, buffer }, [buffer]),
      () => scope.postMessage({ id: part.id }, []),
    );
  }
}

scope.onmessage = ({ data }) => data.forEach(receive);

export {};
