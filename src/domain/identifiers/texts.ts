/**
 * Every reason an identifier is refused or remarked on, by its stable code, in English. The app
 * shows `identifier.<code>` from translations/*.json instead; a test holds both lists equal.
 */
export const IDENTIFIER_TEXTS = {
  'nif.empty': 'The NIF is empty.',
  'nif.characters': 'A NIF holds only letters and digits; found "{{found}}".',
  'nif.length': 'A NIF has 9 characters; this one has {{length}}.',
  'nif.first-letter': 'No NIF starts with the letter {{found}}.',
  'nif.dni-digits': 'A DNI has 8 digits before its control letter.',
  'nif.nie-digits': 'A {{kind}} has a letter and 7 digits before its control letter.',
  'nif.control-letter-missing': 'A {{kind}} ends with a control letter.',
  'nif.control-letter': 'The control letter should be {{expected}}, not {{found}}.',
  'nif.cif-digits': 'A CIF has a letter, 7 digits and a control character.',
  'nif.cif-control-letter': 'A CIF starting with {{org}} ends with the letter {{expected}}, not {{found}}.',
  'nif.cif-control-digit': 'A CIF starting with {{org}} ends with the digit {{expected}}, not {{found}}.',
  'nif.cif-control': 'The control should be {{expected}} or {{letter}}, not {{found}}.',
  'nif.not-person': 'This is the NIF of an organisation (CIF); a person’s NIF is expected.',
  'nif.not-organisation': 'This is the NIF of a person; the NIF of an organisation (CIF) is expected.',
  'ine.empty': 'The INE code is empty.',
  'ine.characters': 'An INE code holds only digits.',
  'ine.length': 'An INE code has 5 digits (6 with its control digit); this one has {{length}}.',
  'ine.province': '{{province}} is not a Spanish province code (01–52).',
  'ine.control-digit': 'The control digit of {{code}} is {{expected}}, not {{found}}.',
  'ine10.empty': 'The INE10 code is empty.',
  'ine10.characters': 'An INE10 code holds only digits.',
  'ine10.length': 'An INE10 code has 10 digits (9 when the leading zero was lost); this one has {{length}}.',
  'dir3.empty': 'The DIR3 code is empty.',
  'dir3.length': 'A DIR3 code has 9 characters; this one has {{length}}.',
  'dir3.first-letter': 'A DIR3 code starts with a letter.',
  'dir3.characters': 'A DIR3 code holds only letters and digits; found "{{found}}".',
  'dir3.l01-digits': 'An ajuntament’s DIR3 is L01 followed by 6 digits.',
  'dir3.control-digit': 'L01 codes end with the INE control digit: {{expected}}, not {{found}}.',
  'dir3.not-ajuntament':
    'Only an ajuntament (entity 000 in its INE10) has a DIR3 that can be derived; look this body up.',
  'ine10.padded': 'The leading zero was missing and has been added.',
  'ine10.unverified':
    'The check digits do not follow the municipal rule: the code is not verified (some non-municipal bodies have such codes).',
} as const;

type Code = keyof typeof IDENTIFIER_TEXTS;
const NOTE_CODES = ['ine10.padded', 'ine10.unverified'] as const;

/** Codes of a remark on a valid identifier; every other code is a refusal. */
export type IdentifierNoteCode = (typeof NOTE_CODES)[number];
export type IdentifierCode = Exclude<Code, IdentifierNoteCode>;

export const IDENTIFIER_NOTE_CODES: readonly IdentifierNoteCode[] = NOTE_CODES;
export const IDENTIFIER_CODES: readonly IdentifierCode[] = (Object.keys(IDENTIFIER_TEXTS) as Code[]).filter(
  (c): c is IdentifierCode => !(NOTE_CODES as readonly string[]).includes(c),
);
