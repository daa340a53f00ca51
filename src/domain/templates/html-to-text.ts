/**
 * Plain-text form of a rendered reply, for `ticket.comment.appendText` and for comparing with the
 * manual's text: paragraphs separated by a blank line, list items on lines of their own with a
 * dash, a table's rows on lines of their own with their cells separated by `|`, tags removed and
 * entities decoded. A single pass, no regular-expression backtracking.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
  '#x27': "'",
  '#x3D': '=',
  '#x60': '`',
  '#x2F': '/',
};

function decode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (ch === '&') {
      const end = s.indexOf(';', i);
      if (end > i && end - i <= 8) {
        const name = s.slice(i + 1, end);
        const value = ENTITIES[name];
        if (value !== undefined) {
          out += value;
          i = end;
          continue;
        }
      }
    }
    out += ch;
  }
  return out;
}

export function htmlToText(html: string): string {
  const lines: string[] = [];
  let current = '';
  let depth = 0;
  const breakLine = (blank: boolean): void => {
    const trimmed = current.replace(/\s+/g, ' ').trim();
    if (trimmed.length > 0) lines.push(trimmed);
    current = '';
    if (blank && lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  };
  let i = 0;
  while (i < html.length) {
    const ch = html.charAt(i);
    if (ch !== '<') {
      current += ch;
      i++;
      continue;
    }
    const end = html.indexOf('>', i);
    if (end < 0) {
      current += html.slice(i);
      break;
    }
    const tag = html
      .slice(i + 1, end)
      .trim()
      .toLowerCase();
    const name = tag.replace(/^\//, '').split(/\s/)[0] ?? '';
    const closing = tag.startsWith('/');
    if (name === 'p') breakLine(true);
    else if (name === 'br') breakLine(false);
    else if (name === 'ul' || name === 'ol') {
      breakLine(false);
      depth += closing ? -1 : 1;
      if (closing && depth === 0) breakLine(true);
    } else if (name === 'table') breakLine(true);
    else if (name === 'tr') breakLine(false);
    else if ((name === 'td' || name === 'th') && !closing) {
      // Cells of a row on one line, separated as a plain-text table.
      if (current.trim().length > 0) current += ' | ';
    } else if (name === 'li') {
      breakLine(false);
      if (!closing) current = `${'  '.repeat(Math.max(0, depth - 1))}- `;
    }
    i = end + 1;
  }
  breakLine(false);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return decode(lines.join('\n'));
}
