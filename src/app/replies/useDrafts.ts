import { useState } from 'react';
import { isRecord } from '../../shared/is-record';
import { loadJson, saveJson, ticketKey } from '../storage';

/** The values typed into each reply, per template, kept per ticket in the browser. */
export interface DraftsState {
  readonly drafts: Readonly<Record<string, Record<string, unknown>>>;
  readonly setDraft: (template: string, values: Record<string, unknown>) => void;
}

const isDrafts = (v: unknown): v is Record<string, Record<string, unknown>> =>
  isRecord(v) && Object.values(v).every(isRecord);

export function useDrafts(ticketId: number): DraftsState {
  const key = ticketKey('drafts', ticketId);
  const [drafts, setDrafts] = useState<Record<string, Record<string, unknown>>>(() => loadJson(key, {}, isDrafts));
  const setDraft = (template: string, values: Record<string, unknown>): void => {
    setDrafts((d) => {
      const next = { ...d, [template]: values };
      saveJson(key, next);
      return next;
    });
  };
  return { drafts, setDraft };
}
