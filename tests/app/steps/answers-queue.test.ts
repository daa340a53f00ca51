import { describe, expect, it } from 'vitest';
import {
  enqueueAnswer,
  factsOf,
  isAnswerQueue,
  mergeAnswers,
  type QueuedAnswer,
} from '../../../src/app/steps/answers-queue';
import type { Answer } from '../../../src/shared/api';

const fromProxy: Answer = {
  question: 'minhap.confirmed',
  value: true,
  procedure: 'vo-pre',
  by: '12',
  byName: 'Agent Primer',
  at: '2026-11-23T09:00:00.000Z',
};
const queued = (question: QueuedAnswer['question'], value: boolean | null): QueuedAnswer => ({
  question,
  value,
  procedure: 'vo-pre',
  at: '2026-11-23T10:00:00.000Z',
});

describe('shared answers', () => {
  it('shows a second agent what the first answered, with who and when', () => {
    const shown = mergeAnswers({}, [fromProxy], [], 'Agent Segon');
    expect(shown['minhap.confirmed']).toEqual(fromProxy);
    expect(factsOf(shown)).toEqual({ 'minhap.confirmed': true });
  });

  it('keeps an answer the proxy has not accepted, on top of the proxy’s, until it is sent', () => {
    const queue = enqueueAnswer(
      enqueueAnswer([], queued('dcoc.permissionGranted', true)),
      queued('dcoc.permissionGranted', false),
    );
    expect(queue).toHaveLength(1);
    const shown = mergeAnswers({}, [fromProxy], queue, 'Agent Segon');
    expect(shown['dcoc.permissionGranted']).toMatchObject({ value: false, byName: 'Agent Segon' });
    // Proxy down: what was shown stays, the queued answer on top.
    const offline = mergeAnswers(shown, undefined, queue, 'Agent Segon');
    expect(factsOf(offline)).toEqual({ 'minhap.confirmed': true, 'dcoc.permissionGranted': false });
  });

  it('opens a withdrawn question again', () => {
    const shown = mergeAnswers({}, [fromProxy], [queued('minhap.confirmed', null)], 'Agent Segon');
    expect(factsOf(shown)).toEqual({});
  });

  it('reads back only a well-formed queue from the browser', () => {
    expect(isAnswerQueue([queued('minhap.confirmed', true)])).toBe(true);
    expect(isAnswerQueue([{ ...queued('minhap.confirmed', true), question: 'not.a.question' }])).toBe(false);
    expect(isAnswerQueue({})).toBe(false);
  });
});
