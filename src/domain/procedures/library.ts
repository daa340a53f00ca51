import { z } from '../zod';
import facts from './data/facts.json';
import general from './data/general.json';
import pscpPre from './data/pscp-pre.json';
import pscpPro from './data/pscp-pro.json';
import setdiba from './data/setdiba.json';
import voPre from './data/vo-pre.json';
import voPro from './data/vo-pro.json';
import windows from './data/windows.json';
import type { Library } from './engine';
import {
  FACT_IDS,
  FactSchema,
  isGatedEffect,
  ProcedureSchema,
  WindowSchema,
  type Condition,
  type FactId,
  type LocalText,
  type Procedure,
  type Step,
} from './schema';

/**
 * Loads the procedure files and checks them: each against its schema, then across files (unique
 * step ids, known time windows, a question for every fact a condition asks). The order of
 * PROCEDURE_FILES is the order in which procedures are tried: the first that applies wins.
 */
export const PROCEDURE_FILES: readonly (readonly [string, unknown])[] = [
  ['setdiba.json', setdiba],
  ['pscp-pre.json', pscpPre],
  ['pscp-pro.json', pscpPro],
  ['vo-pre.json', voPre],
  ['vo-pro.json', voPro],
  ['general.json', general],
];

/** Facts the classification answers (engine.derivedFacts): no step needs to ask them. */
const DERIVED_FACTS: readonly FactId[] = ['docs.complete'];

export class ProcedureFileError extends Error {
  override readonly name = 'ProcedureFileError';
}

function where(file: string, error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${file}: ${i.path.map(String).join('.') || '(top)'}: ${i.message}`)
    .join('\n');
}

function factsIn(c: Condition): FactId[] {
  if ('all' in c) return c.all.flatMap(factsIn);
  if ('any' in c) return c.any.flatMap(factsIn);
  if ('not' in c) return factsIn(c.not);
  if ('fact' in c) return [c.fact];
  return [];
}

export function loadLibrary(
  files: readonly (readonly [string, unknown])[] = PROCEDURE_FILES,
  windowData: unknown = windows,
  factData: unknown = facts,
): Library {
  const parsedWindows = z.array(WindowSchema).safeParse(windowData);
  if (!parsedWindows.success) throw new ProcedureFileError(where('windows.json', parsedWindows.error));
  const parsedFacts = z.array(FactSchema).safeParse(factData);
  if (!parsedFacts.success) throw new ProcedureFileError(where('facts.json', parsedFacts.error));

  const windowMap = Object.fromEntries(parsedWindows.data.map((w) => [w.id, w]));
  const questions = Object.fromEntries(parsedFacts.data.map((f) => [f.id, f.question])) as Record<FactId, LocalText>;
  const missingQuestions = FACT_IDS.filter((id) => !(id in questions));
  if (missingQuestions.length > 0)
    throw new ProcedureFileError(`facts.json: no question for ${missingQuestions.join(', ')}`);

  const procedures: Procedure[] = [];
  const seen = new Map<string, string>();
  for (const [file, data] of files) {
    const parsed = ProcedureSchema.safeParse(data);
    if (!parsed.success) throw new ProcedureFileError(where(file, parsed.error));
    for (const step of parsed.data.steps) {
      const other = seen.get(step.id);
      if (other !== undefined) throw new ProcedureFileError(`${file}: step id "${step.id}" is also used in ${other}`);
      seen.set(step.id, file);
      if (step.window !== undefined && windowMap[step.window] === undefined) {
        throw new ProcedureFileError(`${file}: step "${step.id}" names an unknown time window "${step.window}"`);
      }
      for (const f of step.when === undefined ? [] : factsIn(step.when)) {
        if (!(f in questions)) throw new ProcedureFileError(`${file}: step "${step.id}" asks an unknown fact "${f}"`);
      }
    }
    checkGates(file, parsed.data);
    procedures.push(parsed.data);
  }
  return { procedures, windows: windowMap, questions };
}

const asked = (s: Step): FactId | undefined => s.asks ?? s.check?.answers;

/**
 * The rules that make a procedure's gates hold: each question is asked by one step, before any
 * step that depends on it; a step waits only for earlier steps (and for a question, the step that
 * asks it); and every step that authorises, messages the ens or closes after a gate of the manual
 * waits for that gate, directly or through a step that waits for it.
 */
function checkGates(file: string, p: Procedure): void {
  const fail = (msg: string): never => {
    throw new ProcedureFileError(`${file}: ${msg}`);
  };
  const index = new Map(p.steps.map((s, i) => [s.id, i]));
  const askedAt = new Map<FactId, number>();
  p.steps.forEach((s, i) => {
    if (s.kind === 'question' && s.asks === undefined) fail(`step "${s.id}" is a question but asks nothing`);
    if (s.kind === 'message' && s.template === undefined) fail(`step "${s.id}" is a message without a template`);
    if (s.kind === 'check' && s.check === undefined) fail(`step "${s.id}" is a check without a check`);
    const f = asked(s);
    if (f === undefined) return;
    if (askedAt.has(f))
      fail(`the question "${f}" is asked twice (steps "${p.steps[askedAt.get(f) ?? 0]?.id ?? ''}" and "${s.id}")`);
    askedAt.set(f, i);
  });
  p.steps.forEach((s, i) => {
    for (const f of s.when === undefined ? [] : factsIn(s.when)) {
      if (DERIVED_FACTS.includes(f)) continue;
      const at = askedAt.get(f);
      if (at === undefined) fail(`step "${s.id}" depends on "${f}", which no step of the procedure asks`);
      else if (at >= i) fail(`step "${s.id}" depends on "${f}", asked only later (step "${p.steps[at]?.id ?? ''}")`);
    }
    for (const g of s.waitsFor ?? []) {
      const at = index.get(g.step);
      if (at === undefined) fail(`step "${s.id}" waits for "${g.step}", not a step of this procedure`);
      else if (at >= i) fail(`step "${s.id}" waits for "${g.step}", which comes after it`);
      const target = p.steps[at ?? 0];
      if (g.question !== undefined && target !== undefined && asked(target) !== g.question)
        fail(`step "${s.id}" waits for the question "${g.question}" at "${g.step}", which does not ask it`);
      if (g.is !== undefined && g.question === undefined) fail(`step "${s.id}": "is" needs a question`);
    }
  });
  // Steps each step waits for, directly or through others (waits point backwards: one pass).
  const holds = new Map<string, Set<string>>();
  for (const s of p.steps) {
    const set = new Set<string>();
    for (const g of s.waitsFor ?? []) {
      set.add(g.step);
      for (const x of holds.get(g.step) ?? []) set.add(x);
    }
    const f = s.when === undefined ? [] : factsIn(s.when);
    for (const fact of f) {
      const at = askedAt.get(fact);
      const asker = at === undefined ? undefined : p.steps[at];
      if (asker !== undefined) {
        set.add(asker.id);
        for (const x of holds.get(asker.id) ?? []) set.add(x);
      }
    }
    holds.set(s.id, set);
  }
  p.steps.forEach((gate, i) => {
    if (gate.gate === undefined) return;
    for (const later of p.steps.slice(i + 1)) {
      if (!isGatedEffect(later.effect)) continue;
      if (!(holds.get(later.id)?.has(gate.id) ?? false))
        fail(
          `step "${later.id}" (${later.effect}) does not wait for the gate "${gate.id}" («${gate.gate.ca}»): add it to its waitsFor`,
        );
    }
  });
}

let cached: Library | undefined;

/** The desk's procedures, loaded and checked once. */
export function library(): Library {
  cached ??= loadLibrary();
  return cached;
}
