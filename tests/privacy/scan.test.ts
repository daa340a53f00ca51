// The detectors of the personal-data scan, on values made at run time (so that this file, which
// the scan reads too, carries none of them in clear).
import { describe, expect, it } from 'vitest';
import { scanText, type ScanRules } from './scan';

const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const dni = (digits: string): string => `${digits}${LETTERS[Number(digits) % 23] ?? ''}`;
const nie = (prefix: 'X' | 'Y' | 'Z', digits: string): string =>
  `${prefix}${digits}${LETTERS[Number(`${String('XYZ'.indexOf(prefix))}${digits}`) % 23] ?? ''}`;
const ip = (...parts: (number | string)[]): string => parts.join('.');
const at = (local: string, domain: string): string => [local, domain].join('@');
const person = (...words: string[]): string => words.join(' ');

const rules = (over: Partial<ScanRules> = {}): ScanRules => ({
  fictitiousNifs: new Set(),
  testPrivateHosts: new Set(),
  loopbackAllowed: false,
  emailAllowed: (a) => a.endsWith('.example.org') || a.endsWith('@example.org'),
  nameAllowed: () => false,
  ...over,
});
const values = (text: string, r: ScanRules = rules()): string[] => scanText(text, r).map((f) => `${f.kind}:${f.value}`);

describe('national ID numbers', () => {
  it('finds a valid DNI or NIE, written plainly or with a hyphen, and says on which line', () => {
    const a = dni('99999960');
    const b = nie('Y', '9999996');
    expect(values(`x\nDNI ${a}, NIE ${b}`)).toEqual([`nif:${a}`, `nif:${b}`]);
    expect(values(`NIF: ${a.slice(0, 8)}-${a.slice(8)}`)).toEqual([`nif:${a.slice(0, 8)}-${a.slice(8)}`]);
    expect(scanText(`x\n\n${a}`, rules())[0]?.line).toBe(3);
  });

  it('leaves a wrong control letter, a longer code, a CIF and a listed fictitious number alone', () => {
    const a = dni('99999960');
    const wrong = `${a.slice(0, 8)}${a.endsWith('A') ? 'B' : 'A'}`;
    expect(values(`${wrong} 1${a} ${a}9 P0801900B`)).toEqual([]);
    expect(values(a, rules({ fictitiousNifs: new Set([a]) }))).toEqual([]);
  });
});

describe('addresses', () => {
  it('finds private-range, shared and link-local hosts, and a prefix of 192.168', () => {
    const hosts = [ip(10, 20, 30, 40), ip(172, 20, 1, 2), ip(192, 168, 7, 9), ip(100, 100, 1, 1), ip(169, 254, 3, 4)];
    expect(values(hosts.join(' '))).toEqual(hosts.map((h) => `ip:${h}`));
    expect(values(`la xarxa ${ip(192, 168, 77)}.x i ${ip(192, 168, 77)}`)).toEqual([
      `ip:${ip(192, 168, 77, 'x')}`,
      `ip:${ip(192, 168, 77)}`,
    ]);
  });

  it('leaves public hosts, networks, version numbers and listed test hosts alone', () => {
    expect(values(`${ip(83, 44, 12, 7)} ${ip(172, 32, 1, 1)} ${ip(10, 0, 0, 0)}/8 v${ip(10, 4, 2)}`)).toEqual([]);
    const listed = ip(192, 168, 5, 5);
    expect(values(listed, rules({ testPrivateHosts: new Set([listed]) }))).toEqual([]);
  });

  it('allows loopback only where the rules say so', () => {
    const loopback = ip(127, 0, 0, 1);
    expect(values(`http://${loopback}:3000`)).toEqual([`ip:${loopback}`]);
    expect(values(`http://${loopback}:3000`, rules({ loopbackAllowed: true }))).toEqual([]);
  });
});

describe('e-mail addresses', () => {
  it('finds an address outside the allowed domains and mailboxes', () => {
    const real = at('jgarcia', 'ajuntament.cat');
    expect(values(`Escriviu a ${real} o a ${at('suport', 'example.org')}, ${at('a.b', 'x.example.org')}`)).toEqual([
      `email:${real}`,
    ]);
  });
});

describe("people's names", () => {
  it('finds a given name followed by surnames, compound given names included', () => {
    expect(values(`Atentament,\n${person('Jordi', 'Castellví', 'Miró')}\nTècnic`)).toEqual([
      `name:${person('Jordi', 'Castellví', 'Miró')}`,
    ]);
    expect(values(`Salutacions, ${person('Maria', 'Dolors', 'Abelló')}.`)).toEqual([
      `name:${person('Maria', 'Dolors', 'Abelló')}`,
    ]);
  });

  it('leaves invented people, places named after saints, a given name alone and words that follow it', () => {
    const invented = person('Jordi', 'Castellví');
    expect(values(`${invented} Miró`, rules({ nameAllowed: (n) => n.startsWith(invented) }))).toEqual([]);
    expect(values(`${person('Sant', 'Joan', 'Despí')} i ${person('Santa', 'Maria', 'Oló')}`)).toEqual([]);
    expect(values(`Hola Jordi,\nJordi ha escrit. Marta\nVila`)).toEqual([]);
  });
});
