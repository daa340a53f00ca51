/**
 * The store's per-ticket records that every agent who opens the ticket sees (the ticks of the
 * steps, the answers to the procedures' questions): one row per ticket and key, holding its latest
 * value, who set it (`agent_id`, `agent_name`) and when (`changed_at`). A change is an upsert and
 * its audit entry in one statement, so neither exists without the other; the later of two agents
 * changing the same key at once is the one recorded.
 */
import type { Database, Row, SqlValue } from '../db/types';
import { auditParams } from './audit';
import type { Agent } from './agent';

export interface TicketRecordTable {
  /** `assistant.step_progress`: a fixed name of this module's callers, never input. */
  readonly table: string;
  /** The column that, with `ticket_id`, is the row's key (`step_id`). */
  readonly key: string;
  /** The columns a change writes besides the key and who and when; each is bound as `:<column>`. */
  readonly values: readonly string[];
  /** The audit entry's outcome: an SQL expression over the changed row's columns. */
  readonly outcome: string;
}

const WHO_AND_WHEN = ['agent_id', 'agent_name', 'changed_at'] as const;

const columnsOf = (t: TicketRecordTable): readonly string[] => [t.key, ...t.values, ...WHO_AND_WHEN];

/** A ticket's records, oldest change first. */
export function readTicketRecords(db: Database, t: TicketRecordTable, ticket: number): Promise<Row[]> {
  return db.query(
    `SELECT ${columnsOf(t).join(', ')} FROM ${t.table} WHERE ticket_id = :ticket ORDER BY changed_at, ${t.key}`,
    { ticket },
  );
}

export interface TicketRecordChange {
  readonly ticket: number;
  /** The key column's value (the step's or the question's id). */
  readonly key: string;
  /** A value for each of the table's `values` columns. */
  readonly values: Readonly<Record<string, SqlValue>>;
  readonly agent: Agent;
  /** The audit entry's action (`progress.set`) and subject; its outcome is the table's. */
  readonly action: string;
  readonly subject: Readonly<Record<string, unknown>>;
}

/** Writes one record and its audit entry; returns the row as stored. */
export async function writeTicketRecord(db: Database, t: TicketRecordTable, change: TicketRecordChange): Promise<Row> {
  const binds = t.values.map((c) => `:${c}`).join(', ');
  const updates = [...t.values, ...WHO_AND_WHEN].map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  const rows = await db.query(
    `WITH changed AS (
       INSERT INTO ${t.table} (ticket_id, ${columnsOf(t).join(', ')})
       VALUES (:ticket, :key, ${binds}, :agent, :agentName, CURRENT_TIMESTAMP)
       ON CONFLICT (ticket_id, ${t.key}) DO UPDATE SET ${updates}
       RETURNING ${columnsOf(t).join(', ')}
     ), logged AS (
       INSERT INTO assistant.audit_log (agent_id, agent_name, ticket_id, action, subject, outcome)
       SELECT :auditAgent, :auditAgentName, :auditTicket, :auditAction, :auditSubject, ${t.outcome}
         FROM changed
     )
     SELECT * FROM changed`,
    {
      ticket: change.ticket,
      key: change.key,
      ...Object.fromEntries(t.values.map((c) => [c, change.values[c] ?? null])),
      agent: change.agent.id,
      agentName: change.agent.name,
      ...auditParams({
        agent: change.agent,
        ticket: change.ticket,
        action: change.action,
        subject: change.subject,
        outcome: '',
      }),
    },
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`The upsert into ${t.table} returned no row`);
  return row;
}
