// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FormCard } from '../../../src/app/form/FormCard';
import type { RequestForm } from '../../../src/app/form/useRequestForm';
import { loadLanguage, translator, type UiLang } from '../../../src/app/i18n/i18n';
import { mapDatasets } from '../../../src/domain/form/map';
import { parseXml } from '../../../src/domain/form/xml';
import type { FormProblemCode, FormReading } from '../../../src/domain/form/schema';
import { datasetsXml, FORM_PATHS, SAMPLE_FILLED_VALUES, type FormValues } from '../../../src/local/forms/build-form';

/**
 * The card's read details, from forms the reader's mapping read: every section, and every problem
 * in the agent's language (the identifier rules' reason too, never the reader's English).
 */
afterEach(cleanup);

const themed = (node: ReactNode) => render(<ThemeProvider theme={DEFAULT_THEME}>{node}</ThemeProvider>);
const cardOf = (reading: FormReading): RequestForm => ({
  state: { phase: 'read', reading, file: reading.file ?? 'f.pdf', via: 'proxy' },
  reading,
  readFile: () => Promise.resolve(),
});

/**
 * The reader's mapping of a datasets packet (the PDF layer is tested in tests/domain/form; under
 * jsdom, pdf-lib does not take the environment's byte arrays).
 */
const read = (options: { values: FormValues }, file: string): FormReading => ({
  file,
  ...mapDatasets(parseXml(datasetsXml(options.values))),
});

let filled: FormReading;
/** Via Oberta ticked without products, a bad NIF, e-mail and IPs, dated in the future. */
let flawed: FormReading;
/** Products without Via Oberta, and a day that does not exist. */
let flawed2: FormReading;

beforeAll(async () => {
  await Promise.all([loadLanguage('es'), loadLanguage('en')]);
  filled = read({ values: SAMPLE_FILLED_VALUES }, 'formulari.pdf');
  flawed = read(
    {
      values: {
        [FORM_PATHS.ensName]: 'Ajuntament de Terrassa',
        [FORM_PATHS.ensNif]: 'P0827900X',
        [FORM_PATHS.tech('TXT_NOM_TEC')]: 'Laia',
        [FORM_PATHS.tech('TXT_ADRECA')]: 'no-es-una-adreca',
        [FORM_PATHS.service('CHK_VIA_OBERTA')]: '1',
        [FORM_PATHS.auth('TXT_IP_APP_PROVES')]: '192.88.99.10, 300.1.1.1, 127.0.0.5',
        [FORM_PATHS.date('LLISTA_ANY')]: '2099',
      },
    },
    'flawed.pdf',
  );
  flawed2 = read(
    {
      values: {
        [FORM_PATHS.ensName]: 'Ajuntament de Terrassa',
        [FORM_PATHS.age('CHK_TGSS')]: '1',
        [FORM_PATHS.date('LLISTA_DIA')]: '31',
        [FORM_PATHS.date('LLISTA_MES')]: '2',
      },
    },
    'flawed2.pdf',
  );
});

const codes = (r: FormReading): (FormProblemCode | undefined)[] =>
  ('problems' in r ? r.problems : []).map((p) => p.code);

describe('the Formulari card’s read details', () => {
  it('shows every section of a filled form, with the ticked products’ codes and àmbit', () => {
    const t = translator('ca');
    themed(<FormCard form={cardOf(filled)} t={t} />);
    expect(screen.getByTestId('form-ens').textContent).toBe('Ajuntament de Barcelona · P0801900B');
    expect(screen.getByTestId('form-contact').textContent).toContain('(99999972C)');
    expect(screen.getByTestId('form-contact').textContent).toContain('tecnica@example.cat');
    expect(screen.getByTestId('form-application').textContent).toBe('Gestor d’expedients');
    expect(screen.getByTestId('form-ips-pre').textContent).toBe('83.44.12.7');
    expect(screen.getByTestId('form-ips-pro').textContent).toBe('83.44.12.8, 83.44.12.9');
    // The certificate fields still hold the form's placeholder: nothing to show.
    expect(screen.getByTestId('form-cert-pre').textContent).toBe(t('form.empty'));
    expect(screen.getByTestId('form-integrator').textContent).toContain('Integradora Exemple SL · B00000000');
    expect(screen.getByTestId('form-place-date').textContent).toBe('Barcelona, 2026-03-19');
    expect(screen.getByTestId('form-tick-AEAT').textContent).toContain('AEAT · AGE');
    expect(screen.getByTestId('form-tick-CADASTRE').textContent).toContain('CADASTRE');
    expect(screen.getByTestId('form-tick-VO')).toBeDefined();
    expect(screen.queryByTestId('form-problems')).toBeNull();
  });

  it('shows where the ticket’s text asks what the form does not tick', () => {
    themed(<FormCard form={cardOf(filled)} t={translator('es')} disagreement={{ services: [], products: ['TGSS'] }} />);
    expect(screen.getByTestId('form-disagreement').textContent).toBe(
      translator('es')('form.disagreement', { asked: 'TGSS' }),
    );
  });

  it('the readings carry every kind of problem the card translates', () => {
    expect([...codes(flawed), ...codes(flawed2)].sort()).toEqual(
      [
        'DATE_INVALID',
        'DATE_IN_FUTURE',
        'INVALID_EMAIL',
        'INVALID_NIF',
        'IP_MALFORMED',
        'IP_NOT_PUBLIC',
        'PRODUCTS_WITHOUT_SERVICE',
        'SERVICE_WITHOUT_PRODUCTS',
      ].sort(),
    );
  });

  const expected: Readonly<Record<UiLang, { nif: RegExp; field: string; loopback: string; future: RegExp }>> = {
    ca: { nif: /acaba amb la lletra B, no X/, field: 'NIF de l’ens', loopback: '127.0.0.0/8', future: /futur/ },
    es: { nif: /termina con la letra B, no X/, field: 'NIF del ente', loopback: '127.0.0.0/8', future: /futur/ },
    en: { nif: /ends with the letter B, not X/, field: 'Ens NIF', loopback: '127.0.0.0/8', future: /future/ },
  };

  for (const lang of ['ca', 'es', 'en'] as const) {
    it(`lists each problem in ${lang}, with the identifier rules' reason in ${lang}`, () => {
      const t = translator(lang);
      themed(
        <>
          <FormCard form={cardOf(flawed)} t={t} />
          <FormCard form={cardOf(flawed2)} t={t} />
        </>,
      );
      const lines = screen
        .getAllByTestId('form-problems')
        .flatMap((alert) => within(alert).getAllByRole('listitem'))
        .map((li) => li.textContent);
      expect(lines).toHaveLength(8);
      const e = expected[lang];
      const nifLine = lines.find((l) => l.includes('P0827900X')) ?? '';
      const emailLine = lines.find((l) => l.includes('no-es-una-adreca')) ?? '';
      expect(emailLine.startsWith(t('form.field.technicalContact.email'))).toBe(true);
      expect(nifLine.startsWith(e.field)).toBe(true);
      expect(nifLine).toMatch(e.nif);
      expect(lines.find((l) => l.includes('127.0.0.5'))).toContain(e.loopback);
      expect(lines.some((l) => e.future.test(l) && l.includes('2099'))).toBe(true);
      // In Catalan and Spanish no line carries the reader's English reason.
      const reasons = [flawed, flawed2].flatMap((r) => ('problems' in r ? r.problems : []).map((p) => p.reason));
      if (lang !== 'en') for (const line of lines) for (const reason of reasons) expect(line).not.toContain(reason);
    });
  }
});
