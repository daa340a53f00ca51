/**
 * Answers the proxy has not accepted yet (it was down, or refused for a while): kept per ticket
 * in the browser (`aoc.answersQueue.<ticket>`), shown as the agent gave them, and sent again
 * before the shared answers are read. Pure functions: the hook (`useAnswers`) does the storage
 * and the calls.
 */
import type { Facts } from '../../domain/procedures/conditions';
import { FACT_IDS, type FactId } from '../../domain/procedures/schema';
import type { Answer } from '../../shared/api';
import { isRecord } from '../../domain/is-record';

export interface QueuedAnswer {
  readonly question: FactId;
  /** `null` withdraws the answer. */
  readonly value: boolean | null;
  readonly procedure: string;
  /** When the agent answered (ISO), shown until the proxy has its own time. */
  readonly at: string;
}

const isFactId = (v: unknown): v is FactId => typeof v === 'string' && (FACT_IDS as readonly string[]).includes(v);

export const isAnswerQueue = (v: unknown): v is QueuedAnswer[] =>
  Array.isArray(v) &&
  v.every(
    (q) =>
      isRecord(q) &&
      isFactId(q.question) &&
      (typeof q.value === 'boolean' || q.value === null) &&
      typeof q.procedure === 'string' &&
      typeof q.at === 'string',
  );

/** Adds an answer; an earlier unsent answer to the same question is replaced (the last one counts). */
export function enqueueAnswer(queue: readonly QueuedAnswer[], change: QueuedAnswer): QueuedAnswer[] {
  return [...queue.filter((q) => q.question !== change.question), change];
}

/** A queued answer as the panel shows it: by this agent, when it was given. */
export function asAnswer(change: QueuedAnswer, agentName: string): Answer {
  return {
    question: change.question,
    value: change.value,
    procedure: change.procedure,
    by: 'me',
    byName: agentName,
    at: change.at,
  };
}

/**
 * The answers to show: the proxy's when it answered (else what was shown before), with the unsent
 * ones on top, so they show as the agent left them, proxy up or down.
 */
export function mergeAnswers(
  shown: Readonly<Partial<Record<FactId, Answer>>>,
  fromProxy: readonly Answer[] | undefined,
  queue: readonly QueuedAnswer[],
  agentName: string,
): Partial<Record<FactId, Answer>> {
  const next: Partial<Record<FactId, Answer>> =
    fromProxy === undefined ? { ...shown } : Object.fromEntries(fromProxy.map((a) => [a.question, a]));
  for (const change of queue) next[change.question] = asAnswer(change, agentName);
  return next;
}

/** The facts the procedures read: every answer with a value (a withdrawn one is open again). */
export function factsOf(answers: Readonly<Partial<Record<FactId, Answer>>>): Facts {
  const facts: Facts = {};
  for (const [question, a] of Object.entries(answers)) {
    if (isFactId(question) && a.value !== null) facts[question] = a.value;
  }
  return facts;
}
