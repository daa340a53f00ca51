import { useEffect, useMemo, useState } from 'react';
import type { Classification } from '../../domain/classifier';
import type { Facts } from '../../domain/procedures/conditions';
import { plan, type Library, type Plan } from '../../domain/procedures/engine';
import type { StepProgress } from '../../shared/api';
import type { UiLang } from '../i18n/i18n';

/** The desk's procedures: loaded on first use (they are most of the app's data). */
export function useLibrary(): Library | undefined {
  const [library, setLibrary] = useState<Library | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void import('../../domain/procedures/library-data').then((m) => {
      if (live) setLibrary(m.LIBRARY);
    });
    return () => {
      live = false;
    };
  }, []);
  return library;
}

/** The procedure that applies to the ticket, its steps and their state, from what is known now. */
export function usePlan(
  library: Library | undefined,
  inputs: {
    readonly classification: Classification;
    readonly facts: Facts;
    readonly progress: Readonly<Record<string, StepProgress>>;
    readonly lang: UiLang;
    readonly autoCloseDays: number;
  },
): Plan {
  const { classification, facts, progress, lang, autoCloseDays } = inputs;
  return useMemo((): Plan => {
    if (library === undefined) return { steps: [], because: '', questions: [] };
    const done: Record<string, { doneAt: string; doneBy?: string }> = {};
    for (const [id, p] of Object.entries(progress)) if (p.done) done[id] = { doneAt: p.at, doneBy: p.byName ?? p.by };
    return plan(library, { classification, facts, progress: done, now: new Date(), lang, autoCloseDays });
  }, [library, classification, facts, progress, lang, autoCloseDays]);
}
