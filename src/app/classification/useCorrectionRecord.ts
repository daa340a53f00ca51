import { useCallback, useEffect, useRef, useState } from 'react';
import type { Classification, TicketInput } from '../../domain/classifier';
import type { CorrectionSummary } from '../../domain/corpus/correction';
import { getOwnCorrection, recordCorrection, withdrawCorrection } from '../../shared/api/corrections';
import type { ProxyClient, ProxyProblem } from '../api/proxy-client';
import { loadJson, saveJson, ticketKey } from '../storage';
import { buildRecord, isOffline, isPendingShape, type PendingRecord, type RecordBody } from './correction-record';

/**
 * The agent's record of this ticket for the desk's labelled corpus (issue "every correction
 * teaches"): sent when she corrects the classification or confirms it, shown with its state, kept
 * in the browser while the proxy does not take it, and withdrawn at her word.
 */
export type RecordStatus =
  | { readonly phase: 'idle' }
  | { readonly phase: 'sending' }
  | { readonly phase: 'sent' }
  /** The proxy cannot be reached: the record waits in the browser and goes again on its own. */
  | { readonly phase: 'queued'; readonly problem: ProxyProblem }
  /** The proxy refused it: kept in the browser, sent again on retry. */
  | { readonly phase: 'failed'; readonly problem: ProxyProblem }
  /** This ticket cannot be a record (the proxy would refuse it whatever happens). */
  | { readonly phase: 'invalid'; readonly reason: string }
  | { readonly phase: 'withdrawing' }
  | { readonly phase: 'withdrawn' }
  | { readonly phase: 'withdrawFailed'; readonly problem: ProxyProblem };

export interface CorrectionRecordState {
  readonly status: RecordStatus;
  /** The agent's record of this ticket as the proxy has it (none: never sent, withdrawn, or replaced by another agent's). */
  readonly own: CorrectionSummary | undefined;
  /** A record waits in this browser for the proxy. */
  readonly pending: boolean;
  readonly send: (input: TicketInput, auto: Classification, final: Classification) => void;
  readonly retry: () => void;
  readonly withdraw: () => void;
}

export function useCorrectionRecord(proxy: ProxyClient, ticketId: number): CorrectionRecordState {
  const key = ticketKey('correction', ticketId);
  const [status, setStatus] = useState<RecordStatus>({ phase: 'idle' });
  const [own, setOwn] = useState<CorrectionSummary | undefined>(undefined);
  const [pending, setPendingState] = useState<boolean>(() => loadJson(key, undefined, isPendingShape) !== undefined);
  // Each send gets a number: only the latest one's answer is shown, and only it clears the queue.
  const latest = useRef(0);

  const readPendingRecord = useCallback(
    (): PendingRecord | undefined => loadJson(key, undefined, isPendingShape),
    [key],
  );
  const setPending = useCallback(
    (record: PendingRecord | undefined) => {
      saveJson(key, record);
      setPendingState(record !== undefined);
    },
    [key],
  );

  const deliver = useCallback(
    async (body: RecordBody): Promise<void> => {
      const seq = ++latest.current;
      setStatus({ phase: 'sending' });
      const r = await proxy.call(recordCorrection, { params: { ticketId }, body });
      if (seq !== latest.current) return;
      if (r.ok) {
        setPending(undefined);
        setOwn(r.data);
        setStatus({ phase: 'sent' });
      } else {
        setStatus(
          isOffline(r.problem) ? { phase: 'queued', problem: r.problem } : { phase: 'failed', problem: r.problem },
        );
      }
    },
    [proxy, ticketId, setPending],
  );

  useEffect(() => {
    // When the ticket opens: a record left unsent goes now; otherwise the agent's record is read.
    // State is set when the proxy answers, not synchronously.
    const waiting = readPendingRecord();
    if (waiting !== undefined) {
      // eslint-disable-next-line react-hooks/set-state-in-effect
      void deliver(waiting.body);
      return;
    }
    let live = true;
    void proxy.call(getOwnCorrection, { params: { ticketId } }).then((r) => {
      if (live && r.ok && latest.current === 0) setOwn(r.data.record ?? undefined);
    });
    return () => {
      live = false;
    };
  }, [proxy, ticketId, readPendingRecord, deliver]);

  const send = (input: TicketInput, auto: Classification, final: Classification): void => {
    const built = buildRecord(ticketId, input, auto, final);
    if (!built.ok) {
      latest.current++;
      setStatus({ phase: 'invalid', reason: built.reason });
      return;
    }
    // Kept before it is sent: a closed tab or a failed call leaves it here, to go again.
    setPending({ body: built.body, at: new Date().toISOString() });
    void deliver(built.body);
  };

  const withdraw = (): void => {
    const seq = ++latest.current;
    // An unsent record is withdrawn too: it must not reach the proxy later.
    setPending(undefined);
    if (own === undefined) {
      setStatus({ phase: 'withdrawn' });
      return;
    }
    setStatus({ phase: 'withdrawing' });
    void (async () => {
      const r = await proxy.call(withdrawCorrection, { params: { ticketId } });
      if (seq !== latest.current) return;
      if (r.ok) {
        setOwn(undefined);
        setStatus({ phase: 'withdrawn' });
        return;
      }
      // The answer may have been lost, or the record was already gone: what the proxy holds decides.
      const check = await proxy.call(getOwnCorrection, { params: { ticketId } });
      if (seq !== latest.current) return;
      if (check.ok && check.data.record === null) {
        setOwn(undefined);
        setStatus({ phase: 'withdrawn' });
      } else setStatus({ phase: 'withdrawFailed', problem: r.problem });
    })();
  };

  const retry = (): void => {
    if (status.phase === 'withdrawFailed') {
      withdraw();
      return;
    }
    const waiting = readPendingRecord();
    if (waiting !== undefined) void deliver(waiting.body);
  };

  return { status, own, pending, send, retry, withdraw };
}
