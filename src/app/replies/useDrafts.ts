import { useState } from 'react';
import { isRecord } from '../../domain/is-record';
import { loadJson, saveJson, ticketKey } from '../storage';

/**
 * The values typed into each reply, per template, and the replies already inserted, kept per
 * ticket in the browser (inserting the same reply twice asks first, even after a reload).
 */
export interface DraftsState {
  readonly drafts: Readonly<Record<string, Record<string, unknown>>>;
  readonly setDraft: (template: string, values: Record<string, unknown>) => void;
  readonly inserted: readonly string[];
  readonly markInserted: (template: string) => void;
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

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
  const insertedKey = ticketKey('inserted', ticketId);
  const [inserted, setInserted] = useState<string[]>(() => loadJson(insertedKey, [], isStringList));
  const markInserted = (template: string): void => {
    setInserted((list) => {
      if (list.includes(template)) return list;
      const next = [...list, template];
      saveJson(insertedKey, next);
      return next;
    });
  };
  return { drafts, setDraft, inserted, markInserted };
}
