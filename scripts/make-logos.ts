/**
 * Draws the app's logos (assets/logo.png 320×320, assets/logo-small.png 128×128) as PNG files,
 * with no image library: a rounded blue square with a white check mark inside a ring, the
 * assistant's "procedure checked" sign. Run `npx tsx scripts/make-logos.ts` after changing it.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Distance from point p to segment ab. */
function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function draw(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const s = size / 320;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / s;
      const v = (y + 0.5) / s;
      // Rounded square, radius 56, with a 1-pixel soft edge.
      const r = 56;
      const qx = Math.max(Math.abs(u - 160) - (160 - r), 0);
      const qy = Math.max(Math.abs(v - 160) - (160 - r), 0);
      const squareEdge = Math.hypot(qx, qy) - r;
      const inSquare = Math.max(0, Math.min(1, 0.5 - squareEdge * s));
      const ring = Math.abs(Math.hypot(u - 160, v - 160) - 100) - 12;
      const check = Math.min(segDist(u, v, 112, 164, 146, 198), segDist(u, v, 146, 198, 212, 128)) - 16;
      const white = Math.max(0, Math.min(1, 0.5 - Math.min(ring, check) * s));
      const base = [0x1f, 0x5f, 0xa8];
      const i = y * (size * 4 + 1) + 1 + x * 4;
      for (let c = 0; c < 3; c++) raw[i + c] = Math.round((base[c] ?? 0) * (1 - white) + 255 * white);
      raw[i + 3] = Math.round(255 * inSquare);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync('assets/logo.png', draw(320));
writeFileSync('assets/logo-small.png', draw(128));
console.log('wrote assets/logo.png (320×320) and assets/logo-small.png (128×128)');
