import type { z } from 'zod';
import { htmlToText } from './html-to-text';
import { TEMPLATES, type TemplateId, type TemplateLanguage } from './registry';
import type { IdentifierCode, IdentifierParams } from '../identifiers';
import { isVariableName, VARIABLE_RULES, VARIABLE_SETTINGS, type VariableRule } from './variables';
import { isRecord } from '../is-record';

/**
 * Renders a reply: checks every variable against the template's schema first, and only then runs
 * the precompiled template. A missing or invalid variable is reported, by name and reason, and no
 * text is produced, so a broken reply never reaches the ticket. Values are HTML-escaped by
 * Handlebars: what an ens or an agent typed cannot add markup to the reply.
 */
export type CompiledTemplate = (context: unknown, options?: { partials?: Record<string, unknown> }) => string;

/** Finds the compiled template for a file name such as `vo-fi-alta.ca` or `_vo-docs-ambits.es`. */
export type TemplateLoader = (name: string) => Promise<CompiledTemplate>;

/** Why a value is invalid, for the app to say in the agent's language. */
export type InvalidWhy =
  | { readonly kind: 'identifier'; readonly code: IdentifierCode; readonly params: IdentifierParams }
  | { readonly kind: 'rule'; readonly rule: VariableRule; readonly params: IdentifierParams };

export interface VariableProblem {
  readonly variable: string;
  readonly reason: 'missing' | 'invalid';
  /** English, for the command line and logs; the app words `why` instead. */
  readonly message: string;
  /** For an invalid value: the identifier's code or the rule it breaks. */
  readonly why?: InvalidWhy;
  /** The app setting the value comes from, when it is one: that is where to fix it. */
  readonly setting?: string;
}

export type RenderResult =
  | { readonly ok: true; readonly html: string; readonly text: string; readonly language: TemplateLanguage }
  | { readonly ok: false; readonly problems: readonly VariableProblem[] };

/** Languages a template exists in, the preferred first; falls back to what exists. */
export function pickLanguage(id: TemplateId, preferred: TemplateLanguage): TemplateLanguage {
  const langs = TEMPLATES[id].languages;
  return langs.includes(preferred) ? preferred : (langs[0] ?? 'ca');
}

/** The reason of one zod issue: what the variable's rule put in its params, else the issue's kind. */
function whyOf(issue: z.core.$ZodIssue): InvalidWhy {
  const params = issue.code === 'custom' ? issue.params : undefined;
  const identifier = params?.['identifier'] as unknown;
  if (isRecord(identifier) && typeof identifier.code === 'string' && isRecord(identifier.params))
    return {
      kind: 'identifier',
      code: identifier.code as IdentifierCode,
      params: identifier.params as IdentifierParams,
    };
  const rule = params?.['rule'] as unknown;
  if (typeof rule === 'string' && (VARIABLE_RULES as readonly string[]).includes(rule))
    return { kind: 'rule', rule: rule as VariableRule, params: {} };
  if (issue.code === 'invalid_format' && issue.format === 'email') return { kind: 'rule', rule: 'email', params: {} };
  if (issue.code === 'too_big' && issue.origin === 'string')
    return { kind: 'rule', rule: 'tooLong', params: { max: Number(issue.maximum) } };
  return { kind: 'rule', rule: 'form', params: {} };
}

function problemsOf(error: z.ZodError, values: Readonly<Record<string, unknown>>): VariableProblem[] {
  return error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '(all)');
    const value = values[variable];
    const missing =
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
    const setting = isVariableName(variable) ? VARIABLE_SETTINGS[variable] : undefined;
    const where = setting === undefined ? '' : ` (set "${setting}" in the app's settings)`;
    return {
      variable,
      reason: missing ? 'missing' : 'invalid',
      message: missing ? `${variable} is missing${where}` : `${variable} ${issue.message}${where}`,
      ...(missing ? {} : { why: whyOf(issue) }),
      ...(setting === undefined ? {} : { setting }),
    };
  });
}

export function checkVariables(id: TemplateId, values: Readonly<Record<string, unknown>>): VariableProblem[] {
  const parsed = TEMPLATES[id].variables.safeParse(values);
  return parsed.success ? [] : problemsOf(parsed.error, values);
}

export async function renderTemplate(
  id: TemplateId,
  language: TemplateLanguage,
  values: Readonly<Record<string, unknown>>,
  load: TemplateLoader,
): Promise<RenderResult> {
  const definition = TEMPLATES[id];
  const parsed = definition.variables.safeParse(values);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error, values) };
  const lang = pickLanguage(id, language);
  const template = await load(`${id}.${lang}`);
  const partials: Record<string, unknown> = {};
  for (const name of definition.partials ?? []) partials[name] = await load(`${name}.${lang}`);
  // The templates mark the parts written from the manual's rule (data-derived="<key>", held by
  // tests/domain/templates/manual-sentences.test.ts); the mark is for the checks, not the ticket.
  const html = template(parsed.data, { partials })
    .replace(/\sdata-derived="[^"]*"/g, '')
    .trim();
  return { ok: true, html, text: htmlToText(html), language: lang };
}
