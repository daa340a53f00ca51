import { describe, expect, it } from 'vitest';
import { zlibSync } from 'fflate';
import { MAX_FORM_FILE_BYTES, MAX_INFLATED_BYTES, readForm } from '../../../src/domain/form';
import { buildFormPdf, datasetsXml, FORM_PATHS, SAMPLE_FILLED_VALUES } from '../../../src/local/forms/build-form';

/** Hostile files get a clear answer, never a crash and never a hang. */
describe('hostile input to the form reader', () => {
  it('refuses a DTD with an external entity unread', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>${datasetsXml({
      [FORM_PATHS.ensName]: '&ext;',
    })}`;
    const reading = await readForm(await buildFormPdf({ datasetsXml: xml }));
    expect(reading).toMatchObject({ status: 'unreadable', code: 'XML_REFUSED' });
    expect(JSON.stringify(reading)).not.toContain('root:');
  });

  it('refuses nested entities (a billion laughs) without expanding them', async () => {
    const lol = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY l${String(i + 1)} "${`&l${String(i)};`.repeat(10)}">`,
    ).join('');
    const xml = `<!DOCTYPE d [<!ENTITY l0 "lol">${lol}]>${datasetsXml({ [FORM_PATHS.ensName]: '&l9;' })}`;
    expect(await readForm(await buildFormPdf({ datasetsXml: xml }))).toMatchObject({
      status: 'unreadable',
      code: 'XML_REFUSED',
    });
  });

  it('refuses an undeclared entity in the data', async () => {
    const xml = datasetsXml().replace('<TXT_NOM_ENS\n/>', '<TXT_NOM_ENS>&foo;</TXT_NOM_ENS>');
    expect(await readForm(await buildFormPdf({ datasetsXml: xml }))).toMatchObject({
      status: 'unreadable',
      code: 'XML_REFUSED',
    });
  });

  it('refuses a datasets stream that inflates past the limit', async () => {
    const bomb = zlibSync(new Uint8Array(MAX_INFLATED_BYTES + 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const reading = await readForm(await buildFormPdf({ rawDatasets: bomb }));
    expect(reading).toMatchObject({ status: 'unreadable', code: 'INFLATE_LIMIT' });
  });

  it('says unreadable for a damaged datasets stream', async () => {
    const reading = await readForm(await buildFormPdf({ rawDatasets: new Uint8Array([0x78, 0x9c, 1, 2, 3, 4, 5]) }));
    expect(reading.status).toBe('unreadable');
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const huge = new Uint8Array(MAX_FORM_FILE_BYTES + 1);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'));
    expect(await readForm(huge)).toMatchObject({ status: 'unreadable', code: 'TOO_LARGE' });
  });

  it('says unreadable for a truncated file', async () => {
    const whole = await buildFormPdf({ values: SAMPLE_FILLED_VALUES });
    for (const keep of [16, 400, Math.floor(whole.length / 2)]) {
      const reading = await readForm(whole.subarray(0, keep));
      expect(['unreadable', 'not-a-form']).toContain(reading.status);
    }
  });

  it('says unreadable for an encrypted PDF', async () => {
    const reading = await readForm(await buildFormPdf({ values: SAMPLE_FILLED_VALUES, encryptWithPassword: 'secret' }));
    expect(reading).toMatchObject({ status: 'unreadable', code: 'ENCRYPTED' });
  });

  it('reads the data of a PDF that carries JavaScript, without running it', async () => {
    const marker = '__formJavaScriptRan';
    const reading = await readForm(
      await buildFormPdf({ values: SAMPLE_FILLED_VALUES, javascript: `globalThis.${marker} = true;` }),
    );
    expect(reading.status).toBe('read');
    expect(marker in globalThis).toBe(false);
  });

  it('says unreadable, not a PDF, for other bytes with a .pdf name', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect(await readForm(zip, { file: 'formulari.pdf' })).toMatchObject({
      file: 'formulari.pdf',
      status: 'unreadable',
      code: 'NOT_PDF',
    });
    expect(await readForm(new Uint8Array(0))).toMatchObject({ status: 'unreadable', code: 'NOT_PDF' });
  });
});
