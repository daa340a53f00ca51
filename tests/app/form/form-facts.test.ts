import { describe, expect, it } from 'vitest';
import { textVersusForm } from '../../../src/app/form/disagreement';
import { formFacts } from '../../../src/app/form/form-facts';
import { classify } from '../../../src/domain/classifier';
import { mapDatasets } from '../../../src/domain/form/map';
import type { FormReading } from '../../../src/domain/form/schema';
import { parseXml } from '../../../src/domain/form/xml';
import { datasetsXml, FORM_PATHS, SAMPLE_FILLED_VALUES, type FormValues } from '../../../src/local/forms/build-form';

/** What a read form gives the checks and replies, and where the text and the form disagree. */
const read = (values: FormValues): FormReading => ({ file: 'f.pdf', ...mapDatasets(parseXml(datasetsXml(values))) });

describe('formFacts', () => {
  it('takes the ens, the technical contact and the integrator, each in its own role', () => {
    expect(formFacts(read(SAMPLE_FILLED_VALUES))).toEqual({
      ensName: 'Ajuntament de Barcelona',
      ensCif: 'P0801900B',
      contactNif: '99999972C',
      integrator: { name: 'Integradora Exemple SL', nif: 'B00000000' },
    });
  });

  it('keeps only valid identifiers: a wrong ens NIF is no CIF, and the integrator’s never stands for it', () => {
    const facts = formFacts(
      read({
        ...SAMPLE_FILLED_VALUES,
        [FORM_PATHS.ensNif]: 'P0801900X',
        [FORM_PATHS.tech('TXT_NIF_TEC')]: 'B00000000',
      }),
    );
    expect(facts?.ensCif).toBeUndefined();
    // A company's CIF typed as the technician's NIF is no person's NIF.
    expect(facts?.contactNif).toBeUndefined();
    expect(facts?.integrator?.nif).toBe('B00000000');
  });

  it('gives nothing for a form that was not read, and no integrator when its section is empty', () => {
    expect(formFacts(undefined)).toBeUndefined();
    expect(formFacts({ status: 'not-a-form', reason: 'no XFA', code: 'NO_XFA' })).toBeUndefined();
    expect(formFacts(read({ [FORM_PATHS.ensName]: 'Ajuntament de Terrassa' }))?.integrator).toBeUndefined();
  });
});

describe('textVersusForm', () => {
  const ticket = (description: string) => ({ id: 't', subject: 'Alta Via Oberta', description, tags: ['alta_servei'] });
  const form = read(SAMPLE_FILLED_VALUES);

  it('names what the text asks that the form does not tick', () => {
    const fromText = classify(ticket('Volem la consulta de la TGSS i de l’AEAT per Via Oberta.'));
    expect(fromText.products).toEqual(expect.arrayContaining(['TGSS', 'AEAT']));
    expect(textVersusForm(fromText, form)).toEqual({ services: [], products: ['TGSS'] });
  });

  it('says nothing when the text asks what the form ticks, or names nothing', () => {
    expect(textVersusForm(classify(ticket('Volem l’AEAT i el Cadastre per Via Oberta.')), form)).toBeUndefined();
    expect(textVersusForm(classify(ticket('Adjuntem la sol·licitud.')), form)).toBeUndefined();
    expect(textVersusForm(classify(ticket('Volem la TGSS.')), undefined)).toBeUndefined();
  });
});
