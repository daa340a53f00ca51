import type { CodedEvidence } from '../schema';

/** What every stage of `classify()` returns: its value, and the ticket's words that decided it. */
export interface StageResult<T> {
  readonly value: T;
  readonly evidence: readonly CodedEvidence[];
}
