import { useCallback, useEffect, useState } from 'react';
import { isKnownService, type KnownServiceId, type ProductId } from '../../domain/catalogue';
import { readEnsListOperation, type ReadEnsListResponse } from '../../shared/api';
import type { ZendeskPort } from '../../zendesk/port';
import type { ProxyClient, ProxyProblem } from '../api/proxy-client';
import { attachmentsOf, type FormAttachment } from '../form/useRequestForm';

/**
 * The ticket's attached list of ens (SetDIBA's template, a bulk registration): the app lists the
 * ticket's comments through ZAF to find the .xlsx attachments and asks the proxy to read one
 * (binary downloads are beyond ZAF). Several steps show the same list (the template, the altes,
 * the certificates, the integrator register, the child tickets): one read per ticket and file
 * serves them all, until the agent reads it again.
 */
export type EnsListState =
  | { readonly phase: 'looking' }
  | { readonly phase: 'none' }
  | { readonly phase: 'reading'; readonly file: FormAttachment }
  | { readonly phase: 'read'; readonly file: FormAttachment; readonly list: ReadEnsListResponse }
  | { readonly phase: 'failed'; readonly file: FormAttachment; readonly problem: ProxyProblem }
  | { readonly phase: 'unlisted'; readonly status: number };

export interface EnsListHandle {
  readonly state: EnsListState;
  /** Every spreadsheet attached to the ticket, to pick another one. */
  readonly files: readonly FormAttachment[];
  readonly read: (file: FormAttachment) => void;
}

const SPREADSHEET = /\.(xlsx|xlsm)$/i;

type Answer = { ok: true; list: ReadEnsListResponse } | { ok: false; problem: ProxyProblem };
const reads = new Map<string, Promise<Answer>>();
const listings = new Map<number, Promise<{ status: number; files: FormAttachment[] }>>();

/** Forgets what was read (tests; a new ticket page). */
export function forgetEnsLists(): void {
  reads.clear();
  listings.clear();
}

export interface EnsListDefaults {
  readonly services: readonly KnownServiceId[];
  readonly products: readonly ProductId[];
}

export function useEnsList(
  port: ZendeskPort,
  proxy: ProxyClient,
  ticketId: number,
  defaults: EnsListDefaults,
): EnsListHandle {
  const [state, setState] = useState<EnsListState>({ phase: 'looking' });
  const [files, setFiles] = useState<readonly FormAttachment[]>([]);
  const services = defaults.services.filter(isKnownService).join(',');
  const products = defaults.products.join(',');

  const load = useCallback(
    (file: FormAttachment, again: boolean, live: () => boolean) => {
      const key = `${String(ticketId)}:${String(file.id)}:${services}:${products}`;
      if (again) reads.delete(key);
      let answer = reads.get(key);
      if (answer === undefined) {
        answer = proxy
          .call(readEnsListOperation, {
            body: {
              ticket: ticketId,
              attachment: file.id,
              services: services === '' ? [] : (services.split(',') as KnownServiceId[]),
              products: products === '' ? [] : (products.split(',') as ProductId[]),
            },
          })
          .then((r): Answer => (r.ok ? { ok: true, list: r.data } : { ok: false, problem: r.problem }));
        reads.set(key, answer);
      }
      setState({ phase: 'reading', file });
      void answer.then((a) => {
        // A failed read is asked again next time rather than kept.
        if (!a.ok) reads.delete(key);
        if (!live()) return;
        setState(a.ok ? { phase: 'read', file, list: a.list } : { phase: 'failed', file, problem: a.problem });
      });
    },
    [proxy, ticketId, services, products],
  );

  useEffect(() => {
    const run = { live: true };
    const live = (): boolean => run.live;
    let listing = listings.get(ticketId);
    if (listing === undefined) {
      listing = port
        .request({ url: `/api/v2/tickets/${String(ticketId)}/comments.json`, type: 'GET' })
        .then((r) => ({ status: r.status, files: attachmentsOf(r.body).filter((a) => SPREADSHEET.test(a.name)) }));
      listings.set(ticketId, listing);
    }
    void listing.then(({ status, files: found }) => {
      if (status !== 200) listings.delete(ticketId);
      if (!live()) return;
      setFiles(found);
      const first = found[0];
      if (status !== 200) setState({ phase: 'unlisted', status });
      else if (first === undefined) setState({ phase: 'none' });
      else load(first, false, live);
    });
    return () => {
      run.live = false;
    };
  }, [port, ticketId, load]);

  const read = useCallback(
    (file: FormAttachment) => {
      load(file, true, () => true);
    },
    [load],
  );
  return { state, files, read };
}
