/**
 * What the personal-data scan allows (docs/security.md): fictitious identifiers, example domains,
 * public institutional mailboxes, and where loopback may be written. People are in
 * tests/fixtures/invented-people.txt.
 */

/**
 * The project's fictitious test NIFs (valid control letters, numbers no person holds). Tests
 * that need more build them at run time (the demo data's 99 000 000 + n series is computed, never
 * written out).
 */
export const FICTITIOUS_NIFS: ReadonlySet<string> = new Set([
  // The project's two test NIFs, and the demo database's fixed PSCP user, of the same series.
  '99999972C',
  '99999974E',
  '99999973K',
  // The sample numbers that documentation everywhere uses for a DNI and an NIE of each letter.
  '12345678Z',
  '00000000T',
  'X1234567L',
  'Y1234567X',
  'Z7654321H',
]);

/** Private hosts the tests give as an example of an address that is not public. */
export const TEST_PRIVATE_HOSTS: ReadonlySet<string> = new Set(['192.168.1.10']);

/**
 * Domains reserved for examples (RFC 2606 and the project's example.cat) and their subdomains.
 */
const EXAMPLE_DOMAIN = /(^|\.)(example\.(org|com|net|cat|es)|example|test|invalid|localhost)$/i;

/**
 * Public institutional mailboxes that the desk's manual tells every ens to write to, and that
 * the app offers as setting defaults: functional addresses of public bodies, not of a person.
 */
export const PUBLIC_MAILBOXES: ReadonlySet<string> = new Set([
  'relacionesinstitucionales.cataluna@correo.aeat.es',
  'setdiba@diba.cat',
  // The desk's own functional mailbox, which the manual's Padró message gives every ens.
  'otsuporttecnic@aoc.cat',
]);

export function emailAllowed(address: string): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return EXAMPLE_DOMAIN.test(domain) || PUBLIC_MAILBOXES.has(address.toLowerCase());
}

/**
 * Where 127.0.0.1 may be written: code and tests that bind or call loopback (the proxy, the local
 * run, scripts, tools, tests) and their docs. Never in what the app carries to the browser, whose
 * hosts come from its settings.
 */
const NO_LOOPBACK = /^(src\/(app|domain|shared|zendesk)\/|manifest\.json$|translations\/|release\/)/;

export const loopbackAllowed = (path: string): boolean => !NO_LOOPBACK.test(path);
