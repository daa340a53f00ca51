import { Unzlib, Inflate } from 'fflate';
import { FormReadError } from './failure';

/**
 * Inflates a Flate (zlib) stream, refusing it as soon as its output passes `limit` bytes. Input
 * goes in small slices: one slice can inflate to at most about a thousand times its size, so
 * memory stays near the limit even for a stream built to inflate to gigabytes.
 */
const SLICE = 1024;

export function inflateBounded(input: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  // An object, not two lets: the callback below changes it while push() runs.
  const state = { total: 0, over: false };
  const onData = (chunk: Uint8Array): void => {
    state.total += chunk.length;
    if (state.total > limit) {
      state.over = true;
      return;
    }
    chunks.push(chunk);
  };
  // Some writers omit the zlib header; a raw deflate stream starts with no 0x78 byte.
  const zlibWrapped =
    input.length >= 2 && (input[0] ?? 0) % 16 === 8 && ((input[0] ?? 0) * 256 + (input[1] ?? 0)) % 31 === 0;
  const inflater = zlibWrapped ? new Unzlib(onData) : new Inflate(onData);
  try {
    for (let at = 0; at < input.length && !state.over; at += SLICE) {
      const end = Math.min(at + SLICE, input.length);
      inflater.push(input.subarray(at, end), end === input.length);
    }
  } catch (error) {
    if (state.total > 0 && !state.over) {
      // A truncated or corrupt tail after real data: keep what inflated (PDF readers do the same).
      return joinChunks(chunks, state.total);
    }
    throw new FormReadError('unreadable', 'DAMAGED', `A compressed stream of the PDF is damaged (${describe(error)}).`);
  }
  if (state.over) {
    throw new FormReadError(
      'unreadable',
      'INFLATE_LIMIT',
      `A compressed stream of the PDF inflates past ${String(limit)} bytes; it is refused.`,
    );
  }
  return joinChunks(chunks, state.total);
}

/** The chunks of a bounded read, in order, as one array of `total` bytes. */
export function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}
