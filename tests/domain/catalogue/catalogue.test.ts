import { describe, expect, it } from 'vitest';
import { ambitOfProducts, needsMinhap, PRODUCT_IDS, PRODUCTS } from '../../../src/domain/catalogue';

describe('Via Oberta catalogue', () => {
  it('lists the àmbits of the contract', () => {
    const by = (ambit: string) => PRODUCT_IDS.filter((id) => PRODUCTS[id].ambit === ambit);
    expect(by('LOCAL')).toEqual(['PADRO']);
    expect(by('COLLEGIS')).toEqual(['DCOC', 'CORPME']);
    expect(by('GENERALITAT')).toEqual([
      'TFN',
      'TFM',
      'SOC',
      'RCA',
      'GRAU_DISCAPACITAT',
      'ATC',
      'RGC',
      'RPE',
      'PADRO_HISTORIC',
      'SCT',
      'REGISTRE_ENTITATS',
      'ACTIC',
      'BDSEU',
      'CERTIFICAT_CATALA',
    ]);
    expect(by('AGE')).toHaveLength(21);
  });

  it('asks MINHAP for every AGE product except AEAT, TGSS and DGT ATEX/IVTM', () => {
    const minhap = PRODUCT_IDS.filter(needsMinhap);
    expect(minhap).toContain('TGSS_VIDA_LABORAL');
    expect(minhap).toContain('CADASTRE');
    expect(minhap).not.toContain('AEAT');
    expect(minhap).not.toContain('TGSS');
    expect(minhap).not.toContain('DGT_IVTM');
    expect(minhap.every((id) => PRODUCTS[id].ambit === 'AGE')).toBe(true);
    expect(minhap).toHaveLength(18);
  });

  it('tells the àmbit of a set of products', () => {
    expect(ambitOfProducts([])).toBe('NONE');
    expect(ambitOfProducts(['AEAT', 'TGSS'])).toBe('AGE');
    expect(ambitOfProducts(['AEAT', 'TFN'])).toBe('MIXED');
  });
});
