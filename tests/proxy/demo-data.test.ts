// The demo database's contents: the real Catalan municipalities, invented people, nothing personal
// from the desk's manual.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

  it('carries none of the personal data or internal addresses in the desk’s manual', () => {
    // The manual's staff names, national ID number, e-mail addresses and internal IP, encoded so
    // that not even this test carries them in clear.
    const forbidden = [
      'NDc3NzYzMTc=',
      'MTkyLjE2OC4xNjY=',
      'b3RzdXBvcnR0ZWNuaWNA',
      'bWRhbHZhcmV6',
      'Vmlja3k=',
      'TWlsbMOhbg==',
      'RXN0YXDDqQ==',
      'Q3Jpc3RpYW4gTW9yYWxlcw==',
      'RG9sb3JzIEFsdmFyZXo=',
    ].map((encoded) => Buffer.from(encoded, 'base64').toString('utf8'));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    for (const dir of ['src/proxy', 'src/shared', 'tests/proxy']) walk(dir);
    files.push(
      '.env.example',
      'docs/proxy.md',
      'scripts/proxy.ts',
      'tests/proxy/helpers/pg-cluster.ts',
      'scripts/bench-proxy.ts',
      'scripts/bench-proxy-server.ts',
    );
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      for (const needle of forbidden) expect(text.includes(needle), `${file} contains ${needle}`).toBe(false);
    }
  });
});
