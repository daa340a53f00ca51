/**
 * Moments of the sidebar's start, as performance marks relative to the frame's navigation start.
 * `npm run bench:sidebar` reads them to print where the time to the first classification goes.
 * Each mark is set once per page: later reloads of the ticket do not move it.
 */
export const START_MARKS = {
  /** The app's entry module runs (it asks Zendesk for the settings and the ticket at once). */
  scriptsEvaluated: 'aoc:scripts-evaluated',
  /** The first view's module is loaded and evaluated: the classifier, its lexicon, React. */
  firstViewLoaded: 'aoc:first-view-loaded',
  /** Zendesk answered the app's settings, context and agent (the SDK's handshake included). */
  settingsRead: 'aoc:settings-read',
  /** The agent's language file is loaded. */
  languageLoaded: 'aoc:language-loaded',
  /** The ticket's fields are read. */
  ticketRead: 'aoc:ticket-read',
  /** The classification is on screen. */
  classificationShown: 'aoc:classification-shown',
} as const;

export type StartMark = (typeof START_MARKS)[keyof typeof START_MARKS];

export function markOnce(name: StartMark): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}
