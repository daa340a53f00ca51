import type { Classification } from '../classifier/schema';
import { describe, evaluate, openFacts, type Facts, type Lang, type Truth } from './conditions';
import type { FactId, LocalText, Procedure, Step, TimeWindow } from './schema';
import { windowStatus } from './windows';

/**
 * The procedure engine: given a classification, the answers known so far (the agent's and the
 * checks'), the steps ticked and the time, it says which procedure applies and, step by step,
 * whether the step applies now, waits for something (said in words), does not apply (and why),
 * or is done. A step waits while a question its condition needs is unanswered, while a gate it
 * declares is closed, and while an earlier step that may end the procedure is undecided: so a
 * step that authorises, messages the ens or closes never applies ahead of the manual's gates.
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

export type StepStatus = 'applies' | 'waiting' | 'skipped' | 'done';

/** One thing a step waits for: a question to answer, or a step to do. */
export interface Wait {
  /** The step that asks the question, or the step to be done. */
  readonly step?: string;
  readonly question?: FactId;
  /** In words, in the plan's language. */
  readonly text: string;
}

export interface PlannedStep {
  readonly step: Step;
  readonly status: StepStatus;
  /** The condition in words, or why the step is skipped. */
  readonly because?: string;
  /** What the step waits for (empty unless `status` is `waiting`, or `done` ahead of its gate). */
  readonly waitsFor: readonly Wait[];
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

/** A question still open on the ticket, asked once, at the step that asks it. */
export interface OpenQuestion {
  readonly question: FactId;
  readonly text: string;
  readonly step?: string;
}

export interface Plan {
  readonly procedure?: Procedure;
  readonly steps: readonly PlannedStep[];
  /** Why this procedure (or why none). */
  readonly because: string;
  /** Questions that decide something now, each once, in the order of the steps that ask them. */
  readonly questions: readonly OpenQuestion[];
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

/** The step of a procedure that asks a question (by `asks`, or the check that answers it). */
export function askerOf(procedure: Procedure, fact: FactId): Step | undefined {
  return procedure.steps.find((s) => s.asks === fact || s.check?.answers === fact);
}

const DAY_MS = 86_400_000;

/** The words a plan is explained with, per language (the language walk test reads them too). */
export const PLAN_WORDS: Readonly<
  Record<Lang, { done: string; ends: string; other: string; notAsked: string; yes: string; no: string }>
> = {
  ca: {
    yes: 'sí',
    no: 'no',
    notAsked: 'La pregunta que ho decideix no es fa en aquest tiquet',
    done: 'Que es faci el pas',
    ends: 'El procediment acaba al pas',
    other: 'no s’aplica amb aquesta resposta',
  },
  es: {
    yes: 'sí',
    no: 'no',
    notAsked: 'La pregunta que lo decide no se hace en este tique',
    done: 'Que se haga el paso',
    ends: 'El procedimiento acaba en el paso',
    other: 'no se aplica con esta respuesta',
  },
  en: {
    yes: 'yes',
    no: 'no',
    notAsked: 'The question that decides it is not asked on this ticket',
    done: 'The step to be done',
    ends: 'The procedure ends at step',
    other: 'not with this answer',
  },
};

/** Why no procedure applies, per language (the language walk test reads it too). */
export const NO_PROCEDURE = {
  unknown: {
    ca: 'El tiquet no demana cap integració: no hi ha procediment.',
    es: 'El tique no pide ninguna integración: no hay procedimiento.',
    en: 'The ticket asks for no integration: no procedure applies.',
  },
  none: {
    ca: 'Cap procediment del manual no cobreix aquesta classificació.',
    es: 'Ningún procedimiento del manual cubre esta clasificación.',
    en: 'No procedure of the manual covers this classification.',
  },
} as const;

export function plan(library: Library, input: PlanInput): Plan {
  const lang = input.lang ?? 'ca';
  const w = PLAN_WORDS[lang];
  const c = input.classification;
  const question = (f: FactId): string => text(library.questions[f], lang);
  const procedure = selectProcedure(library, c);
  if (procedure === undefined) {
    const because = c.service === 'UNKNOWN' ? NO_PROCEDURE.unknown : NO_PROCEDURE.none;
    return { steps: [], because: because[lang], questions: [] };
  }
  const facts: Facts = { ...derivedFacts(c), ...(input.facts ?? {}) };
  const byId = new Map<string, PlannedStep>();
  const steps: PlannedStep[] = [];
  const askWait = (f: FactId): Wait => {
    const asker = askerOf(procedure, f);
    return { ...(asker === undefined ? {} : { step: asker.id }), question: f, text: question(f) };
  };
  const notAsked = (f: FactId): boolean => {
    const asker = askerOf(procedure, f);
    return asker !== undefined && byId.get(asker.id)?.status === 'skipped';
  };
  /** Earlier steps that may end the procedure but whose condition is not decided yet. */
  const undecidedEnds: Wait[] = [];
  let endedAt: Step | undefined;

  for (const step of procedure.steps) {
    const truth: Truth = step.when === undefined ? 'yes' : evaluate(step.when, c, facts);
    const condition = step.when === undefined ? undefined : describe(step.when, lang, question);
    const done = input.progress?.[step.id];
    const push = (p: PlannedStep): void => {
      steps.push(p);
      byId.set(step.id, p);
    };
    if (truth === 'no') {
      push({ step, status: 'skipped', waitsFor: [], ...(condition === undefined ? {} : { because: condition }) });
      continue;
    }
    if (endedAt !== undefined) {
      push({ step, status: 'skipped', waitsFor: [], because: `${w.ends} «${text(endedAt.title, lang)}»` });
      continue;
    }

    const open = truth === 'unknown' && step.when !== undefined ? openFacts(step.when, c, facts) : [];
    // A question whose step does not apply to this ticket is never asked: what only it decides
    // does not apply either (an ens that sent its form is not asked to confirm it).
    if (open.length > 0 && open.every((f) => notAsked(f))) {
      push({ step, status: 'skipped', waitsFor: [], because: `${w.notAsked}: ${open.map(question).join(' · ')}` });
      continue;
    }
    const waits: Wait[] = open.map(askWait);
    let refusedBy: string | undefined;
    for (const gate of step.waitsFor ?? []) {
      const other = byId.get(gate.step);
      // A gate on a step that does not apply to this ticket is open.
      if (other === undefined || other.status === 'skipped') continue;
      if (gate.question !== undefined) {
        const known = facts[gate.question];
        if (known === undefined) {
          waits.push({ step: gate.step, question: gate.question, text: question(gate.question) });
          waits.push(...other.waitsFor);
        } else if (gate.is !== undefined && known !== gate.is)
          refusedBy = `${question(gate.question)} → ${known ? w.yes : w.no} (${w.other})`;
      } else {
        if (other.status !== 'done')
          waits.push({ step: gate.step, text: `${w.done} «${text(other.step.title, lang)}»` });
        // What the earlier step still waits for holds this one too, even if it was ticked ahead.
        waits.push(...other.waitsFor);
      }
    }
    if (step.effect !== 'none') waits.push(...undecidedEnds);
    if (refusedBy !== undefined) {
      push({ step, status: 'skipped', waitsFor: [], because: refusedBy });
      continue;
    }

    const waitsFor = dedupe(waits);
    const window = step.window === undefined ? undefined : library.windows[step.window];
    const windowInfo =
      window === undefined
        ? undefined
        : { id: window.id, title: text(window.title, lang), ...windowStatus(window, input.now) };
    const autoClose =
      step.waitsForEns === true && done !== undefined && input.autoCloseDays !== undefined
        ? closeInfo(done.doneAt, input.autoCloseDays, input.now)
        : undefined;
    const status: StepStatus = done !== undefined ? 'done' : waitsFor.length > 0 ? 'waiting' : 'applies';
    push({
      step,
      status,
      waitsFor,
      ...(condition === undefined ? {} : { because: condition }),
      ...(windowInfo === undefined ? {} : { window: windowInfo }),
      ...(done === undefined ? {} : { done }),
      ...(autoClose === undefined ? {} : { autoClose }),
    });
    if (step.ends === true) {
      if (truth === 'yes') endedAt = step;
      else undecidedEnds.push(...open.map(askWait));
    }
  }
  return {
    procedure,
    steps,
    because: describe(procedure.appliesWhen, lang, question),
    questions: openQuestions(steps, facts, question),
  };
}

function dedupe(waits: readonly Wait[]): Wait[] {
  const seen = new Set<string>();
  return waits.filter((x) => {
    const k = `${x.step ?? ''}|${x.question ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Every question that decides something now: those steps wait for, and those of steps to do. */
function openQuestions(steps: readonly PlannedStep[], facts: Facts, question: (f: FactId) => string): OpenQuestion[] {
  const out = new Map<FactId, OpenQuestion>();
  const add = (f: FactId, step: string | undefined): void => {
    if (facts[f] !== undefined || out.has(f)) return;
    out.set(f, { question: f, text: question(f), ...(step === undefined ? {} : { step }) });
  };
  for (const s of steps) {
    if (s.status === 'skipped') continue;
    const asked = s.step.asks ?? s.step.check?.answers;
    if (asked !== undefined) add(asked, s.step.id);
    for (const x of s.waitsFor) if (x.question !== undefined) add(x.question, x.step);
  }
  // In the order of the steps that ask them.
  const order = new Map(steps.map((s, i) => [s.step.id, i]));
  return [...out.values()].sort(
    (a, b) => (order.get(a.step ?? '') ?? Infinity) - (order.get(b.step ?? '') ?? Infinity),
  );
}

function closeInfo(doneAt: string, days: number, now: Date): { deadline: string; overdue: boolean } | undefined {
  const start = Date.parse(doneAt);
  if (Number.isNaN(start)) return undefined;
  const deadline = start + days * DAY_MS;
  return { deadline: new Date(deadline).toISOString(), overdue: now.getTime() > deadline };
}
