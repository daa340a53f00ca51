/**
 * A check's result as data: what the panel shows, computed from the proxy's answer when it
 * arrives and kept in state (never React nodes), so that it can be tested, stored and rendered
 * by one component (`ResultView.tsx`).
 */
export interface Segment {
  readonly text: string;
  /** `strong`: the identifier that was found; `muted`: a remark about it. */
  readonly tone?: 'strong' | 'muted';
}

export interface ResultTable {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export type ResultView =
  | { readonly kind: 'empty' }
  | { readonly kind: 'success'; readonly message: string }
  | {
      readonly kind: 'found';
      /** Lines above the table, each made of segments. */
      readonly lines: readonly (readonly Segment[])[];
      readonly table?: ResultTable;
    };

export const date = (iso: string | null): string => (iso === null ? '—' : iso.slice(0, 10));
export const yes = (b: boolean): string => (b ? '✓' : '✗');
export const listOrDash = (items: readonly string[]): string => (items.length === 0 ? '—' : items.join(', '));
