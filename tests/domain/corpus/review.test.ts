import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/domain/classifier';
import { disagreements, originalAnswerOf, readEvidence } from '../../../src/domain/corpus/correction';
import { reviewCorrections } from '../../../src/domain/corpus/review';

describe('what decided a disagreement', () => {
  it('reads the field and value an evidence entry speaks of, set aside or not', () => {
    expect(readEvidence('product CADASTRE (Cadastre; àmbit AGE)')).toEqual({
      field: 'products',
      value: 'CADASTRE',
      setAside: false,
    });
    expect(readEvidence('not asked: product TGSS named as already there')).toEqual({
      field: 'products',
      value: 'TGSS',
      setAside: true,
    });
    expect(readEvidence('environment PRE (a new integration starts in preproducció)')?.value).toBe('PRE');
    expect(readEvidence('something else')).toBeUndefined();
  });

  it('keeps the evidence of the values that differ: the one given wrongly, the one set aside that the agent wanted', () => {
    const ticket = {
      id: '1',
      subject: 'Alta Via Oberta',
      description: 'Ja tenim la TGSS integrada. Ara volem integrar el Cadastre.',
      tags: ['alta_servei'],
    };
    const original = originalAnswerOf(classify(ticket));
    expect(original.products).toEqual(['CADASTRE']);
    // The agent says TGSS was asked too (a new modality): the set-aside mention is what misled.
    const [products] = disagreements(original, { ...original, products: ['TGSS', 'CADASTRE'] });
    expect(products?.field).toBe('products');
    expect(products?.evidence.map((e) => e.text)).toEqual(['TGSS']);
    // The agent says Cadastre was not asked: Cadastre's own evidence decided it.
    const [wrong] = disagreements(original, { ...original, products: [] });
    expect(wrong?.evidence.map((e) => e.means)).toEqual([expect.stringMatching(/^product CADASTRE/)]);
  });
});

describe('the review of the corrections', () => {
  it('counts confirmed and corrected tickets, and groups each field by evidence, largest group first', () => {
    const at = '2026-11-30T10:00:00.000Z';
    const base = { kind: 'corrected' as const, changed: [], classifierVersion: 't', by: 'a', byName: null, at };
    const make = (ticket: number, description: string, products: string[]) => {
      const input = { id: String(ticket), subject: 'Alta Via Oberta', description, tags: ['alta_servei'] };
      const original = originalAnswerOf(classify(input));
      const { service, environment, ambit, flags } = original;
      return {
        ...base,
        ticket,
        subject: input.subject,
        input,
        original,
        labels: { service, environment, ambit, flags, products: products as typeof original.products },
      };
    };
    const review = reviewCorrections([
      make(1, 'Volem integrar el Cadastre.', []),
      make(2, 'Volem integrar el Cadastre i la TGSS.', ['TGSS']),
      make(3, 'Volem integrar la TGSS.', ['TGSS', 'AEAT']),
      make(4, 'Volem integrar la TGSS.', ['TGSS']),
    ]);
    expect(review).toMatchObject({ records: 4, corrected: 3, confirmed: 1 });
    const products = review.fields.find((f) => f.field === 'products');
    expect(products?.count).toBe(3);
    expect(products?.groups.map((g) => [g.evidence?.text ?? null, g.items.map((i) => i.ticket)])).toEqual([
      ['Cadastre', [1, 2]],
      [null, [3]],
    ]);
  });
});
