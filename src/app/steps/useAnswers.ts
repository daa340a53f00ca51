import { useState } from 'react';
import type { Facts } from '../../domain/procedures/conditions';
import { FACT_IDS, type FactId } from '../../domain/procedures/schema';
import { isRecord } from '../../shared/is-record';
import type { FoundIdentifiers } from '../checks/extract';
import { loadJson, saveJson, ticketKey } from '../storage';

/**
 * What is known about the ticket beyond its text: the answers to the procedure's questions (given
 * by the agent or by a check, kept per ticket in the browser) and the identifiers the checks
 * confirmed (the INE10 checked, the PSCP user's NIF), which prefill replies.
 */
export interface AnswersState {
  readonly facts: Facts;
  readonly setFact: (fact: FactId, value: boolean | undefined) => void;
  readonly known: FoundIdentifiers;
  readonly remember: (values: FoundIdentifiers) => void;
}

const isFacts = (v: unknown): v is Facts =>
  isRecord(v) &&
  Object.entries(v).every(([k, x]) => (FACT_IDS as readonly string[]).includes(k) && typeof x === 'boolean');

export function useAnswers(ticketId: number): AnswersState {
  const key = ticketKey('facts', ticketId);
  const [facts, setFacts] = useState<Facts>(() => loadJson(key, {}, isFacts));
  const [known, setKnown] = useState<FoundIdentifiers>({});
  const setFact = (fact: FactId, value: boolean | undefined): void => {
    setFacts((f) => {
      const next: Facts = Object.fromEntries(Object.entries(f).filter(([k]) => k !== fact));
      if (value !== undefined) next[fact] = value;
      saveJson(key, next);
      return next;
    });
  };
  const remember = (values: FoundIdentifiers): void => {
    setKnown((k) => ({ ...k, ...values }));
  };
  return { facts, setFact, known, remember };
}
