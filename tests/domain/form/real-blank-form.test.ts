import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readForm } from '../../../src/domain/form';

/**
 * The real blank form AOC publishes. It is not part of the repository: the test reads it from the
 * folder `AOC_FORMS_DIR` names, by default `../shared/forms/` beside the clone. A clone with the
 * form nowhere (a fresh clone in a temporary folder, as CI makes) skips the file with a message; a
 * folder named in `AOC_FORMS_DIR` that lacks the form is a failure.
 */
const FORM_NAME = 'formulari_sol-licitud_integracio_serveis_caoc.pdf';
const NAMED_DIR = process.env.AOC_FORMS_DIR === '' ? undefined : process.env.AOC_FORMS_DIR;
const FORMS_DIR = NAMED_DIR ?? resolve(import.meta.dirname, '../../../../shared/forms');
const FILE = resolve(FORMS_DIR, FORM_NAME);

function available(): boolean {
  if (existsSync(FILE)) return true;
  const message = `${FILE} is missing: the real blank request form is read from AOC_FORMS_DIR (default ../shared/forms/ beside the clone).`;
  if (NAMED_DIR !== undefined) throw new Error(message);
  console.warn(`[form] real-blank-form.test.ts skipped: ${message}`);
  return false;
}

describe.runIf(available())('the real blank request form', () => {
  it('is read as blank, with its version, and every field empty', async () => {
    const reading = await readForm(readFileSync(FILE), { file: 'formulari.pdf' });
    expect(reading.status).toBe('blank');
    if (reading.status !== 'blank') return;
    expect(reading.version).toBe('2026-03-18');
    expect(reading.formId).toBe('1515_AOC_SOL_INTEGRACIO_SERVEIS_2021');
    expect(reading.ens).toEqual({ name: null, nif: null });
    expect(reading.services).toEqual([]);
    expect(reading.products).toEqual([]);
    expect(reading.certificates).toEqual({ pre: null, pro: null });
    expect(reading.integrator).toBeNull();
    expect(reading.problems).toEqual([]);
  });
});
