import { useCallback, useEffect, useState } from 'react';
import { getProgress, setStep, type StepProgress } from '../../shared/api/progress';
import type { ProxyClient, ProxyProblem } from '../api/proxy-client';
import { loadJson, saveJson, ticketKey } from '../storage';
import { asProgress, enqueue, flush, isQueue, merge, type QueuedStep } from './queue';

/**
 * The procedure's progress on this ticket, shared by every agent through the proxy. A change
 * the proxy does not accept is queued in the browser and sent again on the next read (and on
 * "retry"), so a tick is never lost to an outage.
 */
export interface ProgressState {
  readonly progress: Readonly<Record<string, StepProgress>>;
  /** Why the last exchange with the proxy failed, while it has not succeeded since. */
  readonly problem?: ProxyProblem;
  readonly toggleStep: (stepId: string, done: boolean, procedure: string) => Promise<void>;
  readonly retry: () => Promise<void>;
}

export function useProgress(proxy: ProxyClient, ticketId: number, agentName: string): ProgressState {
  const [progress, setProgress] = useState<Record<string, StepProgress>>({});
  const [problem, setProblem] = useState<ProxyProblem | undefined>(undefined);
  const key = ticketKey('queue', ticketId);
  const readQueue = useCallback(() => loadJson<QueuedStep[]>(key, [], isQueue), [key]);
  const writeQueue = useCallback(
    (queue: readonly QueuedStep[]) => {
      saveJson(key, queue.length === 0 ? undefined : queue);
    },
    [key],
  );

  const send = useCallback(
    (change: QueuedStep) =>
      proxy.call(setStep, {
        params: { ticketId, stepId: change.stepId },
        body: { done: change.done, procedure: change.procedure },
      }),
    [proxy, ticketId],
  );

  const load = useCallback(async (): Promise<void> => {
    const queued = readQueue();
    const flushed = await flush(queued, send);
    writeQueue(flushed.remaining);
    const r = await proxy.call(getProgress, { params: { ticketId } });
    const queue = readQueue();
    setProgress((shown) => merge(shown, r.ok ? r.data.steps : undefined, queue, agentName));
    if (!r.ok) setProblem(r.problem);
    else if (flushed.problem !== undefined) setProblem(flushed.problem);
    else if (queue.length === 0) setProblem(undefined);
  }, [proxy, ticketId, agentName, readQueue, writeQueue, send]);

  useEffect(() => {
    // Fetching the shared progress from the proxy when the ticket opens is this effect's purpose;
    // state is set when the answer arrives, not synchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const toggleStep = async (stepId: string, done: boolean, procedure: string): Promise<void> => {
    const change: QueuedStep = { stepId, done, procedure, at: new Date().toISOString() };
    setProgress((p) => ({ ...p, [stepId]: asProgress(change, agentName) }));
    const r = await send(change);
    if (r.ok) {
      setProgress((p) => ({ ...p, [stepId]: r.data }));
      setProblem(undefined);
      return;
    }
    setProblem(r.problem);
    writeQueue(enqueue(readQueue(), change));
  };

  return { progress, ...(problem === undefined ? {} : { problem }), toggleStep, retry: load };
}
