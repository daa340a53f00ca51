// The offline progress queue: what is kept, sent again and shown while the proxy does not accept it.
import { describe, expect, it } from 'vitest';
import type { StepProgress } from '../../../src/shared/api';
import type { ProxyResult } from '../../../src/app/api/proxy-client';
import { asProgress, enqueue, flush, isQueue, merge, type QueuedStep } from '../../../src/app/progress/queue';

const change = (stepId: string, done: boolean, at = '2026-11-23T10:00:00.000Z'): QueuedStep => ({
  stepId,
  done,
  procedure: 'vo-pre',
  at,
});

const fromProxy = (stepId: string, done: boolean): StepProgress => ({
  stepId,
  procedure: 'vo-pre',
  done,
  by: '77',
  byName: 'Agent Test',
  at: '2026-11-23T09:00:00.000Z',
  note: null,
});

describe('the offline progress queue', () => {
  it('keeps only the last unsent change of a step, after the others', () => {
    const queue = enqueue(enqueue(enqueue([], change('a', true)), change('b', true)), change('a', false));
    expect(queue.map((q) => [q.stepId, q.done])).toEqual([
      ['b', true],
      ['a', false],
    ]);
  });

  it('accepts only well-formed stored queues', () => {
    expect(isQueue([change('a', true)])).toBe(true);
    expect(isQueue([])).toBe(true);
    expect(isQueue({ stepId: 'a' })).toBe(false);
    expect(isQueue([{ stepId: 'a', done: 'yes', procedure: 'p', at: 'x' }])).toBe(false);
    expect(isQueue([{ stepId: 'a', done: true }])).toBe(false);
  });

  it('sends every change in order and keeps the refused ones with the last reason', async () => {
    const sent: string[] = [];
    const result = await flush([change('a', true), change('b', true), change('c', false)], (q) => {
      sent.push(q.stepId);
      const r: ProxyResult<StepProgress> =
        q.stepId === 'a' ? { ok: true, data: fromProxy('a', true) } : { ok: false, problem: { kind: 'network' } };
      return Promise.resolve(r);
    });
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(result.remaining.map((q) => q.stepId)).toEqual(['b', 'c']);
    expect(result.problem).toEqual({ kind: 'network' });
  });

  it('has nothing left and no problem when every change is accepted', async () => {
    const result = await flush([change('a', true)], () => Promise.resolve({ ok: true, data: fromProxy('a', true) }));
    expect(result).toEqual({ remaining: [] });
  });

  it('shows the proxy’s progress with the unsent changes on top, as this agent left them', () => {
    const shown = merge({}, [fromProxy('a', true), fromProxy('b', true)], [change('b', false)], 'Agent Test');
    expect(shown.a).toEqual(fromProxy('a', true));
    expect(shown.b).toEqual(asProgress(change('b', false), 'Agent Test'));
    expect(shown.b?.by).toBe('me');
  });

  it('keeps what was shown when the proxy did not answer', () => {
    const before = { a: fromProxy('a', true) };
    const shown = merge(before, undefined, [change('c', true)], 'Agent Test');
    expect(Object.keys(shown).sort()).toEqual(['a', 'c']);
    expect(shown.a).toEqual(fromProxy('a', true));
  });

  it('drops steps the proxy no longer has once it answers', () => {
    const shown = merge({ old: fromProxy('old', true) }, [fromProxy('a', true)], [], 'Agent Test');
    expect(Object.keys(shown)).toEqual(['a']);
  });
});
