import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReadFormCommand } from '../../src/cli/read-form-command';
import { FormReadingSchema } from '../../src/domain/form';
import { buildFormPdf, SAMPLE_FILLED_VALUES } from '../../src/local/forms/build-form';

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'read-form-'));
  writeFileSync(join(dir, 'filled.pdf'), await buildFormPdf({ values: SAMPLE_FILLED_VALUES }));
  writeFileSync(join(dir, 'scan.pdf'), await buildFormPdf({ xfa: 'none' }));
  writeFileSync(join(dir, 'notes.pdf'), 'just some text');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run read-form', () => {
  it('prints one contract object per file, in order, and exits 0 even for unreadable files', async () => {
    const files = ['filled.pdf', 'missing.pdf', 'scan.pdf', 'notes.pdf'].map((f) => join(dir, f));
    const result = await runReadFormCommand(files, new Date('2026-06-01T00:00:00Z'));
    expect(result.code).toBe(0);
    expect(result.stderr).toBeUndefined();
    const parsed = FormReadingSchema.array().parse(JSON.parse(result.stdout ?? ''));
    expect(parsed.map((r) => [r.file, r.status])).toEqual([
      [files[0], 'read'],
      [files[1], 'unreadable'],
      [files[2], 'not-a-form'],
      [files[3], 'unreadable'],
    ]);
    expect(parsed[0]).toMatchObject({ products: ['AEAT', 'CADASTRE'], ens: { nif: 'P0801900B' } });
  });

  it('exits 2 with a message and no output when no file is given', async () => {
    const result = await runReadFormCommand([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBeUndefined();
    expect(result.stderr).toMatch(/no file given/);
  });
});
