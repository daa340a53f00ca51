/**
 * Per-ticket memory in the agent's browser (corrections, answers, drafts, unsent progress and
 * unsent correction records), so that nothing typed is lost when the ticket reloads or the proxy
 * is down. Storage may be unavailable (private windows, quotas): then the app simply forgets, it
 * never fails.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function store(): KeyValueStore | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function loadJson<T>(key: string, fallback: T, accept: (v: unknown) => v is T): T {
  try {
    const raw = store()?.getItem(key);
    if (raw === null || raw === undefined) return fallback;
    const parsed: unknown = JSON.parse(raw);
    return accept(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

export function saveJson(key: string, value: unknown): void {
  try {
    if (value === undefined) store()?.removeItem(key);
    else store()?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or privacy mode: keep working without persistence.
  }
}

/** Where the browser keeps one kind of per-ticket memory: `aoc.<what>.<ticket id>`. */
export type TicketMemory =
  'override' | 'facts' | 'drafts' | 'inserted' | 'queue' | 'correction' | 'answersQueue' | 'answerSources';

export function ticketKey(what: TicketMemory, ticketId: number): string {
  return `aoc.${what}.${String(ticketId)}`;
}
