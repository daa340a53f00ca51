import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, ClassificationSchema } from '../../../src/domain/classifier';

const words = fc.constantFrom(
  'Via Oberta',
  'PSCP',
  'e-NOTUM',
  'padró',
  'AEAT',
  'integració',
  'alta',
  'SetDIBA',
  'homologació',
  'pas a producció',
  'error',
  'no puc',
  'ja estem integrats',
  '>',
  '\n',
  'Salutacions,',
  'va escriure:',
  'Col·legi',
  'ñ',
  '😀',
  '',
);
const text = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(words, { maxLength: 40 }).map((w) => w.join(' ')),
);

describe('classifier robustness', () => {
  it('never throws and always returns a contract-valid classification', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            id: fc.string({ minLength: 1, maxLength: 8 }),
            subject: text,
            description: text,
            tags: fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }),
            attachments: fc.array(fc.string({ maxLength: 30 }), { maxLength: 4 }),
            organization: fc.record({ name: fc.string({ maxLength: 40 }) }),
          },
          { requiredKeys: ['id', 'subject', 'description'] },
        ),
        (ticket) => {
          const c = classify(ticket);
          ClassificationSchema.parse(c);
          if (c.service === 'UNKNOWN') {
            expect(c).toMatchObject({ environment: 'UNKNOWN', ambit: 'NONE', products: [], flags: [] });
          }
          if (c.service !== 'VO') expect(c.products).toEqual([]);
          expect(c.flags).toEqual([...new Set(c.flags)].sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles a 200 KB description', () => {
    const body = 'Volem integrar el padró i la PSCP amb el nostre gestor. '.repeat(3600);
    expect(body.length).toBeGreaterThan(200_000);
    const c = classify({ id: 'big', subject: 'Alta Via Oberta', description: body, tags: ['alta_servei'] });
    expect(c.service).toBe('VO');
  });
});
