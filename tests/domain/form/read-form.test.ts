import { describe, expect, it } from 'vitest';
import { readForm } from '../../../src/domain/form';
import type { FormData, FormReading } from '../../../src/domain/form';
import { buildFormPdf, FORM_PATHS, SAMPLE_FILLED_VALUES } from '../../../src/local/forms/build-form';

const NOW = new Date('2026-06-01T10:00:00Z');

async function read(values: Record<string, string>): Promise<FormReading> {
  return readForm(await buildFormPdf({ values }), { file: 'formulari.pdf', now: NOW });
}

function data(reading: FormReading): FormData {
  if ('reason' in reading) throw new Error(`expected form data, got ${reading.status}: ${reading.reason}`);
  return reading;
}

describe('reading a filled request form', () => {
  it('maps every section by its path, the two technicians apart', async () => {
    const form = data(await read(SAMPLE_FILLED_VALUES));
    expect(form.status).toBe('read');
    expect(form.file).toBe('formulari.pdf');
    expect(form.version).toBe('2026-03-18');
    expect(form.ens).toEqual({ name: 'Ajuntament de Barcelona', nif: 'P0801900B' });
    expect(form.technicalContact).toEqual({
      name: 'Laia',
      surnames: 'Exemple Prova',
      nif: '99999972C',
      position: 'Tècnica de sistemes',
      phone: '930000000',
      email: 'tecnica@example.cat',
    });
    expect(form.integrator?.contact.nif).toBe('99999974E');
    expect(form.integrator?.contact.name).toBe('Pau');
    expect(form.integrator?.company).toBe('Integradora Exemple SL');
    expect(form.services).toEqual(['VO']);
    expect(form.products).toEqual(['AEAT', 'CADASTRE']);
    expect(form.ticked.map((t) => t.caption)).toEqual([
      'Via Oberta: Indiqueu aquí quin servei',
      'Agencia Estatal de la Administración Tributaria (AEAT)',
      'Dirección General de Catastro',
    ]);
    expect(form.ips).toEqual({ pre: ['83.44.12.7'], pro: ['83.44.12.8', '83.44.12.9'] });
    expect(form.application.technology).toBe('Java');
    expect(form.application.other).toBeNull();
    expect(form.place).toBe('Barcelona');
    expect(form.date).toBe('2026-03-19');
    expect(form.problems).toEqual([]);
  });

  it('keeps the bracketed certificate placeholder out and an empty integrator section null', async () => {
    const values = Object.fromEntries(
      Object.entries(SAMPLE_FILLED_VALUES).filter(([path]) => !path.includes('SUB_AUTORIZACIO')),
    );
    const form = data(await read({ ...values, [FORM_PATHS.auth('TXT_CDA_PRO')]: 'cda-pro.cer' }));
    expect(form.certificates).toEqual({ pre: null, pro: 'cda-pro.cer' });
    expect(form.integrator).toBeNull();
  });

  it('lists services and products in the form’s order, each once', async () => {
    const form = data(
      await read({
        [FORM_PATHS.ensName]: 'Ajuntament de Barcelona',
        [FORM_PATHS.service('CHK_PSCP')]: '1',
        [FORM_PATHS.service('CHK_ENOTUM')]: '1',
        [FORM_PATHS.service('CHK_REGISTRE')]: '1',
        [FORM_PATHS.service('CHK_CARREGA')]: '1',
        [FORM_PATHS.service('CHK_VIA_OBERTA')]: '1',
        [FORM_PATHS.age('CHK_TGSS')]: '1',
        [FORM_PATHS.generalitat('CHK_CATSALUT')]: '1',
        [FORM_PATHS.local('CHK_PADRO')]: '1',
        [FORM_PATHS.collegis('CHK_ARQITECTES')]: '1',
        [FORM_PATHS.collegis('CHK_ECA')]: '1',
        [FORM_PATHS.collegis('CHK_MERCANTIL')]: '1',
        [FORM_PATHS.age('CHK_IVTM')]: '0',
      }),
    );
    expect(form.services).toEqual(['ENOTUM', 'PSCP', 'MUX', 'VO']);
    expect(form.products).toEqual(['TGSS', 'RCA', 'PADRO', 'DCOC', 'CORPME']);
    expect(form.ticked.filter((t) => t.product === 'DCOC').map((t) => t.checkbox)).toEqual([
      'CHK_ARQITECTES',
      'CHK_ECA',
    ]);
  });

  it('flags what a reviewer would: bad NIFs, non-public IPs, Via Oberta without products, a future date', async () => {
    const form = data(
      await read({
        [FORM_PATHS.ensName]: 'Ajuntament de Barcelona',
        [FORM_PATHS.ensNif]: 'P0801900A',
        [FORM_PATHS.tech('TXT_NIF_TEC')]: '99999972D',
        [FORM_PATHS.service('CHK_VIA_OBERTA')]: '1',
        [FORM_PATHS.auth('TXT_IP_APP_PROVES')]: '192.168.1.10; 83.44.12.7\n127.0.0.1',
        [FORM_PATHS.auth('TXT_IP_APP_PRO')]: '83.44.12.0/24, 10.0.0.0/8, 300.1.1.1, 83.44.12.1 - 83.44.12.20',
        [FORM_PATHS.date('LLISTA_DIA')]: '2',
        [FORM_PATHS.date('LLISTA_MES')]: '7',
        [FORM_PATHS.date('LLISTA_ANY')]: '2026',
      }),
    );
    const byField = form.problems.map((p) => `${p.field}:${p.code ?? ''}:${p.value ?? ''}`);
    expect(byField).toEqual([
      'ens.nif:INVALID_NIF:P0801900A',
      'technicalContact.nif:INVALID_NIF:99999972D',
      'products:SERVICE_WITHOUT_PRODUCTS:',
      'ips.pre:IP_NOT_PUBLIC:192.168.1.10',
      'ips.pre:IP_NOT_PUBLIC:127.0.0.1',
      'ips.pro:IP_NOT_PUBLIC:10.0.0.0/8',
      'ips.pro:IP_MALFORMED:300.1.1.1',
      'date:DATE_IN_FUTURE:2026-07-02',
    ]);
    expect(form.problems[0]?.reason).toContain('B');
    expect(form.ips.pro).toEqual(['83.44.12.0/24', '10.0.0.0/8', '300.1.1.1', '83.44.12.1-83.44.12.20']);
  });

  it('says blank for the form with nothing typed, and a form of another kind is not this form', async () => {
    const blank = await readForm(await buildFormPdf(), { now: NOW });
    expect(blank.status).toBe('blank');
    expect(data(blank).problems).toEqual([]);
    const other = await readForm(
      await buildFormPdf({
        datasetsXml: '<xfa:datasets xmlns:xfa="x"><xfa:data><form1><Other>1</Other></form1></xfa:data></xfa:datasets>',
      }),
    );
    expect(other).toMatchObject({ status: 'not-a-form', code: 'OTHER_FORM' });
  });

  it('reads the datasets from a single-stream XFA (a whole XDP) too', async () => {
    const form = data(
      await readForm(await buildFormPdf({ values: SAMPLE_FILLED_VALUES, xfa: 'stream' }), { now: NOW }),
    );
    expect(form.products).toEqual(['AEAT', 'CADASTRE']);
  });

  it('says not-a-form for a PDF without XFA (a scan or a printed copy)', async () => {
    expect(await readForm(await buildFormPdf({ xfa: 'none' }))).toMatchObject({ status: 'not-a-form', code: 'NO_XFA' });
  });
});
