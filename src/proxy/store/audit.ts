/**
 * The audit log: who (agent), which ticket, what (action and its subject), when, and the outcome.
 * Every check and every change writes one entry; a change writes it in the same statement as the
 * change itself, so neither exists without the other.
 */
import type { Database } from '../db/types';
import { int, iso, text, textOrNull } from '../checks/rows';
import type { Agent } from './agent';
import type { AuditEntry } from '../../shared/proxy-api';

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

export async function writeAudit(db: Database, record: AuditRecord): Promise<void> {
  await db.query(
    `INSERT INTO assistant.audit_log (agent_id, agent_name, ticket_id, action, subject, outcome)
     VALUES (:agent, :agentName, :ticket, :action, :subject, :outcome)`,
    {
      agent: record.agent.id,
      agentName: record.agent.name,
      ticket: record.ticket,
      action: record.action,
      subject: JSON.stringify(record.subject),
      outcome: outcomeText(record.outcome),
    },
  );
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
