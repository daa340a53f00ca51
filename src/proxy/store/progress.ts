/**
 * Per-ticket procedure progress: which step is done, by whom, when. Every agent who opens the
 * ticket sees the same state (`ticket-records.ts`: the change and its audit entry are one
 * statement; two agents ticking the same step at once both succeed and the later one is recorded).
 */
import type { Database, Row } from '../db/types';
import { flag, iso, text, textOrNull } from '../checks/rows';
import { readTicketRecords, writeTicketRecord, type TicketRecordTable } from './ticket-records';
import type { Agent } from './agent';
import type { ProgressResponse, SetStepBody, StepProgress } from '../../shared/api';

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

const PROGRESS: TicketRecordTable = {
  table: 'assistant.step_progress',
  key: 'step_id',
  values: ['procedure_id', 'done', 'note'],
  outcome: "CASE WHEN done THEN 'step done' ELSE 'step reopened' END",
};

export async function getProgress(db: Database, ticket: number): Promise<ProgressResponse> {
  const rows = await readTicketRecords(db, PROGRESS, ticket);
  return { ticket, steps: rows.map(toStep) };
}

export async function setStep(
  db: Database,
  ticket: number,
  stepId: string,
  body: SetStepBody,
  agent: Agent,
): Promise<StepProgress> {
  const row = await writeTicketRecord(db, PROGRESS, {
    ticket,
    key: stepId,
    values: { procedure_id: body.procedure, done: body.done, note: body.note ?? null },
    agent,
    action: 'progress.set',
    subject: { stepId, procedure: body.procedure, done: body.done },
  });
  return toStep(row);
}
