/**
 * What the sidebar sends when the agent corrects the classification or confirms it as right: the
 * ticket as the classifier read it, the classifier's answer and version, and the labels she
 * settled on. A record the proxy has not accepted yet is kept per ticket in the browser
 * (`aoc.correction.<ticket>`) and sent again, so that no correction is lost to an outage. Pure
 * functions: the hook (`useCorrectionRecord`) does the storage and the calls.
 */
import { version } from '../../../manifest.json';
import type { Classification, TicketInput } from '../../domain/classifier';
import { changedFields, originalAnswerOf, type LabelField, type Labels } from '../../domain/corpus/correction';
import { isRecord } from '../../domain/is-record';
import { RecordCorrectionBody } from '../../shared/api/corrections';
import type { ProxyProblem } from '../api/proxy-client';

/** The classifier runs in the app: its version is the app's (the manifest's, as Zendesk shows it). */
export const CLASSIFIER_VERSION: string = version;

export type RecordBody = RecordCorrectionBody;

export function labelsOf(c: Classification): Labels {
  return { service: c.service, products: c.products, environment: c.environment, ambit: c.ambit, flags: c.flags };
}

/** The fields the agent changed from the classifier's answer (none: a confirmation). */
export function correctedFields(auto: Classification, final: Classification): LabelField[] {
  return changedFields(labelsOf(auto), labelsOf(final));
}

export type BuiltRecord =
  { readonly ok: true; readonly body: RecordBody } | { readonly ok: false; readonly reason: string };

/**
 * The record of this ticket, checked against the operation's own schema before it is sent: a
 * ticket the proxy would refuse (a description over its bound) is said so at once, not retried.
 */
export function buildRecord(
  ticketId: number,
  input: TicketInput,
  auto: Classification,
  final: Classification,
): BuiltRecord {
  const candidate = {
    ticket: {
      id: String(ticketId),
      subject: input.subject,
      description: input.description,
      requester: input.requester ?? null,
      organization: input.organization ?? null,
      tags: input.tags ?? [],
      attachments: input.attachments ?? [],
      ...(input.form === undefined || input.form === null ? {} : { form: input.form }),
    },
    original: originalAnswerOf(auto),
    labels: labelsOf(final),
    classifierVersion: CLASSIFIER_VERSION,
  };
  const parsed = RecordCorrectionBody.safeParse(candidate);
  if (parsed.success) return { ok: true, body: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: issue === undefined ? '' : `${issue.path.join('.')}: ${issue.message}` };
}

/** A record waiting in the browser for the proxy. */
export interface PendingRecord {
  readonly body: RecordBody;
  /** When the agent settled it (ISO). */
  readonly at: string;
}

export function readPending(value: unknown): PendingRecord | undefined {
  if (!isRecord(value) || typeof value.at !== 'string') return undefined;
  const body = RecordCorrectionBody.safeParse(value.body);
  return body.success ? { body: body.data, at: value.at } : undefined;
}

export const isPendingShape = (v: unknown): v is PendingRecord => readPending(v) !== undefined;

/**
 * The proxy could not be reached or cannot answer now: the record waits and goes again on its own.
 * Any other refusal is told as a failure (still kept, and sent again on retry).
 */
export function isOffline(problem: ProxyProblem): boolean {
  return problem.kind === 'network' || problem.kind === 'unavailable' || problem.kind === 'rateLimited';
}
