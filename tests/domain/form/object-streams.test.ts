import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readForm } from '../../../src/domain/form';
import { checkObjectStreams } from '../../../src/domain/form/object-streams';
import { buildFormPdf, SAMPLE_FILLED_VALUES } from '../../../src/local/forms/build-form';

/**
 * pdf-lib inflates object streams while it parses, unbounded: the reader measures them first.
 * The files here are written by hand (pdf-lib would not write a bomb), with a catalogue and
 * pages so that pdf-lib would open them.
 */
const MiB = 1024 * 1024;

function pdfWith(streams: readonly { readonly dict: string; readonly data: Uint8Array }[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [
    encoder.encode(
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n',
    ),
  ];
  streams.forEach((s, i) => {
    parts.push(
      encoder.encode(`${String(i + 3)} 0 obj\n<< ${s.dict} /Length ${String(s.data.length)} >>\nstream\n`),
      s.data,
      encoder.encode('\nendstream\nendobj\n'),
    );
  });
  parts.push(encoder.encode(`trailer\n<< /Root 1 0 R /Size ${String(streams.length + 3)} >>\n%%EOF\n`));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const zeros = (bytes: number): Uint8Array => zlibSync(new Uint8Array(bytes), { level: 9 });
const objStm = (data: Uint8Array, type = '/ObjStm', filter = '/FlateDecode') => ({
  dict: `/Type ${type} /N 1 /First 4 /Filter ${filter}`,
  data,
});

describe('object streams are measured before pdf-lib inflates them', () => {
  it('refuses an object stream that inflates past the per-stream bound', async () => {
    const file = pdfWith([objStm(zeros(9 * MiB))]);
    expect(file.length).toBeLessThan(64 * 1024);
    const reading = await readForm(file, { file: 'bomb.pdf' });
    expect(reading).toMatchObject({ status: 'unreadable', code: 'INFLATE_LIMIT' });
    expect('reason' in reading ? reading.reason : '').toMatch(/object stream/);
  });

  it('sees through #xx escapes in the type name, as pdf-lib does', async () => {
    const reading = await readForm(pdfWith([objStm(zeros(9 * MiB), '/Obj#53tm')]));
    expect(reading).toMatchObject({ status: 'unreadable', code: 'INFLATE_LIMIT' });
  });

  it('refuses object streams that together inflate past the total bound, each under its own', async () => {
    const each = objStm(zeros(7 * MiB));
    const reading = await readForm(pdfWith([each, each, each, each, each]));
    expect(reading).toMatchObject({ status: 'unreadable', code: 'INFLATE_LIMIT' });
    expect('reason' in reading ? reading.reason : '').toMatch(/together/);
  });

  it('bounds cross-reference streams too, and refuses object streams in filters it does not bound', async () => {
    expect(await readForm(pdfWith([objStm(zeros(9 * MiB), '/XRef')]))).toMatchObject({ code: 'INFLATE_LIMIT' });
    expect(await readForm(pdfWith([objStm(new Uint8Array(16), '/ObjStm', '/LZWDecode')]))).toMatchObject({
      status: 'unreadable',
      code: 'DAMAGED',
    });
  });

  it('leaves other streams alone: a large content stream is no object stream', async () => {
    const reading = await readForm(pdfWith([{ dict: '/Filter /FlateDecode', data: zeros(9 * MiB) }]));
    expect(reading.status).toBe('not-a-form');
  });

  it('measures the real object streams of a form: the builder’s file passes, a tiny bound refuses it', async () => {
    const form = await buildFormPdf({ values: SAMPLE_FILLED_VALUES });
    expect(() => {
      checkObjectStreams(form);
    }).not.toThrow();
    expect(() => {
      checkObjectStreams(form, { perStream: 16 });
    }).toThrow(/object stream/);
    expect((await readForm(form)).status).toBe('read');
  });
});
