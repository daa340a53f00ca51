/**
 * The desk's own labelled corpus: one record per ticket (the latest correction or confirmation
 * wins), holding the ticket's input as the classifier saw it, its answer, the agent's labels, who
 * and when, and the classifier's version. Records older than the retention are never returned
 * and are purged at start-up and periodically. An agent lists and withdraws her own records only:
 * every statement that touches "her" records filters on the verified JWT subject.
 *
 * Tickets and answers are JSON in TEXT columns: portable to every PostgreSQL the store runs on,
 * and read back through the zod schemas, so a malformed row is an error, never a wrong answer.
 */
import type { Database, Row } from '../db/types';
import { int, iso, text, textOrNull } from '../checks/rows';
import { auditParams } from './audit';
import type { Agent } from './agent';
import {
  changedFields,
  LABEL_FIELDS,
  CorrectedTicketSchema,
  LabelsSchema,
  OriginalAnswerSchema,
  type CorrectedTicket,
  type CorrectionRecord,
  type CorrectionSummary,
  type Labels,
  type ListCursor,
  type OriginalAnswer,
} from '../../domain/corpus/correction';
import { z } from 'zod';

export const CORRECTIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS assistant.classification_corrections (
  ticket_id           BIGINT       PRIMARY KEY,
  agent_id            VARCHAR(128) NOT NULL,
  agent_name          VARCHAR(200),
  corrected_at        TIMESTAMPTZ  NOT NULL,
  classifier_version  VARCHAR(64)  NOT NULL,
  kind                VARCHAR(16)  NOT NULL,
  changed_fields      VARCHAR(100) NOT NULL,
  subject             TEXT         NOT NULL,
  ticket_json         TEXT         NOT NULL,
  original_json       TEXT         NOT NULL,
  labels_json         TEXT         NOT NULL
);
CREATE INDEX IF NOT EXISTS classification_corrections_by_agent
  ON assistant.classification_corrections (agent_id, corrected_at);
CREATE INDEX IF NOT EXISTS classification_corrections_by_time
  ON assistant.classification_corrections (corrected_at);
`;

export interface NewCorrection {
  readonly input: CorrectedTicket;
  readonly original: OriginalAnswer;
  readonly labels: Labels;
  readonly classifierVersion: string;
}

export interface CorrectionsSettings {
  /** Records older than this many days are neither returned nor kept. */
  readonly retentionDays: number;
  /** The store's clock; tests move it. */
  readonly now?: () => Date;
}

const DAY_MS = 86_400_000;
const SUMMARY_COLUMNS = `ticket_id, agent_id, agent_name, corrected_at, classifier_version, kind, changed_fields, subject, labels_json`;
const FULL_COLUMNS = `${SUMMARY_COLUMNS}, ticket_json, original_json`;
/** Most records one list returns; the export pages through the rest by date. */
export const LIST_LIMIT = 1000;

const ChangedFields = z.array(z.enum(LABEL_FIELDS));

function json<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  return schema.parse(JSON.parse(text(value)));
}

function toSummary(r: Row): CorrectionSummary {
  const changed = text(r.changed_fields);
  return {
    ticket: int(r.ticket_id),
    kind: z.enum(['confirmed', 'corrected']).parse(text(r.kind)),
    changed: ChangedFields.parse(changed === '' ? [] : changed.split(',')),
    subject: text(r.subject),
    labels: json(LabelsSchema, r.labels_json),
    classifierVersion: text(r.classifier_version),
    by: text(r.agent_id),
    byName: textOrNull(r.agent_name),
    at: iso(r.corrected_at),
  };
}

function toRecord(r: Row): CorrectionRecord {
  return {
    ...toSummary(r),
    input: json(CorrectedTicketSchema, r.ticket_json),
    original: json(OriginalAnswerSchema, r.original_json),
  };
}

export class CorrectionsStore {
  private readonly now: () => Date;

  constructor(
    private readonly db: Database,
    private readonly settings: CorrectionsSettings,
  ) {
    this.now = settings.now ?? (() => new Date());
  }

  /** The oldest moment a record may have and still be kept. */
  private cutoff(): Date {
    return new Date(this.now().getTime() - this.settings.retentionDays * DAY_MS);
  }

  /** Records (or replaces) the ticket's correction; the audit entry is part of the same statement. */
  async record(ticket: number, correction: NewCorrection, agent: Agent): Promise<CorrectionSummary> {
    const changed = changedFields(correction.original, correction.labels);
    const kind = changed.length === 0 ? 'confirmed' : 'corrected';
    const rows = await this.db.query(
      `WITH saved AS (
         INSERT INTO assistant.classification_corrections
           (ticket_id, agent_id, agent_name, corrected_at, classifier_version, kind, changed_fields, subject,
            ticket_json, original_json, labels_json)
         VALUES (:ticket, :agent, :agentName, :at, :version, :kind, :changed, :subject, :ticketJson, :originalJson, :labelsJson)
         ON CONFLICT (ticket_id) DO UPDATE
           SET agent_id = EXCLUDED.agent_id, agent_name = EXCLUDED.agent_name, corrected_at = EXCLUDED.corrected_at,
               classifier_version = EXCLUDED.classifier_version, kind = EXCLUDED.kind,
               changed_fields = EXCLUDED.changed_fields, subject = EXCLUDED.subject,
               ticket_json = EXCLUDED.ticket_json, original_json = EXCLUDED.original_json,
               labels_json = EXCLUDED.labels_json
         RETURNING ${SUMMARY_COLUMNS}
       ), logged AS (
         INSERT INTO assistant.audit_log (agent_id, agent_name, ticket_id, action, subject, outcome)
         SELECT :auditAgent, :auditAgentName, :auditTicket, :auditAction, :auditSubject, :outcome FROM saved
       )
       SELECT * FROM saved`,
      {
        ticket,
        agent: agent.id,
        agentName: agent.name,
        at: this.now(),
        version: correction.classifierVersion,
        kind,
        outcome: kind,
        changed: changed.join(','),
        subject: correction.input.subject,
        ticketJson: JSON.stringify(correction.input),
        originalJson: JSON.stringify(correction.original),
        labelsJson: JSON.stringify(correction.labels),
        ...auditParams({
          agent,
          ticket,
          action: 'correction.record',
          subject: { changed, classifierVersion: correction.classifierVersion },
          outcome: '',
        }),
      },
    );
    const row = rows[0];
    if (row === undefined) throw new Error('The correction upsert returned no row');
    return toSummary(row);
  }

  /** The agent's own records, newest first. */
  async listOwn(agent: Agent): Promise<CorrectionSummary[]> {
    const rows = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM assistant.classification_corrections
        WHERE agent_id = :agent AND corrected_at >= :cutoff
        ORDER BY corrected_at DESC, ticket_id DESC FETCH FIRST ${LIST_LIMIT} ROWS ONLY`,
      { agent: agent.id, cutoff: this.cutoff() },
    );
    return rows.map(toSummary);
  }

  /** The agent's own record of one ticket, or undefined (none, expired, or another agent's). */
  async getOwn(ticket: number, agent: Agent): Promise<CorrectionSummary | undefined> {
    const rows = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM assistant.classification_corrections
        WHERE ticket_id = :ticket AND agent_id = :agent AND corrected_at >= :cutoff`,
      { ticket, agent: agent.id, cutoff: this.cutoff() },
    );
    const row = rows[0];
    return row === undefined ? undefined : toSummary(row);
  }

  /**
   * Every agent's records since a date, oldest first; `after` continues a listing past the last
   * record it returned (records are ordered by time, then ticket, so no record is skipped or
   * repeated between pages).
   */
  async listAll(
    since: Date | undefined,
    options: { readonly after?: ListCursor; readonly limit?: number } = {},
  ): Promise<CorrectionRecord[]> {
    const cutoff = this.cutoff();
    const from = since !== undefined && since > cutoff ? since : cutoff;
    const limit = Math.min(Math.max(1, Math.floor(options.limit ?? LIST_LIMIT)), LIST_LIMIT);
    const after = options.after;
    const rows = await this.db.query(
      `SELECT ${FULL_COLUMNS} FROM assistant.classification_corrections
        WHERE corrected_at >= :from
          ${after === undefined ? '' : 'AND (corrected_at > :afterAt OR (corrected_at = :afterAt AND ticket_id > :afterTicket))'}
        ORDER BY corrected_at, ticket_id FETCH FIRST ${limit} ROWS ONLY`,
      after === undefined ? { from } : { from, afterAt: new Date(after.at), afterTicket: after.ticket },
    );
    return rows.map(toRecord);
  }

  /** Every record since a date, all pages. */
  async exportAll(since: Date | undefined): Promise<CorrectionRecord[]> {
    const out: CorrectionRecord[] = [];
    let after: ListCursor | undefined;
    for (;;) {
      const page = await this.listAll(since, after === undefined ? {} : { after });
      out.push(...page);
      const last = page.at(-1);
      if (last === undefined || page.length < LIST_LIMIT) return out;
      after = { at: last.at, ticket: last.ticket };
    }
  }

  /**
   * Withdraws the agent's own record of a ticket. False when there is none of hers (none at all,
   * or another agent's: that one is not hers to withdraw).
   */
  async withdraw(ticket: number, agent: Agent): Promise<boolean> {
    const rows = await this.db.query(
      `WITH gone AS (
         DELETE FROM assistant.classification_corrections
          WHERE ticket_id = :ticket AND agent_id = :agent
         RETURNING ticket_id
       ), logged AS (
         INSERT INTO assistant.audit_log (agent_id, agent_name, ticket_id, action, subject, outcome)
         SELECT :auditAgent, :auditAgentName, :auditTicket, :auditAction, :auditSubject, 'withdrawn' FROM gone
       )
       SELECT ticket_id FROM gone`,
      {
        ticket,
        agent: agent.id,
        ...auditParams({ agent, ticket, action: 'correction.withdraw', subject: {}, outcome: '' }),
      },
    );
    return rows.length > 0;
  }

  /** Deletes the records older than the retention; returns how many. */
  async purgeExpired(): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM assistant.classification_corrections WHERE corrected_at < :cutoff RETURNING ticket_id`,
      { cutoff: this.cutoff() },
    );
    return rows.length;
  }
}

interface RetentionLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Hourly by default: retention is counted in days, so an hour late is never a day late. */
export const PURGE_INTERVAL_MS = 3_600_000;

/**
 * Purges now and then every `intervalMs`; a failed purge is logged and tried again at the next
 * tick. Returns the function that stops it (the timer never keeps the process alive).
 */
export function startRetention(
  store: CorrectionsStore,
  log: RetentionLog,
  intervalMs = PURGE_INTERVAL_MS,
): { first: Promise<void>; stop: () => void } {
  const purge = async (): Promise<void> => {
    try {
      const purged = await store.purgeExpired();
      if (purged > 0) log.info({ purged }, 'expired classification corrections purged');
    } catch (err) {
      log.warn({ err }, 'purging expired classification corrections failed; trying again later');
    }
  };
  const first = purge();
  const timer = setInterval(() => void purge(), intervalMs);
  timer.unref();
  return {
    first,
    stop: () => {
      clearInterval(timer);
    },
  };
}
