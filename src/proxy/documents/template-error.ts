/**
 * The MINHAP template itself is wrong (not the ticket's values): the desk's administrators fix it.
 * In a module of its own so that the routes can tell it apart without loading the spreadsheet
 * library at start-up.
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}
