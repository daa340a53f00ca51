import { parseIne10, ineControlDigit } from './ine';
import { compact, fail, isDigits, ok, type IdentifierResult } from './result';

/**
 * DIR3, the state's directory of administrative units: 9 characters. Local bodies use
 * L01 (ajuntament) + the 6-digit INE code, L02 (diputació) + 0000 + province, L05 mancomunitat,
 * L06 comarca, L07 àrea metropolitana.
 */
export function parseDir3(input: string): IdentifierResult<'DIR3'> {
  const value = compact(input);
  if (value.length === 0) return fail('dir3.empty');
  if (value.length !== 9) return fail('dir3.length', { length: value.length });
  const first = value.charAt(0);
  if (first < 'A' || first > 'Z') return fail('dir3.first-letter');
  for (const ch of value) {
    if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z'))) {
      return fail('dir3.characters', { found: ch });
    }
  }
  if (value.startsWith('L01')) {
    const ine6 = value.slice(3);
    if (!isDigits(ine6)) return fail('dir3.l01-digits');
    const dc = String(ineControlDigit(ine6.slice(0, 5)));
    if (ine6.charAt(5) !== dc) {
      return fail('dir3.control-digit', { expected: dc, found: ine6.charAt(5) });
    }
  }
  return ok('DIR3', value);
}

/**
 * The DIR3 of an ajuntament, derived from its INE10 (or INE code): `L01` + the 6-digit INE code.
 * Only valid for the ajuntament itself (entity `000`); the desk looks other bodies up.
 */
export function deriveAjuntamentDir3(ine10: string): IdentifierResult<'DIR3'> {
  const parsed = parseIne10(ine10);
  if (!parsed.ok) return parsed;
  if (parsed.value.slice(6, 9) !== '000') {
    return fail('dir3.not-ajuntament');
  }
  return ok('DIR3', 'L01' + parsed.value.slice(0, 6), parsed.notes);
}
