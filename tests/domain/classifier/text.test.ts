import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinOneEdit } from '../../../src/domain/classifier/matcher';
import { readFileSync } from 'node:fs';
import { normalisedLine, normaliseWords, tokenize } from '../../../src/domain/classifier/normalize';
import { segmentDescription } from '../../../src/domain/classifier/segment';

describe('normalisedLine', () => {
  it('gives the same words as the tokenizer, on every line of the labelled tickets', () => {
    const file = new URL('../../fixtures/tickets.json', import.meta.url);
    const tickets = JSON.parse(readFileSync(file, 'utf8')) as { ticket: { subject: string; description: string } }[];
    const lines = tickets.flatMap((t) => [t.ticket.subject, ...t.ticket.description.split('\n')]);
    lines.push("Col·legi col.legi e-NOTUM Vila-seca - ÀREA d'Ús · l·", '-guió final- i l.');
    for (const line of lines) expect(normalisedLine(line)).toBe(normaliseWords(line).join(' '));
  });
});

describe('tokenize', () => {
  it('folds case and accents and keeps offsets into the source', () => {
    const text = "L'Agència de Col·laboració, e-NOTUM!";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(['l', 'agencia', 'de', 'collaboracio', 'enotum']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['L', 'Agència', 'de', 'Col·laboració', 'e-NOTUM']);
  });

  it('splits product codes at underscores and counts sentences', () => {
    const tokens = tokenize('SCT_DENUNCIES. Padró\nAEAT');
    expect(tokens.map((t) => [t.norm, t.sentence])).toEqual([
      ['sct', 0],
      ['denuncies', 0],
      ['padro', 1],
      ['aeat', 2],
    ]);
  });

  it('normalises a word the same whether it is plain ASCII, accented, joined or mixed', () => {
    const text = 'CoL·LeGi col.legi E-notum Vila-SECA ÀrEa AREA açò Seg. Social 2026 INE10';
    expect(tokenize(text).map((t) => t.norm)).toEqual([
      'collegi',
      'collegi',
      'enotum',
      'vilaseca',
      'area',
      'area',
      'aco',
      'seg',
      'social',
      '2026',
      'ine10',
    ]);
    // The abbreviation's dot does not end the sentence; the last word's offsets are its own.
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.sentence)).toEqual(Array.from({ length: 11 }, () => 0));
    expect(text.slice(tokens[3]?.start, tokens[3]?.end)).toBe('Vila-SECA');
  });

  it('marks all-capital words', () => {
    expect(tokenize('SOC Soc soc').map((t) => t.upper)).toEqual([true, false, false]);
  });
});

describe('withinOneEdit', () => {
  it('accepts one insertion, deletion, substitution or swap, and nothing more', () => {
    expect(withinOneEdit('cadastre', 'cadsatre')).toBe(true);
    expect(withinOneEdit('cadastre', 'cadastr')).toBe(true);
    expect(withinOneEdit('cadastre', 'cadastres')).toBe(true);
    expect(withinOneEdit('cadastre', 'cadastro')).toBe(true);
    expect(withinOneEdit('cadastre', 'catastro')).toBe(false);
    expect(withinOneEdit('abc', 'abcde')).toBe(false);
  });

  it('agrees with every single edit spelled out, on generated words', () => {
    // The reference: b is a, or a with one letter removed, inserted, replaced or two neighbours swapped.
    const oneEditOf = (a: string, b: string): boolean => {
      if (a === b) return true;
      const letters = new Set(`${a}${b}`.split('')); // the generated words are ASCII
      for (let i = 0; i <= a.length; i++) {
        if (i < a.length && a.slice(0, i) + a.slice(i + 1) === b) return true;
        if (i + 1 < a.length && a.slice(0, i) + (a[i + 1] ?? '') + (a[i] ?? '') + a.slice(i + 2) === b) return true;
        for (const c of letters) {
          if (a.slice(0, i) + c + a.slice(i) === b) return true;
          if (i < a.length && a.slice(0, i) + c + a.slice(i + 1) === b) return true;
        }
      }
      return false;
    };
    const word = fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 6 }).map((l) => l.join(''));
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(oneEditOf(a, b));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('segmentDescription', () => {
  it('separates own text, signature and quoted reply', () => {
    const parts = segmentDescription('Volem integrar.\n\nSalutacions,\nAnna\n\nEl dl. va escriure:\n> text', false);
    expect(parts.map((p) => p.zone)).toEqual(['own', 'signature', 'quoted']);
    expect(parts[0]?.text).toContain('Volem integrar');
    expect(parts[1]?.text).toContain('Anna');
  });

  it('keeps a forwarded message’s body and subject as own text', () => {
    const parts = segmentDescription(
      '---------- Forwarded message ---------\nFrom: x@y\nSubject: Alta padró\n\nVolem el padró.',
      true,
    );
    const own = parts
      .filter((p) => p.zone === 'own')
      .map((p) => p.text)
      .join('\n');
    expect(own).toContain('Alta padró');
    expect(own).toContain('Volem el padró');
    expect(own).not.toContain('x@y');
  });
});
