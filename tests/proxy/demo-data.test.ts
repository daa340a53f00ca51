// The demo database's contents: the real Catalan municipalities and invented people (that nothing
// personal is in them, or anywhere in the repository, is tests/privacy's).
import { describe, expect, it } from 'vitest';
import { demoData, DEMO } from '../../src/proxy/db/demo/demo-data';
import { ajuntamentName, catalanMunicipalities } from '../../src/proxy/db/demo/municipalities';
import { ine10ChecksPass, parseCif, parsePersonNif } from '../../src/domain/identifiers';
import { modalityByCode, productByCode } from '../../src/domain/catalogue';

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

describe('demo SIRI rows use AOC’s codes', () => {
  it('holds every product and modality code as SIRI does, each resolving to its catalogue family', () => {
    for (const env of ['PRE', 'PRO'] as const) {
      const data = demoData(env);
      const byId = new Map(data.productes.map((p) => [p.id, p]));
      expect(data.productes.map((p) => p.codi)).toEqual(expect.arrayContaining(['AEAT_DADES', 'SCSP_TGSS', 'ATMV']));
      for (const m of data.modalitats) {
        const producte = byId.get(m.id_producte);
        expect(producte, m.codi).toBeDefined();
        const ref = modalityByCode(m.codi);
        expect(ref?.productCode, m.codi).toBe(producte?.codi);
        expect(productByCode(producte?.codi ?? '')).toBe(ref?.product);
      }
    }
  });

  const rows = (env: 'PRE' | 'PRO', ine10: string) => {
    const data = demoData(env);
    const organisme = data.organismes.find((o) => o.codi === ine10.replace(/^0/, '') || o.codi === ine10);
    return data.autoritzacions
      .filter((a) => a.id_organisme === organisme?.id)
      .map((a) => {
        const m = data.modalitats.find((x) => x.id === a.id_modalitat);
        const f = data.finalitats.find((x) => x.id === a.id_finalitat);
        return `${m?.codi ?? '?'}/${f?.codi ?? '?'}`;
      });
  };

  it('gives Terrassa more in PRE than in PRO, its test finalitat stored with and without the leading zero', () => {
    const short = `${DEMO.terrassa.ine10.slice(1)}_PROVES`;
    expect(DEMO.terrassa.ine10.startsWith('0')).toBe(true);
    expect(rows('PRE', DEMO.terrassa.ine10).sort()).toEqual(
      [
        `DADES_CADASTRALS/${DEMO.terrassa.finalitatSia}`,
        `ECOT101/${short}`,
        `ECOT104/${short}`,
        `Q2827003ATGSS001B/${short}`,
      ].sort(),
    );
    expect(rows('PRO', DEMO.terrassa.ine10)).toEqual(['ECOT101/GESTIO_TRIBUTARIA']);
  });

  it('gives Lleida products in PRO and none in PRE, and Girona part of PRE in PRO', () => {
    expect(rows('PRE', DEMO.lleida.ine10)).toEqual([]);
    expect(rows('PRO', DEMO.lleida.ine10)).toContain('NOTA_SIMPLE/REGISTRE');
    expect(rows('PRE', DEMO.girona.ine10)).toHaveLength(3);
    expect(rows('PRO', DEMO.girona.ine10)).toEqual(['RESIDENT/PADRO_GESTIO']);
  });
});
