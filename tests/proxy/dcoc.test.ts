// Reading the DCOC module's dcoc.properties lists.
import { describe, expect, it } from 'vitest';
import { dcocStatus, parseDcocProperties } from '../../src/proxy/checks/dcoc';
import { parseIne10 } from '../../src/domain/identifiers';

const FILE = `# comment
dcoc.timeout=30000
! another comment
dcoc.coac.expedients.organismes=801930008,0801930008, 9821920002 ,bad,12
dcoc.caatb.expedients.organismes = 820550006\r
dcoc.coit.organismes=
other.key.organismes=0801930008
`;

function ine10(raw: string) {
  const parsed = parseIne10(raw);
  if (!parsed.ok) throw new Error(parsed.message);
  return { value: parsed.value, warnings: parsed.warnings };
}

describe('dcoc.properties', () => {
  it('reads only dcoc.<col·legi>...organismes lists, in 10-digit form, skipping junk', () => {
    const lists = parseDcocProperties(FILE);
    expect(lists.map((l) => [l.key, l.colegi, [...l.organismes]])).toEqual([
      ['dcoc.coac.expedients.organismes', 'COAC', ['0801930008', '9821920002']],
      ['dcoc.caatb.expedients.organismes', 'CAATB', ['0820550006']],
      ['dcoc.coit.organismes', 'COIT', []],
    ]);
  });

  it('says which col·legis name the ens', () => {
    const lists = parseDcocProperties(FILE);
    expect(dcocStatus(lists, ine10('0820550006')).configuredFor).toEqual(['CAATB']);
    expect(dcocStatus(lists, ine10('801930008')).configuredFor).toEqual(['COAC']);
    expect(dcocStatus(lists, ine10('4317110007')).configuredFor).toEqual([]);
  });
});
