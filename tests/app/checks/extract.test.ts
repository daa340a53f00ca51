import { describe, expect, it } from 'vitest';
import { findIdentifiers } from '../../../src/app/checks/extract';

// A local entity's CIF (P) and a company's (B), with valid control characters.
const ENS_CIF = 'P4300000I';
const INTEGRATOR_NIF = 'B12345674';

describe('the ens’s CIF for the checks', () => {
  it('is a public body’s CIF from the text, never a company’s (the integrator’s)', () => {
    expect(
      findIdentifiers(`L'empresa integradora (NIF ${INTEGRATOR_NIF}) demana l'alta per a l'ens ${ENS_CIF}.`).cif,
    ).toBe(ENS_CIF);
    expect(findIdentifiers(`Integrador: ${INTEGRATOR_NIF}`).cif).toBeUndefined();
  });
});
