/**
 * Answers to the procedures' questions, per ticket, stored like the ticks (`ticket-records.ts`):
 * the value, who gave it and when, so that every agent who opens the ticket sees them (MINHAP
 * confirmed, the col·legi's permission, the head of service returned the ticket...). Withdrawing
 * an answer (`null`) keeps who withdrew it.
 */
import type { Database, Row } from '../db/types';
import { iso, text, textOrNull } from '../checks/rows';
import { readTicketRecords, writeTicketRecord, type TicketRecordTable } from './ticket-records';
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

const ANSWERS: TicketRecordTable = {
  table: 'assistant.ticket_answers',
  key: 'question_id',
  values: ['value', 'procedure_id'],
  outcome: "CASE WHEN value IS NULL THEN 'answer withdrawn' WHEN value THEN 'answered yes' ELSE 'answered no' END",
};

export async function getAnswers(db: Database, ticket: number): Promise<AnswersResponse> {
  const rows = await readTicketRecords(db, ANSWERS, ticket);
  return { ticket, answers: rows.map(toAnswer) };
}

export async function setAnswer(
  db: Database,
  ticket: number,
  question: string,
  body: SetAnswerBody,
  agent: Agent,
): Promise<Answer> {
  const row = await writeTicketRecord(db, ANSWERS, {
    ticket,
    key: question,
    values: { value: body.value, procedure_id: body.procedure },
    agent,
    action: 'answer.set',
    subject: { question, procedure: body.procedure, value: body.value },
  });
  return toAnswer(row);
}
