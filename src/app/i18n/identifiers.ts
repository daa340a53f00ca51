import type { IdentifierCode, IdentifierNoteCode, IdentifierParams } from '../../domain/identifiers';
import type { Translate, UiKey } from './i18n';

/** The agent's-language text of an identifier's refusal or remark (`identifier.<code>`). */
export function identifierReason(
  t: Translate,
  reason: { readonly code: IdentifierCode | IdentifierNoteCode; readonly params: IdentifierParams },
): string {
  // Typed without a cast: a code with no Catalan key fails the typecheck; the test of the
  // translations asks the same of Spanish and English.
  const key: UiKey = `identifier.${reason.code}`;
  return t(key, reason.params);
}
