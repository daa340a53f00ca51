import { describe, expect, it } from 'vitest';
import { runCatalogueCommand } from '../../src/cli/catalogue-command';

describe('npm run catalogue', () => {
  it('prints the counts of the catalogue', () => {
    const r = runCatalogueCommand(['--summary']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('services: 21 (7 with a page in the manual, 14 without)');
    expect(r.stdout).toContain('AGE: 21 ids, 22 product codes, 77 modality codes');
    expect(r.stdout).toContain('modality codes: 135');
  });
  it('prints the catalogue as JSON', () => {
    const r = runCatalogueCommand(['--json']);
    expect(JSON.parse(r.stdout ?? '')).toHaveProperty('products');
  });
  it('refuses unknown arguments with its usage', () => {
    expect(runCatalogueCommand([])).toMatchObject({ code: 2 });
    expect(runCatalogueCommand(['--bogus']).stderr).toContain('usage');
  });
});
