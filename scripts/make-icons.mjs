// Draws the app's icons (public/icons/), an open ring and a rising check in white on the accent colour: run once, kept in git.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
function png(size, path) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const accent = [0x1b, 0x4f, 0x72];
  const distSeg = (px, py, ax, ay, bx, by) => { const dx = bx - ax, dy = by - ay; const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy))); return Math.hypot(px - ax - t * dx, py - ay - t * dy); };
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size, v = (y + 0.5) / size;
      const r = Math.hypot(u - 0.5, v - 0.5);
      const angle = Math.atan2(v - 0.5, u - 0.5);
      // An open ring (the « C » of CAP) and a rising check mark (progress), white on the accent colour.
      const ring = r > 0.25 && r < 0.33 && Math.abs(angle) > 0.75;
      const check = Math.min(distSeg(u, v, 0.36, 0.52, 0.47, 0.63), distSeg(u, v, 0.47, 0.63, 0.78, 0.3)) < 0.045;
      const white = ring || check;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const [R, G, B] = white ? [255, 255, 255] : accent;
      raw[o] = R; raw[o + 1] = G; raw[o + 2] = B; raw[o + 3] = 255;
    }
  }
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  writeFileSync(path, Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]));
}
png(192, 'public/icons/cap-progres-192.png');
png(512, 'public/icons/cap-progres-512.png');
