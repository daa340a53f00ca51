import { useCallback, useEffect, useState } from 'react';
import type { FormReading } from '../../domain/form/schema';
import type { ZendeskPort } from '../../zendesk/port';
import { readRequestForm } from '../../shared/form-api';
import type { ProxyClient, ProxyProblem } from '../api/proxy-client';
import { isRecord } from '../../domain/is-record';

/**
 * The ens's request form for the open ticket. The app lists the ticket's comments through ZAF
 * (JSON, which `client.request` handles) to find the form's attachment id, and asks the proxy to
 * fetch and read it (binary downloads are beyond ZAF). When the proxy cannot, the agent drops or
 * picks the PDF and it is read here, in a chunk loaded only then.
 */
export interface FormAttachment {
  readonly id: number;
  readonly name: string;
}

export type RequestFormState =
  | { readonly phase: 'looking' }
  | { readonly phase: 'none' }
  | { readonly phase: 'reading'; readonly file: string }
  | { readonly phase: 'read'; readonly reading: FormReading; readonly file: string; readonly via: 'proxy' | 'file' }
  | { readonly phase: 'fallback'; readonly attachment: FormAttachment; readonly problem: ProxyProblem };

export interface RequestForm {
  readonly state: RequestFormState;
  /** The reading when the file was read (any status), for the classifier and the prefills. */
  readonly reading: FormReading | undefined;
  readonly readFile: (file: File) => Promise<void>;
}

/** Largest file the browser reads (the reader refuses more anyway; this spares the memory). */
const MAX_BROWSER_FILE = 10 * 1024 * 1024;

const FORM_NAME = /formulari|sol[·.\-_ ]?licitud|solicitud/i;

/** The attachment most likely to be the form: a PDF named like it, else the first PDF. */
export function pickFormAttachment(attachments: readonly FormAttachment[]): FormAttachment | undefined {
  const pdfs = attachments.filter((a) => /\.pdf$/i.test(a.name));
  return pdfs.find((a) => FORM_NAME.test(a.name)) ?? pdfs[0];
}

export function attachmentsOf(body: unknown): FormAttachment[] {
  if (!isRecord(body) || !Array.isArray(body.comments)) return [];
  const out: FormAttachment[] = [];
  for (const comment of body.comments) {
    if (!isRecord(comment) || !Array.isArray(comment.attachments)) continue;
    for (const a of comment.attachments) {
      if (isRecord(a) && typeof a.id === 'number' && typeof a.file_name === 'string') {
        out.push({ id: a.id, name: a.file_name });
      }
    }
  }
  return out;
}

export function useRequestForm(port: ZendeskPort, proxy: ProxyClient, ticketId: number): RequestForm {
  const [state, setState] = useState<RequestFormState>({ phase: 'looking' });

  useEffect(() => {
    // An object, not a let: the cleanup below changes it while the reads are under way.
    const run = { live: true };
    const stale = (): boolean => !run.live;
    void (async () => {
      const listed = await port.request({ url: `/api/v2/tickets/${String(ticketId)}/comments.json`, type: 'GET' });
      const attachment = listed.status === 200 ? pickFormAttachment(attachmentsOf(listed.body)) : undefined;
      if (stale()) return;
      if (attachment === undefined) {
        setState({ phase: 'none' });
        return;
      }
      setState({ phase: 'reading', file: attachment.name });
      const r = await proxy.call(readRequestForm, { body: { ticket: ticketId, attachment: attachment.id } });
      if (stale()) return;
      setState(
        r.ok
          ? { phase: 'read', reading: r.data.form, file: r.data.attachment.name, via: 'proxy' }
          : { phase: 'fallback', attachment, problem: r.problem },
      );
    })().catch(() => {
      if (run.live) setState({ phase: 'none' });
    });
    return () => {
      run.live = false;
    };
  }, [port, proxy, ticketId]);

  const readFile = useCallback(async (file: File): Promise<void> => {
    setState({ phase: 'reading', file: file.name });
    if (file.size > MAX_BROWSER_FILE) {
      setState({
        phase: 'read',
        via: 'file',
        file: file.name,
        reading: { file: file.name, status: 'unreadable', code: 'TOO_LARGE', reason: 'The file is too large.' },
      });
      return;
    }
    // The reader (pdf-lib, saxes, fflate) loads only now: the sidebar's first bundle stays small.
    const [{ readForm }, bytes] = await Promise.all([import('../../domain/form/read'), file.arrayBuffer()]);
    const reading = await readForm(new Uint8Array(bytes), { file: file.name });
    setState({ phase: 'read', reading, file: file.name, via: 'file' });
  }, []);

  return { state, reading: state.phase === 'read' ? state.reading : undefined, readFile };
}
