// The demo database's contents: the real Catalan municipalities and invented people (that nothing
// personal is in them, or anywhere in the repository, is tests/privacy's).
import { describe, expect, it } from 'vitest';
import { demoData, DEMO } from '../../src/proxy/db/demo/demo-data';
import { ajuntamentName, catalanMunicipalities } from '../../src/proxy/db/demo/municipalities';
import { ine10ChecksPass, parseCif, parsePersonNif } from '../../src/domain/identifiers';

describe('demo data', () => {
  it('holds the 947 Catalan municipalities with valid INE10 codes', () => {
    const list = catalanMunicipalities();
    expect(list).toHaveLength(947);
    expect(new Set(list.map((m) => m.ine5.slice(0, 2)))).toEqual(new Set(['08', '17', '25', '43']));
    expect(list.every((m) => ine10ChecksPass(m.ine10) && m.ine10.startsWith(m.ine5))).toBe(true);
    expect(list.find((m) => m.ine5 === '08019')?.ine10).toBe(DEMO.barcelona.ine10);
    expect(list.find((m) => m.ine5 === '43171')?.ine10).toBe(DEMO.vilaSeca.ine10);
  });

  it('names ajuntaments as Catalan does', () => {
    expect(ajuntamentName('Barcelona')).toBe('Ajuntament de Barcelona');
    expect(ajuntamentName('Olot')).toBe("Ajuntament d'Olot");
    expect(ajuntamentName("Hospitalet de Llobregat, L'")).toBe("Ajuntament de l'Hospitalet de Llobregat");
    expect(ajuntamentName('Bruc, El')).toBe('Ajuntament del Bruc');
    expect(ajuntamentName('Garriga, La')).toBe('Ajuntament de la Garriga');
  });

  it('gives every PSCP user and every CIF a valid identifier', () => {
    for (const env of ['PRE', 'PRO'] as const) {
      const data = demoData(env);
      for (const u of data.usuaris) expect(parsePersonNif(u.nif).ok, u.nif).toBe(true);
      for (const o of data.organs) expect(parseCif(o.cif).ok, o.cif).toBe(true);
      for (const o of data.organismes) if (o.cif !== null) expect(parseCif(o.cif).ok, o.cif).toBe(true);
      expect(data.autoritzacions.length).toBeGreaterThan(500);
    }
  });

  it('is the same on every run', () => {
    expect(demoData('PRO')).toEqual(demoData('PRO'));
  });
});
