import type { Classification } from '../classifier/schema';
import { describe, evaluate, unknownFacts, type Facts, type Lang, type Truth } from './conditions';
import type { FactId, LocalText, Procedure, Step, TimeWindow } from './schema';
import { windowStatus } from './windows';

/**
 * The procedure engine: given a classification, the facts known so far (check results and the
 * agent's answers) and the time, it says which procedure applies and, step by step, whether the
 * step applies, is still pending on a question, or does not apply — each time with the reason.
 */
export interface StepProgress {
  /** ISO date-time when the step was ticked. */
  readonly doneAt: string;
  readonly doneBy?: string;
}

export interface Library {
  readonly procedures: readonly Procedure[];
  readonly windows: Readonly<Record<string, TimeWindow>>;
  readonly questions: Readonly<Record<FactId, LocalText>>;
}

export interface PlanInput {
  readonly classification: Classification;
  readonly facts?: Facts;
  readonly progress?: Readonly<Record<string, StepProgress>>;
  readonly now: Date;
  readonly lang?: Lang;
  /** Days after which a ticket waiting on the ens closes by itself (a desk setting). */
  readonly autoCloseDays?: number;
}

export type StepStatus = 'applies' | 'pending' | 'skipped' | 'after-end';

export interface PlannedStep {
  readonly step: Step;
  readonly status: StepStatus;
  /** The condition in words, or why the step is skipped. */
  readonly because?: string;
  /** Questions still to answer before the step is decided. */
  readonly waitingOn: readonly FactId[];
  readonly window?: {
    readonly id: string;
    readonly title: string;
    readonly open: boolean;
    readonly opensInMinutes?: number;
  };
  readonly done?: StepProgress;
  /** For a step after which the ticket waits on the ens: when it closes by itself. */
  readonly autoClose?: { readonly deadline: string; readonly overdue: boolean };
}

export interface Plan {
  readonly procedure?: Procedure;
  readonly steps: readonly PlannedStep[];
  /** Why this procedure (or why none). */
  readonly because: string;
}

export function text(t: LocalText | undefined, lang: Lang): string {
  if (t === undefined) return '';
  return t[lang] ?? t.ca;
}

/** Facts the classification already answers, unless the agent said otherwise. */
export function derivedFacts(c: Classification): Facts {
  return { 'docs.complete': !c.flags.includes('MISSING_DOCS') };
}

export function selectProcedure(library: Library, c: Classification): Procedure | undefined {
  return library.procedures.find((p) => evaluate(p.appliesWhen, c, {}) === 'yes');
}

const DAY_MS = 86_400_000;

export function plan(library: Library, input: PlanInput): Plan {
  const lang = input.lang ?? 'ca';
  const c = input.classification;
  const question = (f: FactId): string => text(library.questions[f], lang);
  const procedure = selectProcedure(library, c);
  if (procedure === undefined) {
    const because =
      c.service === 'UNKNOWN'
        ? {
            ca: 'El tiquet no demana cap integració: no hi ha procediment.',
            es: 'El tique no pide ninguna integración: no hay procedimiento.',
            en: 'The ticket asks for no integration: no procedure applies.',
          }
        : {
            ca: 'Cap procediment del manual no cobreix aquesta classificació.',
            es: 'Ningún procedimiento del manual cubre esta clasificación.',
            en: 'No procedure of the manual covers this classification.',
          };
    return { steps: [], because: because[lang] };
  }
  const facts: Facts = { ...derivedFacts(c), ...(input.facts ?? {}) };
  const steps: PlannedStep[] = [];
  let endedAt: Step | undefined;
  for (const step of procedure.steps) {
    const truth: Truth = step.when === undefined ? 'yes' : evaluate(step.when, c, facts);
    const because = step.when === undefined ? undefined : describe(step.when, lang, question);
    const done = input.progress?.[step.id];
    const base = {
      step,
      waitingOn: step.when === undefined ? [] : [...new Set(unknownFacts(step.when, facts))],
      ...(done === undefined ? {} : { done }),
    };
    if (endedAt !== undefined && truth !== 'no') {
      steps.push({ ...base, status: 'after-end', because: `${endLabel(lang)} «${text(endedAt.title, lang)}»` });
      continue;
    }
    if (truth === 'no') {
      steps.push({ ...base, status: 'skipped', ...(because === undefined ? {} : { because }) });
      continue;
    }
    const window = step.window === undefined ? undefined : library.windows[step.window];
    const windowInfo =
      window === undefined
        ? undefined
        : { id: window.id, title: text(window.title, lang), ...windowStatus(window, input.now) };
    const autoClose =
      step.waitsForEns === true && done !== undefined && input.autoCloseDays !== undefined
        ? closeInfo(done.doneAt, input.autoCloseDays, input.now)
        : undefined;
    steps.push({
      ...base,
      status: truth === 'yes' ? 'applies' : 'pending',
      ...(because === undefined ? {} : { because }),
      ...(windowInfo === undefined ? {} : { window: windowInfo }),
      ...(autoClose === undefined ? {} : { autoClose }),
    });
    if (truth === 'yes' && step.ends === true) endedAt = step;
  }
  return { procedure, steps, because: describe(procedure.appliesWhen, lang, question) };
}

function closeInfo(doneAt: string, days: number, now: Date): { deadline: string; overdue: boolean } | undefined {
  const start = Date.parse(doneAt);
  if (Number.isNaN(start)) return undefined;
  const deadline = start + days * DAY_MS;
  return { deadline: new Date(deadline).toISOString(), overdue: now.getTime() > deadline };
}

function endLabel(lang: Lang): string {
  return lang === 'es'
    ? 'El procedimiento acaba en el paso'
    : lang === 'en'
      ? 'The procedure ends at step'
      : 'El procediment acaba al pas';
}
