import { z } from '../zod';
import facts from './data/facts.json';
import otherServices from './data/altres-serveis.json';
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
  ProcedureSchema,
  WindowSchema,
  type Condition,
  type FactId,
  type LocalText,
  type Procedure,
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
  ['altres-serveis.json', otherServices],
];

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
    procedures.push(parsed.data);
  }
  return { procedures, windows: windowMap, questions };
}

let cached: Library | undefined;

/** The desk's procedures, loaded and checked once. */
export function library(): Library {
  cached ??= loadLibrary();
  return cached;
}
