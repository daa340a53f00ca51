import { FormReadError } from './failure';
import { inflateBounded } from './inflate';
import { MAX_INFLATED_BYTES, MAX_OBJECT_STREAMS_BYTES } from './limits';

/**
 * pdf-lib inflates the PDF's object streams (`/Type /ObjStm`) and cross-reference streams
 * (`/Type /XRef`) while it parses, with no bound of its own. Before it does, this looks at each
 * of them in the raw file and inflates it here, bounded: one stream may inflate to at most
 * `MAX_INFLATED_BYTES`, all of them together to `MAX_OBJECT_STREAMS_BYTES`. Other streams (page
 * contents, fonts, images) are inflated by nobody: the reader only reads the XFA packet.
 *
 * This is a look-out, not a parser: a stream it cannot make out is left to pdf-lib, which meets
 * the same bytes; names are compared after their `#xx` escapes are decoded, as pdf-lib decodes
 * them, so `/Obj#53tm` is an object stream here too.
 */
const DICT_WINDOW = 64 * 1024;
// "stream" followed by its end of line, and not the tail of "endstream".
const STREAM_KEYWORD = /(?<![A-Za-z])stream(?:\r\n|\n)/g;

export function checkObjectStreams(
  bytes: Uint8Array,
  limits: { readonly perStream?: number; readonly total?: number } = {},
): void {
  const perStream = limits.perStream ?? MAX_INFLATED_BYTES;
  const total = limits.total ?? MAX_OBJECT_STREAMS_BYTES;
  // latin1 keeps one character per byte, so offsets in the text are offsets in the file.
  const text = new TextDecoder('latin1').decode(bytes);
  let inflated = 0;
  for (const match of text.matchAll(STREAM_KEYWORD)) {
    const at = match.index;
    const window = text.slice(Math.max(0, at - DICT_WINDOW), at);
    const dict = unescapeNames(window.slice(Math.max(0, window.lastIndexOf('obj'))));
    if (!/\/Type\s*\/(?:ObjStm|XRef)(?![A-Za-z0-9])/.test(dict)) continue;
    const filters = filtersOf(dict);
    if (filters.length === 0) continue;
    if (filters.some((f) => f !== 'FlateDecode' && f !== 'Fl')) {
      throw new FormReadError(
        'unreadable',
        'DAMAGED',
        `An object stream of the PDF uses the ${filters.join(', ')} filter; the reader opens Flate object streams only.`,
      );
    }
    const start = at + match[0].length;
    const length = /\/Length\s+(\d{1,10})(?!\s+\d+\s+R)/.exec(dict)?.[1];
    const endByLength = length === undefined ? -1 : start + Number(length);
    const end = endByLength > start && endByLength <= bytes.length ? endByLength : text.indexOf('endstream', start);
    let data = bytes.subarray(start, end < 0 ? bytes.length : end);
    for (let i = 0; i < filters.length; i++) {
      const budget = Math.min(perStream, total - inflated);
      try {
        data = inflateBounded(data, budget);
      } catch (error) {
        if (error instanceof FormReadError && error.code === 'INFLATE_LIMIT') {
          throw new FormReadError(
            'unreadable',
            'INFLATE_LIMIT',
            budget < perStream
              ? `The PDF's object streams inflate past ${String(total)} bytes together; the file is refused.`
              : `An object stream of the PDF inflates past ${String(perStream)} bytes; the file is refused.`,
          );
        }
        // A stream this look-out cannot make out is pdf-lib's to judge.
        break;
      }
    }
    inflated += data.length;
  }
}

function unescapeNames(dict: string): string {
  return dict.replace(/#([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The stream's filter names: `/Filter /FlateDecode` or `/Filter [/FlateDecode ...]`. */
function filtersOf(dict: string): string[] {
  const single = /\/Filter\s*\/([A-Za-z0-9]+)/.exec(dict);
  if (single !== null) return [single[1] ?? ''];
  const list = /\/Filter\s*\[([^\]]*)\]/.exec(dict);
  if (list === null) return [];
  return [...(list[1] ?? '').matchAll(/\/([A-Za-z0-9]+)/g)].map((m) => m[1] ?? '');
}
