import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dcocForms, dcocLineChanges, updateDcocLine } from '../../src/domain/documents/dcoc-line';

describe('the DCOC configuration line', () => {
  it('adds the INE10 in its 9- and 10-digit forms at the end of the list', () => {
    expect(updateDcocLine('dcoc.coit.expedients.organismes=9821920002', '0820550006')).toEqual({
      key: 'dcoc.coit.expedients.organismes',
      colegi: 'COIT',
      before: 'dcoc.coit.expedients.organismes=9821920002',
      after: 'dcoc.coit.expedients.organismes=9821920002,820550006,0820550006',
      added: ['820550006', '0820550006'],
    });
  });

  it('adds only the missing form, nothing when both are there, and one form for a code without a leading zero', () => {
    expect(updateDcocLine('dcoc.x.expedients.organismes=820550006', '820550006')?.added).toEqual(['0820550006']);
    expect(updateDcocLine('dcoc.x.expedients.organismes = 820550006, 0820550006', '0820550006')?.added).toEqual([]);
    expect(dcocForms('1707920002')).toEqual(['1707920002']);
    expect(updateDcocLine('dcoc.cetib.expedients.organismes=', '1707920002')?.after).toBe(
      'dcoc.cetib.expedients.organismes=1707920002',
    );
  });

  it('ignores lines that are not organismes lists and refuses an invalid INE10', () => {
    expect(updateDcocLine('dcoc.timeout=30000', '0820550006')).toBeNull();
    expect(updateDcocLine('dcoc.coac.expedients.organismes=1', '123')).toBeNull();
  });

  it('reads every list of the demo dcoc.properties, comments left out', () => {
    const file = readFileSync(new URL('../../src/proxy/db/demo/dcoc.properties', import.meta.url), 'utf8');
    const changes = dcocLineChanges(file, '0801930008');
    expect(changes.length).toBeGreaterThan(2);
    expect(changes.every((c) => c.key.startsWith('dcoc.') && c.key.endsWith('.organismes'))).toBe(true);
    expect(changes.find((c) => c.colegi === 'COAC')?.added).toEqual([]);
    expect(changes.find((c) => c.colegi === 'COIT')?.added).toEqual(['801930008', '0801930008']);
  });
});
