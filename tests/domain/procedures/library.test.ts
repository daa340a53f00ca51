import { describe, expect, it } from 'vitest';
import {
  loadLibrary,
  PROCEDURE_FILES,
  ProcedureFileError,
  windowStatus,
  type TimeWindow,
} from '../../../src/domain/procedures';

const minimal = (steps: unknown[]) => ({
  id: 'test',
  title: { ca: 'Prova' },
  summary: { ca: 'Prova' },
  appliesWhen: { service: 'MUX' },
  source: 'test',
  steps,
});
const step = (extra: Record<string, unknown> = {}) => ({
  id: 'test.a',
  kind: 'manual',
  effect: 'none',
  title: { ca: 'A' },
  source: 'test',
  ...extra,
});

describe('procedure files', () => {
  it('name the file and the place of a mistake', () => {
    expect(() => loadLibrary([['broken.json', minimal([step({ kind: 'magic' })])]])).toThrow(ProcedureFileError);
    expect(() => loadLibrary([['broken.json', minimal([step({ kind: 'magic' })])]])).toThrow(
      /broken\.json: steps\.0\.kind/,
    );
  });

  it('refuse a step id used twice', () => {
    expect(() => loadLibrary([['a.json', minimal([step(), step()])]])).toThrow(/step id "test.a" is also used/);
  });

  it('refuse an unknown time window, template, flag or field', () => {
    expect(() => loadLibrary([['a.json', minimal([step({ window: 'never' })])]])).toThrow(/unknown time window/);
    expect(() => loadLibrary([['a.json', minimal([step({ template: 'no-such' })])]])).toThrow(/template/);
    expect(() => loadLibrary([['a.json', minimal([step({ when: { flag: 'NOPE' } })])]])).toThrow(ProcedureFileError);
    expect(() => loadLibrary([['a.json', minimal([step({ colour: 'red' })])]])).toThrow(ProcedureFileError);
  });

  it('refuse a step that authorises, messages the ens or closes after a gate without waiting for it', () => {
    const gate = step({
      id: 'test.gate',
      kind: 'question',
      asks: 'dcoc.permissionGranted',
      gate: { ca: 'hem de parar aquí' },
    });
    const later = (extra: Record<string, unknown>) => step({ id: 'test.later', effect: 'authorises', ...extra });
    expect(() => loadLibrary([['a.json', minimal([gate, later({})])]])).toThrow(
      /step "test.later" \(authorises\) does not wait for the gate "test.gate"/,
    );
    // Waiting directly, through another step, or by its condition all hold the gate.
    expect(() =>
      loadLibrary([
        ['a.json', minimal([gate, later({ waitsFor: [{ step: 'test.gate', question: 'dcoc.permissionGranted' }] })])],
      ]),
    ).not.toThrow();
    const middle = step({ id: 'test.middle', waitsFor: [{ step: 'test.gate' }] });
    expect(() =>
      loadLibrary([['a.json', minimal([gate, middle, later({ waitsFor: [{ step: 'test.middle' }] })])]]),
    ).not.toThrow();
    expect(() =>
      loadLibrary([['a.json', minimal([gate, later({ when: { fact: 'dcoc.permissionGranted', is: true } })])]]),
    ).not.toThrow();
    // A step with no outside effect need not wait.
    expect(() => loadLibrary([['a.json', minimal([gate, step({ id: 'test.note' })])]])).not.toThrow();
  });

  it('refuse waits on later or unknown steps, questions asked twice or never, and questions asked after use', () => {
    const asks = (id: string, extra: Record<string, unknown> = {}) =>
      step({ id, kind: 'question', asks: 'minhap.confirmed', ...extra });
    expect(() =>
      loadLibrary([['a.json', minimal([step({ waitsFor: [{ step: 'test.b' }] }), step({ id: 'test.b' })])]]),
    ).toThrow(/waits for "test.b", which comes after it/);
    expect(() => loadLibrary([['a.json', minimal([step({ waitsFor: [{ step: 'nope' }] })])]])).toThrow(
      /not a step of this procedure/,
    );
    expect(() => loadLibrary([['a.json', minimal([asks('test.a'), asks('test.b')])]])).toThrow(/asked twice/);
    expect(() => loadLibrary([['a.json', minimal([step({ when: { fact: 'minhap.confirmed', is: true } })])]])).toThrow(
      /which no step of the procedure asks/,
    );
    expect(() =>
      loadLibrary([['a.json', minimal([step({ when: { fact: 'minhap.confirmed', is: true } }), asks('test.b')])]]),
    ).toThrow(/asked only later/);
    expect(() =>
      loadLibrary([
        [
          'a.json',
          minimal([
            asks('test.a'),
            step({ id: 'test.b', waitsFor: [{ step: 'test.a', question: 'dcoc.permissionGranted' }] }),
          ]),
        ],
      ]),
    ).toThrow(/does not ask it/);
  });

  it('accept the desk’s own files', () => {
    expect(loadLibrary(PROCEDURE_FILES).procedures).toHaveLength(6);
  });
});

describe('time windows', () => {
  const pscp: TimeWindow = {
    id: 'w',
    title: { ca: 'w' },
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    from: '07:00',
    to: '19:00',
    timeZone: 'Europe/Madrid',
    source: 'test',
  };

  it('are read in their own time zone (CET in winter, CEST in summer)', () => {
    expect(windowStatus(pscp, new Date('2026-11-23T06:30:00Z')).open).toBe(true); // 07:30 CET
    expect(windowStatus(pscp, new Date('2026-07-20T05:30:00Z')).open).toBe(true); // 07:30 CEST
    expect(windowStatus(pscp, new Date('2026-07-20T04:30:00Z')).open).toBe(false); // 06:30 CEST
  });

  it('say when a closed window opens again, across a weekend', () => {
    // Friday 19:30 CET → Monday 07:00 CET is 59.5 hours.
    expect(windowStatus(pscp, new Date('2026-11-27T18:30:00Z'))).toEqual({ open: false, opensInMinutes: 59 * 60 + 30 });
  });
});

describe('coverage', () => {
  it('every reply template is used by at least one step, and every step’s template exists', async () => {
    const { TEMPLATE_IDS } = await import('../../../src/domain/templates');
    const used = new Set(
      loadLibrary().procedures.flatMap((p) => p.steps.flatMap((s) => (s.template === undefined ? [] : [s.template]))),
    );
    expect([...TEMPLATE_IDS].filter((id) => !used.has(id))).toEqual([]);
  });
});
