import { describe, expect, it } from 'vitest';
import file from '../../../src/domain/catalogue/data/catalogue.json';
import { CatalogueFileError, loadCatalogue } from '../../../src/domain/catalogue';

type Mutable = { -readonly [K in keyof typeof file]: (typeof file)[K] };
const copy = (): Mutable => structuredClone<Mutable>(file);
const fails = (data: unknown) => () => loadCatalogue(data, 'catalogue.json');

describe('loading the catalogue file', () => {
  it('loads the file as shipped', () => {
    expect(loadCatalogue(file).products).toHaveLength(38);
  });

  it('names the entry and the field when the shape is wrong', () => {
    const data = copy();
    const rca = data.products.find((p) => p.id === 'RCA');
    if (rca === undefined) throw new Error('RCA missing from the file');
    (rca as { ambit: string }).ambit = 'CATALUNYA';
    expect(fails(data)).toThrow(CatalogueFileError);
    expect(fails(data)).toThrow(/products RCA \(ambit\)/);
  });

  it('refuses a file that lacks a contract id', () => {
    const data = copy();
    data.products = data.products.filter((p) => p.id !== 'MUFACE');
    expect(fails(data)).toThrow(/product MUFACE of the classification contract is missing/);
  });

  it('refuses MINHAP outside the AGE', () => {
    const data = copy();
    const tfn = data.products.find((p) => p.id === 'TFN');
    if (tfn === undefined) throw new Error('TFN missing from the file');
    tfn.minhap = true;
    expect(fails(data)).toThrow(/product TFN: only AGE products go through MINHAP/);
  });

  it('refuses one checkbox meaning two things', () => {
    const data = copy();
    const rgc = data.products.find((p) => p.id === 'RGC');
    if (rgc?.checkbox == null) throw new Error('RGC checkbox missing from the file');
    rgc.checkbox.checkbox = 'CHK_CATSALUT';
    expect(fails(data)).toThrow(/checkbox CHK_CATSALUT means both product RCA and product RGC/);
  });

  it('refuses a modality code (or alias) in two products', () => {
    const data = copy();
    const tfm = data.products.find((p) => p.id === 'TFM');
    const first = tfm?.codes[0]?.modalities[0];
    if (first === undefined) throw new Error('TFM modalities missing from the file');
    first.code = 'TFN_VIGENCIA';
    expect(fails(data)).toThrow(/modality code TFN_VIGENCIA belongs to both TFN and TFM/);
  });

  it('refuses a product without the names people use in one language', () => {
    const data = copy();
    const soc = data.products.find((p) => p.id === 'SOC');
    if (soc === undefined) throw new Error('SOC missing from the file');
    soc.names.es = [];
    expect(fails(data)).toThrow(/product SOC: give at least one name/);
  });
});
