/**
 * Answers to the procedures' questions, per ticket, stored like the ticks: the value, who gave it
 * and when, so that every agent who opens the ticket sees them (MINHAP confirmed, the col·legi's
 * permission, the head of service returned the ticket...). The change and its audit entry are one
 * statement; withdrawing an answer (`null`) keeps who withdrew it.
 */
import type { Database, Row } from '../db/types';
import { iso, text, textOrNull } from '../checks/rows';
import { auditParams } from './audit';
import type { Agent } from './agent';
import { QuestionId, type Answer, type AnswersResponse, type SetAnswerBody } from '../../shared/api';

function toAnswer(r: Row): Answer {
  return {
    question: QuestionId.parse(text(r.question_id)),
    value: r.value === null || r.value === undefined ? null : r.value === true || r.value === 1 || r.value === 't',
    procedure: text(r.procedure_id),
    by: text(r.agent_id),
    byName: textOrNull(r.agent_name),
    at: iso(r.changed_at),
  };
}

export async function getAnswers(db: Database, ticket: number): Promise<AnswersResponse> {
  const rows = await db.query(
    `SELECT question_id, value, procedure_id, agent_id, agent_name, changed_at
       FROM assistant.ticket_answers WHERE ticket_id = :ticket ORDER BY changed_at, question_id`,
    { ticket },
  );
  return { ticket, answers: rows.map(toAnswer) };
}

export async function setAnswer(
  db: Database,
  ticket: number,
  question: string,
  body: SetAnswerBody,
  agent: Agent,
): Promise<Answer> {
  const subject = { question, procedure: body.procedure, value: body.value };
  const rows = await db.query(
    `WITH changed AS (
       INSERT INTO assistant.ticket_answers (ticket_id, question_id, value, procedure_id, agent_id, agent_name, changed_at)
       VALUES (:ticket, :question, :value, :procedure, :agent, :agentName, CURRENT_TIMESTAMP)
       ON CONFLICT (ticket_id, question_id) DO UPDATE
         SET value = EXCLUDED.value, procedure_id = EXCLUDED.procedure_id, agent_id = EXCLUDED.agent_id,
             agent_name = EXCLUDED.agent_name, changed_at = EXCLUDED.changed_at
       RETURNING question_id, value, procedure_id, agent_id, agent_name, changed_at
     ), logged AS (
       INSERT INTO assistant.audit_log (agent_id, agent_name, ticket_id, action, subject, outcome)
       SELECT :auditAgent, :auditAgentName, :auditTicket, :auditAction, :auditSubject,
              CASE WHEN value IS NULL THEN 'answer withdrawn' WHEN value THEN 'answered yes' ELSE 'answered no' END
         FROM changed
     )
     SELECT * FROM changed`,
    {
      ticket,
      question,
      value: body.value,
      procedure: body.procedure,
      agent: agent.id,
      agentName: agent.name,
      ...auditParams({ agent, ticket, action: 'answer.set', subject, outcome: '' }),
    },
  );
  const row = rows[0];
  if (row === undefined) throw new Error('The answer upsert returned no row');
  return toAnswer(row);
}
