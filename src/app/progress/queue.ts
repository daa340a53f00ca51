/**
 * Step changes the proxy has not accepted yet (it was down, or refused for a while). They are
 * kept per ticket in the browser (`aoc.queue.<ticket>`), shown as the agent left them, and sent
 * again before the shared progress is read. Pure functions: the hook (`useProgress`) does the
 * storage and the calls.
 */
import { isRecord } from '../../domain/is-record';
import type { StepProgress } from '../../shared/api';
import type { ProxyProblem, ProxyResult } from '../api/proxy-client';

export interface QueuedStep {
  readonly stepId: string;
  readonly done: boolean;
  readonly procedure: string;
  /** When the agent ticked it (ISO), shown until the proxy has its own time. */
  readonly at: string;
}

export const isQueue = (v: unknown): v is QueuedStep[] =>
  Array.isArray(v) &&
  v.every(
    (q) =>
      isRecord(q) &&
      typeof q.stepId === 'string' &&
      typeof q.done === 'boolean' &&
      typeof q.procedure === 'string' &&
      typeof q.at === 'string',
  );

/** Adds a change; an earlier unsent change of the same step is replaced (only the last one counts). */
export function enqueue(queue: readonly QueuedStep[], change: QueuedStep): QueuedStep[] {
  return [...queue.filter((q) => q.stepId !== change.stepId), change];
}

export interface FlushResult {
  /** The changes still not accepted, in their order. */
  readonly remaining: QueuedStep[];
  /** The last refusal, if any change was refused. */
  readonly problem?: ProxyProblem;
}

/** Sends each change in order; the ones refused stay queued. */
export async function flush(
  queue: readonly QueuedStep[],
  send: (change: QueuedStep) => Promise<ProxyResult<StepProgress>>,
): Promise<FlushResult> {
  const remaining: QueuedStep[] = [];
  let problem: ProxyProblem | undefined;
  for (const change of queue) {
    const r = await send(change);
    if (!r.ok) {
      remaining.push(change);
      problem = r.problem;
    }
  }
  return problem === undefined ? { remaining } : { remaining, problem };
}

/** A queued change as the progress the panel shows: by this agent, at the time it was ticked. */
export function asProgress(change: QueuedStep, agentName: string): StepProgress {
  return {
    stepId: change.stepId,
    procedure: change.procedure,
    done: change.done,
    by: 'me',
    byName: agentName,
    at: change.at,
    note: null,
  };
}

/**
 * The progress to show: the proxy's steps when it answered (else what was shown before), with
 * the unsent changes on top, so they show as the agent left them, proxy up or down.
 */
export function merge(
  shown: Readonly<Record<string, StepProgress>>,
  fromProxy: readonly StepProgress[] | undefined,
  queue: readonly QueuedStep[],
  agentName: string,
): Record<string, StepProgress> {
  const next: Record<string, StepProgress> =
    fromProxy === undefined ? { ...shown } : Object.fromEntries(fromProxy.map((s) => [s.stepId, s]));
  for (const change of queue) next[change.stepId] = asProgress(change, agentName);
  return next;
}
