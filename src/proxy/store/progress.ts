/**
 * Per-ticket procedure progress: which step is done, by whom, when. Every agent who opens the
 * ticket sees the same state. The change and its audit entry are one statement (atomic); two
 * agents ticking the same step at once both succeed and the later one is recorded.
 */
import type { Database } from '../db/types';
import { flag, iso, text, textOrNull } from '../checks/rows';
import { auditParams } from './audit';
import type { Agent } from './agent';
import type { ProgressResponse, SetStepBody, StepProgress } from '../../shared/api';
import type { Row } from '../db/types';

function toStep(r: Row): StepProgress {
  return {
    stepId: text(r.step_id),
    procedure: text(r.procedure_id),
    done: flag(r.done),
    by: text(r.agent_id),
    byName: textOrNull(r.agent_name),
    at: iso(r.changed_at),
    note: textOrNull(r.note),
  };
}

export async function getProgress(db: Database, ticket: number): Promise<ProgressResponse> {
  const rows = await db.query(
    `SELECT step_id, procedure_id, done, agent_id, agent_name, changed_at, note
       FROM assistant.step_progress WHERE ticket_id = :ticket ORDER BY changed_at, step_id`,
    { ticket },
  );
  return { ticket, steps: rows.map(toStep) };
}

export async function setStep(
  db: Database,
  ticket: number,
  stepId: string,
  body: SetStepBody,
  agent: Agent,
): Promise<StepProgress> {
  const subject = { stepId, procedure: body.procedure, done: body.done };
  const rows = await db.query(
    `WITH changed AS (
       INSERT INTO assistant.step_progress (ticket_id, step_id, procedure_id, done, agent_id, agent_name, changed_at, note)
       VALUES (:ticket, :stepId, :procedure, :done, :agent, :agentName, CURRENT_TIMESTAMP, :note)
       ON CONFLICT (ticket_id, step_id) DO UPDATE
         SET procedure_id = EXCLUDED.procedure_id, done = EXCLUDED.done, agent_id = EXCLUDED.agent_id,
             agent_name = EXCLUDED.agent_name, changed_at = EXCLUDED.changed_at, note = EXCLUDED.note
       RETURNING step_id, procedure_id, done, agent_id, agent_name, changed_at, note
     ), logged AS (
       INSERT INTO assistant.audit_log (agent_id, agent_name, ticket_id, action, subject, outcome)
       SELECT :auditAgent, :auditAgentName, :auditTicket, :auditAction, :auditSubject,
              CASE WHEN done THEN 'step done' ELSE 'step reopened' END
         FROM changed
     )
     SELECT * FROM changed`,
    {
      ticket,
      stepId,
      procedure: body.procedure,
      done: body.done,
      agent: agent.id,
      agentName: agent.name,
      note: body.note ?? null,
      ...auditParams({ agent, ticket, action: 'progress.set', subject, outcome: '' }),
    },
  );
  const row = rows[0];
  if (row === undefined) throw new Error('The step upsert returned no row');
  return toStep(row);
}
