/**
 * A PNG's size, read from its header alone: the 8-byte signature, then the IHDR chunk (length,
 * "IHDR", width and height as big-endian 32-bit integers) — the first 24 bytes of the file.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const PNG_HEADER_BYTES = 24;

export interface PngSize {
  width: number;
  height: number;
}

/** The width and height of a PNG, or undefined when `head` does not start like a PNG. */
export function pngSize(head: Uint8Array): PngSize | undefined {
  if (head.length < PNG_HEADER_BYTES) return undefined;
  if (!SIGNATURE.every((byte, i) => head[i] === byte)) return undefined;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const chunkType = String.fromCharCode(...head.subarray(12, 16));
  if (chunkType !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
