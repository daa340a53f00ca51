/** Compares texts as a reader would: quotes, apostrophes and spacing unified, list dashes dropped. */
export function flat(s: string): string {
  return s
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/^\s*- /gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}
