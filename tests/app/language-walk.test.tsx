// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import en from '../../translations/en.json';
import { loadLanguage, uiTable, type UiKey } from '../../src/app/i18n/i18n';
import { checkTexts, type CheckTextKey } from '../../src/app/checks/texts';
import { CATALOGUE, PRODUCT_IDS, productLabel, SERVICE_IDS, serviceDescription } from '../../src/domain/catalogue';
import { classify, type Classification, type TicketInput } from '../../src/domain/classifier';
import { CONDITION_WORDS, library, NO_PROCEDURE, PLAN_WORDS } from '../../src/domain/procedures';
import { TEMPLATE_IDS, TEMPLATES, VARIABLE_LABELS } from '../../src/domain/templates';
import { SAMPLE_TICKETS } from '../../src/local/samples';
import { toMemoryTicket } from '../../src/local/host/sample-ticket';
import { BASE_SETTINGS, loadLazyPanels, mount } from './harness';
import { proxyHandlers, type ProxyLog } from './proxy-handlers';

/**
 * The language walk: the sidebar rendered in Spanish and in English for local samples of several
 * kinds, every tab opened and a check run; each text node (and each label, title and placeholder)
 * must be a text of that language's translation table — its placeholders filled with allowed text —
 * or data: the ticket's own words, codes and numbers, the catalogue's, the procedures' and the reply
 * templates' texts (titles, variable labels) in
 * that language, the proxy's answers. The reply preview is the reply itself (in the ticket's
 * language), so it is not walked.
 */
type Lang = 'es' | 'en';
await loadLanguage('es');
await loadLanguage('en');
/** Each language's texts: its translations file and the checks' texts. */
const TABLES: Record<'ca' | Lang, Readonly<Record<string, string>>> = {
  ca: { ...uiTable('ca'), ...checkTexts('ca') },
  es: { ...uiTable('es'), ...checkTexts('es') },
  en: { ...uiTable('en'), ...checkTexts('en') },
};

const log: ProxyLog = { puts: [], gets: [] };
const server = setupServer(...proxyHandlers(log));
/** Every string the stand-in proxy answered with: data the sidebar may show. */
const proxyStrings = new Set<string>();
function collectStrings(value: unknown): void {
  if (typeof value === 'string') proxyStrings.add(value);
  else if (Array.isArray(value)) value.forEach(collectStrings);
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collectStrings);
}
server.events.on('response:mocked', ({ response }) => {
  void response
    .clone()
    .json()
    .then(collectStrings, () => undefined);
});

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await loadLazyPanels();
});
afterEach(() => {
  cleanup();
  server.resetHandlers(...proxyHandlers(log));
});
afterAll(() => {
  server.close();
});

const SETTING_NAMES: readonly string[] = Object.keys(en.app.parameters);

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Codes (AOC's, in capitals, or with underscores as tags and modality codes are), placeholders of
 * codes ("<INE10>_PROVES"), numbers, dates, percentages, symbols and punctuation: the same in
 * every language.
 */
const CODE_TOKEN = new RegExp(
  [
    /^[A-Z0-9<][A-Z0-9_./·:<>\-–]*$/,
    /^[A-Za-z0-9<>]+(_[A-Za-z0-9<>]+)+$/,
    /^[\d.,:/%+\-–h]+$/,
    /^[()[\]·,;:.…✎✓✗×—–\-→/+#*%|"“”«»'’★⚠]+$/,
  ]
    .map((r) => r.source)
    .join('|'),
  'u',
);
function codesOnly(text: string): boolean {
  return text.split(/[\s,;()]+/).every((tok) => tok === '' || CODE_TOKEN.test(tok));
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/\p{L}+/gu) ?? [];

interface Vocabulary {
  readonly templates: readonly { key: string; regex: RegExp }[];
  readonly data: readonly string[];
  /**
   * The words of the language's texts (its translation table and its procedure texts): a value
   * the app composes from them (a condition "caso especial MINHAP y no …") reads as that language.
   */
  readonly words: ReadonlySet<string>;
}

function vocabulary(lang: Lang, ticket: TicketInput): Vocabulary {
  // The plan's own words (src/domain/procedures PLAN_WORDS) open a phrase the step's title ends.
  const planPhrases = Object.entries(PLAN_WORDS[lang]).map(([key, text]): readonly [string, string] => [
    `plan.${key}`,
    `${text} {{title}}`,
  ]);
  const texts: readonly (readonly [string, string])[] = [...Object.entries(TABLES[lang]), ...planPhrases];
  const whole = texts
    // A text made only of placeholders and punctuation would let anything through.
    .filter(([, text]) => /\p{L}/u.test(text.replace(/\{\{\w+\}\}/g, '')))
    .map(([key, text]) => {
      const parts = squash(text).split(/\{\{\w+\}\}/);
      return { key, regex: new RegExp(`^${parts.map(escapeRegExp).join('(.+?)')}$`, 's') };
    });
  // A text the panel renders around an element of its own (a step number that is a link) reaches
  // the page as the pieces between its placeholders: each piece with letters is that text too.
  const pieces = texts.flatMap(([key, text]) =>
    squash(text)
      .split(/\{\{\w+\}\}/)
      .map((piece) => piece.trim())
      .filter((piece) => /\p{L}/u.test(piece) && piece !== squash(text))
      .map((piece) => ({ key: `${key} (piece)`, regex: new RegExp(`^${escapeRegExp(piece)}$`, 's') })),
  );
  const templates = [...whole, ...pieces];
  const data: string[] = [
    ticket.subject,
    ticket.description,
    ticket.organization?.name ?? '',
    ticket.requester?.name ?? '',
    ticket.requester?.email ?? '',
    ...(ticket.attachments ?? []).map((a) => (typeof a === 'string' ? a : a.name)),
    ...(ticket.tags ?? []),
    // The local page's stand-ins for a sample without a requester.
    'Sol·licitant',
    'sollicitant@example.org',
    'Agent Test',
    ...PRODUCT_IDS.flatMap((p) => [productLabel(p, lang).name]),
    ...SERVICE_IDS.map((s) => serviceDescription(s, lang)),
    ...CATALOGUE.collegis.flatMap((c) => [c.name, c.acronym]),
    ...proceduresText(lang),
    ...repliesText(lang),
    ...proxyStrings,
    ...Object.values(BASE_SETTINGS).map(String),
    ...Object.values(NO_PROCEDURE).map((texts) => texts[lang]),
    // The app settings' names, which a reply refused for a missing setting names.
    ...SETTING_NAMES,
    // A language selector names each language in that language.
    'Català',
    'Español',
    'English',
  ];
  const words = new Set(
    [
      ...Object.values(TABLES[lang]),
      ...proceduresText(lang),
      ...repliesText(lang),
      ...Object.values(CONDITION_WORDS[lang]),
      ...Object.values(PLAN_WORDS[lang]),
      ...SETTING_NAMES,
    ].flatMap(wordsOf),
  );
  return { templates, data: data.map(squash).filter((d) => d !== ''), words };
}

/** The procedures' texts in one language (a text the data has only in Catalan is not among them). */
function proceduresText(lang: Lang): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.ca === 'string') {
        const own = o[lang];
        if (typeof own === 'string') out.push(own);
        return;
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(library());
  return out;
}

/** The reply templates' titles and their variables' labels in one language. */
function repliesText(lang: Lang): string[] {
  return [...Object.values(TEMPLATES).map((d) => d.title[lang]), ...Object.values(VARIABLE_LABELS).map((l) => l[lang])];
}

function allowed(text: string, v: Vocabulary, depth = 0): boolean {
  const s = squash(text);
  if (s === '' || codesOnly(s)) return true;
  // Arrows and other signs without a letter (a step's ▸/▾ folder) are in no language.
  if (!/\p{L}/u.test(s)) return true;
  if (v.data.some((d) => d.includes(s))) return true;
  if (depth > 3) return false;
  // A list the app joins ("SIRI authorisations · PRO", the steps a step waits for).
  if (s.includes(' · ') && s.split(' · ').every((part) => allowed(part, v, depth + 1))) return true;
  for (const { regex } of v.templates) {
    const m = regex.exec(s);
    if (m === null) continue;
    const filled = (g: string): boolean =>
      allowed(g, v, depth + 1) ||
      g
        .split(/[\s,;()«»"“”¿?¡!:→]+/)
        .every((tok) => tok === '' || CODE_TOKEN.test(tok) || wordsOf(tok).every((w) => v.words.has(w)));
    if (m.slice(1).every(filled)) return true;
  }
  return false;
}

/** Every text an agent reads in the sidebar now: text nodes, labels, titles and placeholders. */
function visibleTexts(root: HTMLElement): string[] {
  const out: string[] = [];
  const skip = (el: Element | null): boolean => el?.closest('[data-testid="reply-preview"], style, script') != null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (n instanceof Element) {
      if (skip(n)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = n.getAttribute(attr);
        if (value !== null) out.push(value);
      }
    } else if (!skip(n.parentElement)) out.push(n.textContent ?? '');
  }
  return out.map(squash).filter((t) => t !== '');
}

/** The first local sample the classifier reads as `wanted` describes. */
function sample(wanted: (c: Classification) => boolean): TicketInput {
  const found = SAMPLE_TICKETS.find((t) => wanted(classify(t)));
  if (found === undefined) throw new Error('no local sample of this kind');
  return found;
}

const KINDS: readonly [string, (c: Classification) => boolean][] = [
  ['Via Oberta PRE with MINHAP', (c) => c.service === 'VO' && c.environment === 'PRE' && c.flags.includes('MINHAP')],
  ['PSCP', (c) => c.service === 'PSCP' && c.environment === 'PRE'],
  ['DCOC', (c) => c.service === 'VO' && c.flags.includes('DCOC')],
  ['UNKNOWN', (c) => c.service === 'UNKNOWN'],
];

const t = (lang: Lang | 'ca', key: UiKey | CheckTextKey): string => {
  const text = TABLES[lang][key];
  if (text === undefined) throw new Error(`${lang}: no ${key}`);
  return text;
};

/** Opens every tab, shows what is folded, runs the check the panel opens on; returns what it read. */
async function walkSidebar(lang: Lang, ticket: TicketInput): Promise<string[]> {
  mount({ ticket: toMemoryTicket(ticket, 4242), locale: lang });
  await screen.findByTestId('service');
  const texts = visibleTexts(document.body);
  fireEvent.click(screen.getByRole('tab', { name: t(lang, 'tabs.steps') }));
  await waitFor(() => {
    expect(document.querySelector('[aria-label]')).not.toBeNull();
  });
  for (const b of screen.queryAllByRole('button', { name: t(lang, 'steps.showHidden') })) fireEvent.click(b);
  texts.push(...visibleTexts(document.body));
  fireEvent.click(screen.getByRole('tab', { name: t(lang, 'tabs.replies') }));
  await screen.findByText(t(lang, 'replies.preview'));
  texts.push(...visibleTexts(document.body));
  fireEvent.click(screen.getByRole('tab', { name: t(lang, 'tabs.checks') }));
  const run = await screen.findByRole('button', { name: t(lang, 'checks.run') });
  texts.push(...visibleTexts(document.body));
  if (!(run as HTMLButtonElement).disabled) {
    fireEvent.click(run);
    await waitFor(
      () => {
        expect(screen.queryByText(t(lang, 'checks.running'))).toBeNull();
      },
      { timeout: 20_000 },
    );
    await waitFor(() => {
      expect(screen.queryByTestId('check-result') ?? screen.queryByRole('alert')).not.toBeNull();
    });
    texts.push(...visibleTexts(document.body));
  }
  return texts;
}

describe.each<Lang>(['es', 'en'])('the sidebar in %s', (lang) => {
  it.each(KINDS)(
    'shows a %s ticket only in that language or as data',
    async (_kind, wanted) => {
      const ticket = sample(wanted);
      const texts = await walkSidebar(lang, ticket);
      const v = vocabulary(lang, ticket);
      const foreign = [...new Set(texts)].filter((text) => !allowed(text, v));
      expect(foreign).toEqual([]);
      expect(texts.length).toBeGreaterThan(30);
    },
    120_000,
  );
});

/**
 * Every reply template, chosen one by one on the replies tab: its title, its fields' labels and
 * what the panel says of a missing value and of a typed one it refuses (an "x" in each field).
 */
async function walkReplies(lang: Lang, ticket: TicketInput): Promise<string[]> {
  mount({ ticket: toMemoryTicket(ticket, 4242), locale: lang });
  await screen.findByTestId('service');
  fireEvent.click(screen.getByRole('tab', { name: t(lang, 'tabs.replies') }));
  const list = await screen.findByTestId('template-list');
  const others = within(list).queryByRole('button', { expanded: false });
  if (others !== null) fireEvent.click(others);
  const texts: string[] = [];
  for (const id of TEMPLATE_IDS) {
    const radio = within(list)
      .getAllByRole<HTMLInputElement>('radio')
      .find((r) => r.value === id);
    if (radio === undefined) throw new Error(`no template ${id} in the list`);
    fireEvent.click(radio);
    await waitFor(() => {
      expect(radio.checked).toBe(true);
    });
    texts.push(...visibleTexts(document.body));
    for (const field of screen.queryAllByRole<HTMLInputElement>('textbox')) {
      if (field.closest('[data-testid="template-list"]') === null) fireEvent.change(field, { target: { value: 'x' } });
    }
    texts.push(...visibleTexts(document.body));
  }
  return texts;
}

describe.each<Lang>(['es', 'en'])('the replies tab in %s', (lang) => {
  it('names every template, its values and their problems only in that language', async () => {
    const ticket = sample((c) => c.service === 'UNKNOWN');
    const texts = await walkReplies(lang, ticket);
    const v = vocabulary(lang, ticket);
    const foreign = [...new Set(texts)].filter((text) => !allowed(text, v));
    expect(foreign).toEqual([]);
    for (const d of Object.values(TEMPLATES)) expect(texts).toContain(squash(d.title[lang]));
  }, 120_000);
});

describe('the walk’s judge', () => {
  const ticket: TicketInput = { id: '1', subject: 'Alta PSCP', description: 'Volem integrar la PSCP.' };

  it('refuses a hard-coded text of another language, also inside a translated text', () => {
    const v = vocabulary('es', ticket);
    expect(allowed(t('es', 'checks.derived'), v)).toBe(true);
    expect(allowed(t('ca', 'checks.derived'), v)).toBe(false);
    expect(allowed('Derived (L01 + INE code)', v)).toBe(false);
    expect(allowed(t('es', 'steps.because').replace('{{why}}', t('ca', 'checks.derived')), v)).toBe(false);
    expect(allowed(t('es', 'steps.because').replace('{{why}}', 'PSCP'), v)).toBe(true);
  });

  it('takes codes, numbers and the ticket’s own words as data', () => {
    const v = vocabulary('en', ticket);
    expect(allowed('VO · PRE · 87%', v)).toBe(true);
    expect(allowed('Volem integrar la PSCP.', v)).toBe(true);
    expect(allowed('(authorisations)', v)).toBe(false);
  });
});
