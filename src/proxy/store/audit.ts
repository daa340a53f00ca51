/**
 * The audit log: who (agent), which ticket, what (action and its subject), when, and the outcome.
 * Every check and every change writes one entry; a change writes it in the same statement as the
 * change itself, so neither exists without the other.
 */
import type { Database } from '../db/types';
import { int, iso, text, textOrNull } from '../checks/rows';
import type { Agent } from './agent';
import type { AuditEntry } from '../../shared/api';

export interface AuditRecord {
  readonly agent: Agent;
  readonly ticket: number;
  readonly action: string;
  readonly subject: Readonly<Record<string, unknown>>;
  readonly outcome: string;
}

/** Outcome text is for people scanning the log; bound it like the column. */
function outcomeText(outcome: string): string {
  return outcome.length > 200 ? outcome.slice(0, 197) + '...' : outcome;
}

/** One multi-row INSERT for several entries: all are written, or none. */
async function writeAuditBatch(db: Database, records: readonly AuditRecord[]): Promise<void> {
  const params: Record<string, string | number | null> = {};
  const tuples = records.map((record, i) => {
    params[`agent${i}`] = record.agent.id;
    params[`agentName${i}`] = record.agent.name;
    params[`ticket${i}`] = record.ticket;
    params[`action${i}`] = record.action;
    params[`subject${i}`] = JSON.stringify(record.subject);
    params[`outcome${i}`] = outcomeText(record.outcome);
    return `(:agent${i}, :agentName${i}, :ticket${i}, :action${i}, :subject${i}, :outcome${i})`;
  });
  await db.query(
    `INSERT INTO assistant.audit_log (agent_id, agent_name, ticket_id, action, subject, outcome) VALUES ${tuples.join(', ')}`,
    params,
  );
}

/** Most entries one INSERT carries (6 binds each, far below PostgreSQL's 65535). */
const MAX_BATCH = 500;

/**
 * Group commit for check entries: entries that arrive while an INSERT is in flight wait and go
 * together in the next one. Each caller's promise settles only once its own entry is committed,
 * so "every answer the agent sees is in the log" still holds; under load, 100 concurrent checks
 * cost a handful of INSERTs instead of 100. Nothing is kept between requests (the proxy stays
 * stateless).
 */
export class AuditWriter {
  private queue: { record: AuditRecord; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private flushing = false;

  constructor(private readonly db: Database) {}

  write(record: AuditRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await writeAuditBatch(
            this.db,
            batch.map((b) => b.record),
          );
          for (const b of batch) b.resolve();
        } catch (err) {
          for (const b of batch) b.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

/** Binds for an audit row written inside another statement (see progress and register). */
export function auditParams(record: AuditRecord) {
  return {
    auditAgent: record.agent.id,
    auditAgentName: record.agent.name,
    auditTicket: record.ticket,
    auditAction: record.action,
    auditSubject: JSON.stringify(record.subject),
  };
}

export async function listAudit(db: Database, ticket: number, limit: number): Promise<AuditEntry[]> {
  const rows = await db.query(
    `SELECT id, at, agent_id, agent_name, ticket_id, action, subject, outcome
       FROM assistant.audit_log WHERE ticket_id = :ticket ORDER BY id DESC FETCH FIRST ${Math.trunc(limit)} ROWS ONLY`,
    { ticket },
  );
  return rows.map((r) => ({
    id: int(r.id),
    at: iso(r.at),
    agent: text(r.agent_id),
    agentName: textOrNull(r.agent_name),
    ticket: int(r.ticket_id),
    action: text(r.action),
    subject: JSON.parse(text(r.subject)) as Record<string, unknown>,
    outcome: text(r.outcome),
  }));
}
