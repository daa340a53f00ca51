/**
 * Hostile workbooks, built here byte by byte: what `inspectXlsx` lets through and refuses, and
 * what the MINHAP template path does with formulas, external links, macros, merged cells, dates
 * stored as numbers, a zip bomb, a DTD and a password-protected file. Every refusal is bounded
 * (nothing is inflated past its limit) and says why.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import XlsxPopulate from 'xlsx-populate';
import { beforeAll, describe, expect, it } from 'vitest';
import { MINHAP_SHEET } from '../../src/domain/documents/minhap';
import { DEFAULT_ARCHIVE_LIMITS, inspectXlsx } from '../../src/domain/documents/xlsx-archive';
import { buildMinhapWorkbook, TemplateError } from '../../src/proxy/documents/minhap-workbook';
import { syntheticMinhapTemplate } from '../../src/proxy/documents/synthetic-template';

const REQUEST = {
  ensName: 'Ajuntament de Barcelona',
  cif: 'P0801900B',
  ine10: '0801930008',
  dir3: 'L01080193',
  modalities: [
    { product: 'CADASTRE', modality: 'DADES_CADASTRALS' },
    { product: 'DGP_IDENTITAT', modality: 'IDENTITAT_DADES' },
  ],
} as const;
const request = (extra: Record<string, unknown> = {}) => ({
  ...REQUEST,
  modalities: [...REQUEST.modalities],
  ...extra,
});

let template: Uint8Array;
beforeAll(async () => {
  template = await syntheticMinhapTemplate();
});

/** The template's parts, changed by `edit`, zipped again. */
function patched(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files);
}

/** The part of the MINHAP sheet (the synthetic template's second sheet). */
const SHEET_PART = 'xl/worksheets/sheet2.xml';
const editXml = (files: Record<string, Uint8Array>, part: string, change: (xml: string) => string): void => {
  const xml = files[part];
  if (xml === undefined) throw new Error(`no ${part}`);
  files[part] = strToU8(change(strFromU8(xml)));
};

/** A minimal workbook: content types, the workbook part and one sheet. */
function minimalWorkbook(extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook><sheets/></workbook>'),
    'xl/worksheets/sheet1.xml': strToU8('<?xml version="1.0"?><worksheet><sheetData/></worksheet>'),
    ...extra,
  });
}

/** Rewrites the declared uncompressed sizes of every entry (local and central headers) to `size`. */
function lyingSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    else if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('inspectXlsx on hostile archives', () => {
  it('reads a plain workbook and reports neither macros nor external links', () => {
    const result = inspectXlsx(template);
    expect(result.ok && result.facts.macros).toBe(false);
    expect(result.ok && result.facts.externalLinks).toBe(false);
  });

  it('reports macros of an .xlsm without refusing its cells', () => {
    const xlsm = minimalWorkbook({ 'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) });
    const result = inspectXlsx(xlsm);
    expect(result).toMatchObject({ ok: true, facts: { macros: true, externalLinks: false } });
  });

  it('reports links to other workbooks', () => {
    const linked = minimalWorkbook({
      'xl/externalLinks/externalLink1.xml': strToU8('<?xml version="1.0"?><externalLink/>'),
      'xl/externalLinks/_rels/externalLink1.xml.rels': strToU8(
        '<?xml version="1.0"?><Relationships><Relationship Target="file:///C:/secret.xlsx" TargetMode="External"/></Relationships>',
      ),
    });
    expect(inspectXlsx(linked)).toMatchObject({ ok: true, facts: { externalLinks: true } });
  });

  it('refuses a zip bomb whose headers declare small sizes, inflating no more than the limit', () => {
    // 25 MB of one repeated row compresses to some tens of KB; the headers claim 100 bytes.
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const huge = strToU8(
      `<worksheet><sheetData>${row.repeat(Math.ceil((25 * 1024 * 1024) / row.length))}</sheetData></worksheet>`,
    );
    const bomb = lyingSizes(minimalWorkbook({ 'xl/worksheets/sheet2.xml': huge }), 100);
    expect(bomb.length).toBeLessThan(DEFAULT_ARCHIVE_LIMITS.fileBytes);
    const result = inspectXlsx(bomb);
    expect(result).toMatchObject({ ok: false, refusal: 'inflatesTooLarge' });
    expect(!result.ok && result.message).toMatch(/inflates past 20971520 bytes \(xl\/worksheets\/sheet2\.xml\)/);
  });

  it('refuses a huge sheet past the whole workbook’s limit even when each part is under its own', () => {
    const part = strToU8('<worksheet>' + ' '.repeat(600 * 1024) + '</worksheet>');
    const parts = Object.fromEntries([1, 2, 3, 4].map((n) => [`xl/worksheets/big${String(n)}.xml`, part]));
    const limits = { ...DEFAULT_ARCHIVE_LIMITS, entryBytes: 1024 * 1024, totalBytes: 2 * 1024 * 1024 };
    expect(inspectXlsx(minimalWorkbook(parts), limits)).toMatchObject({ ok: false, refusal: 'inflatesTooLarge' });
  });

  it('refuses an archive of too many parts', () => {
    const parts = Object.fromEntries(
      Array.from({ length: DEFAULT_ARCHIVE_LIMITS.entries + 1 }, (_, i) => [
        `xl/media/p${String(i)}.bin`,
        new Uint8Array(1),
      ]),
    );
    expect(inspectXlsx(minimalWorkbook(parts))).toMatchObject({ ok: false, refusal: 'tooManyEntries' });
  });

  it('refuses a part that declares a DTD or entities', () => {
    const dtd = minimalWorkbook({
      'xl/sharedStrings.xml': strToU8(
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><sst>&lol2;</sst>',
      ),
    });
    const result = inspectXlsx(dtd);
    expect(result).toMatchObject({ ok: false, refusal: 'dtd' });
    expect(!result.ok && result.message).toMatch(/DTD or entities/);
  });

  it('refuses a password-protected (OLE2) workbook, saying how to make it readable', () => {
    const ole2 = new Uint8Array(4096);
    ole2.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const result = inspectXlsx(ole2);
    expect(result).toMatchObject({ ok: false, refusal: 'encrypted' });
    expect(!result.ok && result.message).toMatch(/password-protected/);
  });

  it('refuses a truncated archive, a file that is not a zip and one larger than the file limit', () => {
    expect(inspectXlsx(template.subarray(0, Math.floor(template.length / 2)))).toMatchObject({ ok: false });
    expect(inspectXlsx(strToU8('Organismo;NIF\n'))).toMatchObject({ ok: false, refusal: 'notZip' });
    expect(inspectXlsx(new Uint8Array(DEFAULT_ARCHIVE_LIMITS.fileBytes + 1))).toMatchObject({
      ok: false,
      refusal: 'tooLarge',
    });
  });
});

describe('the MINHAP template path on hostile templates', () => {
  it('names the template’s own problem (password, DTD, bomb) as a TemplateError, never a half-filled file', async () => {
    const ole2 = new Uint8Array(512);
    ole2.set([0xd0, 0xcf, 0x11, 0xe0]);
    await expect(buildMinhapWorkbook(ole2, request())).rejects.toThrow(/password-protected/);
    const dtd = patched(template, (f) => {
      editXml(f, SHEET_PART, (xml) =>
        xml.replace('?>', '?><!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>'),
      );
    });
    await expect(buildMinhapWorkbook(dtd, request())).rejects.toThrow(TemplateError);
    await expect(buildMinhapWorkbook(dtd, request())).rejects.toThrow(/DTD/);
  });

  it('writes the ens’s values as text: a name that looks like a formula stays text', async () => {
    const result = await buildMinhapWorkbook(template, request({ ensName: '=HYPERLINK("http://example.org","x")' }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const sheet = (await XlsxPopulate.fromDataAsync(result.bytes)).sheet(MINHAP_SHEET);
    expect(sheet?.cell(2, 1).formula()).toBeUndefined();
    expect(sheet?.cell(2, 1).value()).toBe('=HYPERLINK("http://example.org","x")');
  });

  it('copies a formula cell of the first line as its value, never as a formula to run', async () => {
    const withFormula = patched(template, (f) => {
      // Column H of the first line (Finalidad) as a formula with its cached value.
      editXml(f, SHEET_PART, (xml) =>
        xml.replace(/<c r="H2"([^>]*?)(\/>|>.*?<\/c>)/, '<c r="H2" t="str"><f>UPPER("pruebas")</f><v>PRUEBAS</v></c>'),
      );
    });
    const result = await buildMinhapWorkbook(withFormula, request());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const sheet = (await XlsxPopulate.fromDataAsync(result.bytes)).sheet(MINHAP_SHEET);
    expect(sheet?.cell(3, 8).value()).toBe('PRUEBAS');
    expect(sheet?.cell(3, 8).formula()).toBeUndefined();
  });

  it('keeps a date stored as a number, with its date format, on every row', async () => {
    const workbook = await XlsxPopulate.fromDataAsync(template);
    const sheet = workbook.sheet(MINHAP_SHEET);
    // 46000 is 8 December 2025 in Excel's day count.
    sheet?.cell(2, 9).value(46000).style({ numberFormat: 'dd/mm/yyyy' });
    const result = await buildMinhapWorkbook(new Uint8Array(await workbook.outputAsync()), request());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const filled = (await XlsxPopulate.fromDataAsync(result.bytes)).sheet(MINHAP_SHEET);
    expect(filled?.cell(3, 9).value()).toBe(46000);
    expect(filled?.cell(3, 9).style(['numberFormat'])).toEqual({ numberFormat: 'dd/mm/yyyy' });
  });

  it('fills a template with merged cells and keeps them', async () => {
    const merged = patched(template, (f) => {
      editXml(f, SHEET_PART, (xml) => {
        expect(xml).not.toContain('<mergeCells');
        return xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="K1:L1"/></mergeCells>');
      });
    });
    const result = await buildMinhapWorkbook(merged, request());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(strFromU8(unzipSync(result.bytes)[SHEET_PART] ?? new Uint8Array())).toContain('<mergeCell ref="K1:L1"/>');
  });

  it('fills a template that carries macros or external links without running or following them', async () => {
    const withParts = patched(template, (f) => {
      f['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 9, 9, 9]);
      f['xl/externalLinks/externalLink1.xml'] = strToU8('<?xml version="1.0"?><externalLink/>');
    });
    expect(inspectXlsx(withParts)).toMatchObject({ ok: true, facts: { macros: true, externalLinks: true } });
    const result = await buildMinhapWorkbook(withParts, request());
    expect(result.ok).toBe(true);
  });
});
