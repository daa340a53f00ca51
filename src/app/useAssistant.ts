import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { classify, type Classification } from '../domain/classifier';
import type { Facts } from '../domain/procedures/conditions';
import { plan, type Library, type Plan } from '../domain/procedures/engine';
import { FACT_IDS, type FactId } from '../domain/procedures/schema';
import { getProgress, setStep, type StepProgress } from '../shared/api';
import { ZendeskError, type ZendeskPort } from '../zendesk/port';
import { ProxyClient, type ProxyProblem } from './api/proxy-client';
import { findIdentifiers, type FoundIdentifiers } from './checks/extract';
import { applyOverride, isOverride, type Override } from './classification/effective';
import { loadLanguage, resolveLocale, translator, type Translate, type UiLang } from './i18n/i18n';
import { readAppSettings, type AppSettings } from './settings';
import { isRecord, loadJson, saveJson } from './storage';
import { readTicket, TICKET_EVENTS, type TicketSnapshot } from './ticket/read-ticket';

/**
 * The sidebar's state: the ticket as Zendesk has it now, its classification (with the agent's
 * corrections), the answers the agent gave, the procedure's progress shared through the proxy,
 * and the drafts of replies. Corrections, answers, drafts and unsent progress are kept per ticket
 * in the browser, so a reload or a proxy outage loses nothing.
 */
export type Tab = 'classification' | 'steps' | 'replies' | 'checks';

export interface Navigation {
  readonly tab: Tab;
  readonly template?: string;
  readonly check?: string;
}

interface Environment {
  readonly settings: AppSettings;
  readonly lang: UiLang;
  readonly proxy: ProxyClient;
  readonly agentName: string;
}

export interface Assistant {
  readonly env: Environment;
  /** The desk's procedures: loaded on first use (they are most of the app's data). */
  readonly library?: Library;
  readonly t: Translate;
  readonly ticket: TicketSnapshot;
  readonly auto: Classification;
  readonly classification: Classification;
  readonly override: Override;
  readonly setOverride: (o: Override) => void;
  readonly found: FoundIdentifiers;
  /** Identifiers the checks confirmed (the INE10 checked, the PSCP user's NIF): they prefill replies. */
  readonly known: FoundIdentifiers;
  readonly remember: (values: FoundIdentifiers) => void;
  readonly facts: Facts;
  readonly setFact: (fact: FactId, value: boolean | undefined) => void;
  readonly plan: Plan;
  readonly progress: Readonly<Record<string, StepProgress>>;
  readonly toggleStep: (stepId: string, done: boolean) => Promise<void>;
  readonly progressProblem?: ProxyProblem;
  readonly retryProgress: () => Promise<void>;
  readonly nav: Navigation;
  readonly go: (nav: Navigation) => void;
  readonly drafts: Readonly<Record<string, Record<string, unknown>>>;
  readonly setDraft: (template: string, values: Record<string, unknown>) => void;
}

export type LoadState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'error'; readonly message: string }
  | { readonly phase: 'ready'; readonly env: Environment; readonly ticket: TicketSnapshot };

const isFacts = (v: unknown): v is Facts =>
  isRecord(v) &&
  Object.entries(v).every(([k, x]) => (FACT_IDS as readonly string[]).includes(k) && typeof x === 'boolean');
const isDrafts = (v: unknown): v is Record<string, Record<string, unknown>> =>
  isRecord(v) && Object.values(v).every(isRecord);
interface QueuedStep {
  readonly stepId: string;
  readonly done: boolean;
  readonly procedure: string;
  readonly at: string;
}
const isQueue = (v: unknown): v is QueuedStep[] =>
  Array.isArray(v) && v.every((q) => isRecord(q) && typeof q.stepId === 'string' && typeof q.done === 'boolean');

/** Loads settings, the agent's language and the ticket; reloads the ticket when Zendesk says it changed. */
export function useLoad(port: ZendeskPort): { state: LoadState; reload: () => void } {
  const [state, setState] = useState<LoadState>({ phase: 'loading' });
  const envRef = useRef<Environment | undefined>(undefined);
  const load = useCallback(async () => {
    try {
      // The ticket is read at the same time as the app's settings and the agent: one round trip
      // to Zendesk less before the classification shows.
      const ticketRead = readTicket(port);
      // If the settings fail first, the ticket's own failure must not go unhandled.
      ticketRead.catch(() => undefined);
      if (envRef.current === undefined) {
        const [metadata, context, user] = await Promise.all([
          port.metadata(),
          port.context(),
          port.get(['currentUser']),
        ]);
        const current = isRecord(user.values.currentUser) ? user.values.currentUser : {};
        const settings = readAppSettings(metadata.settings);
        const identity = {
          subdomain: context.subdomain,
          userId: typeof current.id === 'number' ? current.id : 0,
          userName: typeof current.name === 'string' ? current.name : '',
        };
        const lang = resolveLocale(typeof current.locale === 'string' ? current.locale : undefined);
        await loadLanguage(lang);
        envRef.current = {
          settings,
          lang,
          proxy: new ProxyClient(port, settings.proxyUrl, identity),
          agentName: identity.userName,
        };
      }
      const ticket = await ticketRead;
      setState({ phase: 'ready', env: envRef.current, ticket });
    } catch (error) {
      const message = error instanceof ZendeskError || error instanceof Error ? error.message : String(error);
      setState((s) => (s.phase === 'ready' ? s : { phase: 'error', message }));
    }
  }, [port]);

  useEffect(() => {
    void load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const offs = TICKET_EVENTS.map((event) =>
      port.on(event, () => {
        // Zendesk fires one event per keystroke in some fields: read the ticket once they settle.
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => void load(), 250);
      }),
    );
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      offs.forEach((off) => {
        off();
      });
    };
  }, [port, load]);

  return { state, reload: () => void load() };
}

export function useAssistant(port: ZendeskPort, env: Environment, ticket: TicketSnapshot): Assistant {
  const t = useMemo(() => translator(env.lang), [env.lang]);
  const key = (what: string): string => `aoc.${what}.${String(ticket.id)}`;
  const [override, setOverrideState] = useState<Override>(() => loadJson(key('override'), {}, isOverride));
  const [facts, setFacts] = useState<Facts>(() => loadJson(key('facts'), {}, isFacts));
  const [drafts, setDrafts] = useState<Record<string, Record<string, unknown>>>(() =>
    loadJson(key('drafts'), {}, isDrafts),
  );
  const [progress, setProgress] = useState<Record<string, StepProgress>>({});
  const [progressProblem, setProgressProblem] = useState<ProxyProblem | undefined>(undefined);
  const [nav, setNav] = useState<Navigation>({ tab: 'classification' });
  const [known, setKnown] = useState<FoundIdentifiers>({});
  const [procedures, setProcedures] = useState<Library | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void import('../domain/procedures/library').then((m) => {
      if (live) setProcedures(m.library());
    });
    return () => {
      live = false;
    };
  }, []);

  const auto = useMemo(
    () => classify(ticket.input, { altaTag: env.settings.desk.altaTag }),
    [ticket.input, env.settings.desk.altaTag],
  );
  const classification = useMemo(() => applyOverride(auto, override), [auto, override]);
  const found = useMemo(() => findIdentifiers(`${ticket.input.subject}\n${ticket.input.description}`), [ticket.input]);

  const setOverride = (o: Override): void => {
    setOverrideState(o);
    saveJson(key('override'), Object.keys(o).length === 0 ? undefined : o);
  };
  const setFact = (fact: FactId, value: boolean | undefined): void => {
    setFacts((f) => {
      const next: Facts = Object.fromEntries(Object.entries(f).filter(([k]) => k !== fact));
      if (value !== undefined) next[fact] = value;
      saveJson(key('facts'), next);
      return next;
    });
  };
  const setDraft = (template: string, values: Record<string, unknown>): void => {
    setDrafts((d) => {
      const next = { ...d, [template]: values };
      saveJson(key('drafts'), next);
      return next;
    });
  };

  const procedurePlan = useMemo((): Plan => {
    if (procedures === undefined) return { steps: [], because: '', questions: [] };
    const done: Record<string, { doneAt: string; doneBy?: string }> = {};
    for (const [id, p] of Object.entries(progress)) if (p.done) done[id] = { doneAt: p.at, doneBy: p.byName ?? p.by };
    return plan(procedures, {
      classification,
      facts,
      progress: done,
      now: new Date(),
      lang: env.lang,
      autoCloseDays: env.settings.desk.autoCloseDays,
    });
  }, [procedures, classification, facts, progress, env.lang, env.settings.desk.autoCloseDays]);

  const sendQueue = useCallback(async (): Promise<void> => {
    const queue = loadJson<QueuedStep[]>(`aoc.queue.${String(ticket.id)}`, [], isQueue);
    const remaining: QueuedStep[] = [];
    for (const q of queue) {
      const r = await env.proxy.call(setStep, {
        params: { ticketId: ticket.id, stepId: q.stepId },
        body: { done: q.done, procedure: q.procedure },
      });
      if (!r.ok) {
        remaining.push(q);
        setProgressProblem(r.problem);
      }
    }
    saveJson(`aoc.queue.${String(ticket.id)}`, remaining.length === 0 ? undefined : remaining);
    if (remaining.length === 0 && queue.length > 0) setProgressProblem(undefined);
  }, [env.proxy, ticket.id]);

  const loadProgress = useCallback(async (): Promise<void> => {
    await sendQueue();
    const r = await env.proxy.call(getProgress, { params: { ticketId: ticket.id } });
    const queue = loadJson<QueuedStep[]>(`aoc.queue.${String(ticket.id)}`, [], isQueue);
    const next: Record<string, StepProgress> = {};
    if (r.ok) for (const s of r.data.steps) next[s.stepId] = s;
    else setProgressProblem(r.problem);
    // Changes not yet accepted by the proxy still show as the agent left them, proxy up or down.
    for (const q of queue)
      next[q.stepId] = {
        stepId: q.stepId,
        procedure: q.procedure,
        done: q.done,
        by: 'me',
        byName: env.agentName,
        at: q.at,
        note: null,
      };
    setProgress((current) => (r.ok ? next : { ...current, ...next }));
    if (r.ok && queue.length === 0) setProgressProblem(undefined);
  }, [env.proxy, env.agentName, ticket.id, sendQueue]);

  useEffect(() => {
    // Fetching the shared progress from the proxy when the ticket opens is this effect's purpose;
    // state is set when the answer arrives, not synchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void loadProgress();
  }, [loadProgress]);

  const toggleStep = async (stepId: string, done: boolean): Promise<void> => {
    const procedure = procedurePlan.procedure?.id ?? 'none';
    const at = new Date().toISOString();
    setProgress((p) => ({
      ...p,
      [stepId]: { stepId, procedure, done, by: 'me', byName: env.agentName, at, note: null },
    }));
    const r = await env.proxy.call(setStep, { params: { ticketId: ticket.id, stepId }, body: { done, procedure } });
    if (r.ok) {
      setProgress((p) => ({ ...p, [stepId]: r.data }));
      setProgressProblem(undefined);
      return;
    }
    setProgressProblem(r.problem);
    const queue = loadJson<QueuedStep[]>(`aoc.queue.${String(ticket.id)}`, [], isQueue).filter(
      (q) => q.stepId !== stepId,
    );
    saveJson(`aoc.queue.${String(ticket.id)}`, [...queue, { stepId, done, procedure, at }]);
  };

  return {
    env,
    ...(procedures === undefined ? {} : { library: procedures }),
    t,
    ticket,
    auto,
    classification,
    override,
    setOverride,
    found,
    known,
    remember: (values) => {
      setKnown((k) => ({ ...k, ...values }));
    },
    facts,
    setFact,
    plan: procedurePlan,
    progress,
    toggleStep,
    ...(progressProblem === undefined ? {} : { progressProblem }),
    retryProgress: loadProgress,
    nav,
    go: setNav,
    drafts,
    setDraft,
  };
}

/** The message for a proxy problem, in the agent's language. */
export function problemText(t: Translate, p: ProxyProblem): string {
  switch (p.kind) {
    case 'notConfigured':
      return t('err.noProxy');
    case 'network':
      return t('err.network');
    case 'unauthorized':
      return t('err.401');
    case 'rateLimited':
      return t('err.429');
    case 'unavailable':
      return t('err.503', { database: p.database ?? '—' });
    case 'badRequest':
      return t('err.400', {
        fields: p.fields.length === 0 ? (p.message ?? '') : p.fields.map((f) => `${f.field}: ${f.reason}`).join('; '),
      });
    case 'server':
      return t('err.500');
    case 'badResponse':
      return t('err.badResponse');
  }
}
