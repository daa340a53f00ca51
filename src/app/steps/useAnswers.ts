import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Facts } from '../../domain/procedures/conditions';
import type { FactId } from '../../domain/procedures/schema';
import { getAnswers, setAnswer, type Answer } from '../../shared/api/answers';
import type { ProxyClient, ProxyProblem } from '../api/proxy-client';
import type { CheckId } from '../../shared/api/check-ids';
import type { Learned } from '../checks/registry';
import { isRecord } from '../../domain/is-record';
import { loadJson, saveJson, ticketKey } from '../storage';
import { enqueueAnswer, factsOf, isAnswerQueue, mergeAnswers, type QueuedAnswer } from './answers-queue';

/**
 * What is known about the ticket beyond its text. The answers to the procedure's questions
 * (MINHAP confirmed, the col·legi's permission, the head of service's return...), given by an
 * agent or by a check, are shared through the proxy with who gave them and when, so a second
 * agent on the ticket sees them; an answer the proxy does not accept is queued in the browser and
 * sent again on the next read (and on "retry"), like the ticks. What the checks confirmed (the
 * INE10, the PSCP user's NIF, the SIRI rows) prefills replies in this browser.
 */
/** Where an answer came from when it was not the agent's click: the check whose result gave it. */
export interface AnswerSource {
  readonly check: CheckId;
}

/** Answers a question (undefined withdraws the answer), as the panels call it; a check says so. */
export type SetFact = (fact: FactId, value: boolean | undefined, from?: AnswerSource) => void;

/** Answers a check gave, with the value it gave: shown as such while the answer stays that value. */
export type AnswerSources = Readonly<Partial<Record<FactId, AnswerSource & { readonly value: boolean }>>>;

const isSources = (v: unknown): v is Partial<Record<FactId, AnswerSource & { value: boolean }>> =>
  isRecord(v) &&
  Object.values(v).every(
    (x) =>
      isRecord(x) && typeof x.check === 'string' && /^[a-z][a-z0-9-]*$/.test(x.check) && typeof x.value === 'boolean',
  );

export interface AnswersState {
  readonly facts: Facts;
  /** Each answer with who gave it and when (the queued ones as this agent gave them). */
  readonly answers: Readonly<Partial<Record<FactId, Answer>>>;
  /** The answers a check gave (kept in this browser; the proxy keeps who and when). */
  readonly sources: AnswerSources;
  /** Answers a question in a procedure (the audit log says which); `from` when a check answered. */
  readonly answer: (fact: FactId, value: boolean | undefined, procedure: string, from?: AnswerSource) => void;
  /** Why the last exchange with the proxy failed, while it has not succeeded since. */
  readonly problem?: ProxyProblem;
  readonly retry: () => Promise<void>;
  readonly known: Learned;
  readonly remember: (values: Learned) => void;
}

export function useAnswers(proxy: ProxyClient, ticketId: number, agentName: string): AnswersState {
  const [answers, setAnswers] = useState<Partial<Record<FactId, Answer>>>({});
  const [problem, setProblem] = useState<ProxyProblem | undefined>(undefined);
  const [known, setKnown] = useState<Learned>({});
  const key = ticketKey('answersQueue', ticketId);
  const sourcesKey = ticketKey('answerSources', ticketId);
  const [sources, setSources] = useState<AnswerSources>(() => loadJson(sourcesKey, {}, isSources));
  const readQueue = useCallback(() => loadJson<QueuedAnswer[]>(key, [], isAnswerQueue), [key]);
  const writeQueue = useCallback(
    (queue: readonly QueuedAnswer[]) => {
      saveJson(key, queue.length === 0 ? undefined : queue);
    },
    [key],
  );
  const send = useCallback(
    (change: QueuedAnswer) =>
      proxy.call(setAnswer, {
        params: { ticketId, questionId: change.question },
        body: { value: change.value, procedure: change.procedure },
      }),
    [proxy, ticketId],
  );

  const load = useCallback(async (): Promise<void> => {
    let flushProblem: ProxyProblem | undefined;
    const remaining: QueuedAnswer[] = [];
    for (const change of readQueue()) {
      const r = await send(change);
      if (!r.ok) {
        remaining.push(change);
        flushProblem = r.problem;
      }
    }
    writeQueue(remaining);
    const r = await proxy.call(getAnswers, { params: { ticketId } });
    const queue = readQueue();
    setAnswers((shown) => mergeAnswers(shown, r.ok ? r.data.answers : undefined, queue, agentName));
    if (!r.ok) setProblem(r.problem);
    else if (flushProblem !== undefined) setProblem(flushProblem);
    else if (queue.length === 0) setProblem(undefined);
  }, [proxy, ticketId, agentName, readQueue, writeQueue, send]);

  useEffect(() => {
    // Fetching the shared answers when the ticket opens is this effect's purpose; state is set
    // when the proxy answers, not synchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const answer = (fact: FactId, value: boolean | undefined, procedure: string, from?: AnswerSource): void => {
    // The agent's own answer replaces what a check said; a check's answer says which check.
    setSources((shown) => {
      // Keys are the questions answered before (FactIds); the schema's list is not loaded up front.
      const next = Object.fromEntries(Object.entries(shown).filter(([f]) => f !== fact)) as Partial<
        Record<FactId, AnswerSource & { value: boolean }>
      >;
      if (from !== undefined && value !== undefined) next[fact] = { check: from.check, value };
      // Written as it is decided (repeating it is harmless), so a reload shows it too.
      saveJson(sourcesKey, Object.keys(next).length === 0 ? undefined : next);
      return next;
    });
    const change: QueuedAnswer = { question: fact, value: value ?? null, procedure, at: new Date().toISOString() };
    setAnswers((a) => mergeAnswers(a, undefined, [change], agentName));
    void send(change).then((r) => {
      if (r.ok) {
        setAnswers((a) => ({ ...a, [fact]: r.data }));
        setProblem(undefined);
        return;
      }
      setProblem(r.problem);
      writeQueue(enqueueAnswer(readQueue(), change));
    });
  };

  const remember = (values: Learned): void => {
    setKnown((k) => ({ ...k, ...values }));
  };

  const facts = useMemo(() => factsOf(answers), [answers]);
  return {
    facts,
    answers,
    sources,
    answer,
    ...(problem === undefined ? {} : { problem }),
    retry: load,
    known,
    remember,
  };
}
