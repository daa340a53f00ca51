import type { FormFailureCode } from './schema';

/** A reason the reader stops, carried up to the one place that turns it into the answer. */
export class FormReadError extends Error {
  constructor(
    readonly status: 'not-a-form' | 'unreadable',
    readonly code: FormFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'FormReadError';
  }
}
