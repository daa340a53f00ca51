import type { Classification } from '../classifier/schema';
import type { Condition, FactId } from './schema';

/**
 * Evaluates a step's condition against the classification and the facts known so far. Facts the
 * agent has not answered yet make a condition `unknown` rather than false, so a step that depends
 * on them is shown as pending, with the question that decides it.
 */
export type Truth = 'yes' | 'no' | 'unknown';
export type Facts = Partial<Record<FactId, boolean>>;
export type Lang = 'ca' | 'es' | 'en';

const asList = (v: string | readonly string[]): readonly string[] => (typeof v === 'string' ? [v] : v);

export function evaluate(c: Condition, cls: Classification, facts: Facts): Truth {
  if ('all' in c) {
    const results = c.all.map((x) => evaluate(x, cls, facts));
    return results.includes('no') ? 'no' : results.includes('unknown') ? 'unknown' : 'yes';
  }
  if ('any' in c) {
    const results = c.any.map((x) => evaluate(x, cls, facts));
    return results.includes('yes') ? 'yes' : results.includes('unknown') ? 'unknown' : 'no';
  }
  if ('not' in c) {
    const r = evaluate(c.not, cls, facts);
    return r === 'unknown' ? 'unknown' : r === 'yes' ? 'no' : 'yes';
  }
  if ('service' in c) return asList(c.service).includes(cls.service) ? 'yes' : 'no';
  if ('environment' in c) return asList(c.environment).includes(cls.environment) ? 'yes' : 'no';
  if ('ambit' in c) return asList(c.ambit).includes(cls.ambit) ? 'yes' : 'no';
  if ('flag' in c) return (cls.flags as readonly string[]).includes(c.flag) ? 'yes' : 'no';
  if ('product' in c) return (cls.products as readonly string[]).includes(c.product) ? 'yes' : 'no';
  const known = facts[c.fact];
  if (known === undefined) return 'unknown';
  return known === c.is ? 'yes' : 'no';
}

/** The words conditions are written with, per language (the language walk test reads them too). */
export const CONDITION_WORDS: Readonly<Record<Lang, Record<string, string>>> = {
  ca: {
    service: 'servei',
    environment: 'entorn',
    ambit: 'àmbit',
    flag: 'cas especial',
    product: 'producte',
    not: 'no',
    and: ' i ',
    or: ' o ',
    yes: 'sí',
    no: 'no',
    fact: 'resposta',
  },
  es: {
    service: 'servicio',
    environment: 'entorno',
    ambit: 'ámbito',
    flag: 'caso especial',
    product: 'producto',
    not: 'no',
    and: ' y ',
    or: ' o ',
    yes: 'sí',
    no: 'no',
    fact: 'respuesta',
  },
  en: {
    service: 'service',
    environment: 'environment',
    ambit: 'àmbit',
    flag: 'special case',
    product: 'product',
    not: 'not',
    and: ' and ',
    or: ' or ',
    yes: 'yes',
    no: 'no',
    fact: 'answer',
  },
};

/** The condition in words ("servei PSCP o ELICITA i entorn PRE"), for the agent to read. */
export function describe(c: Condition, lang: Lang, question: (f: FactId) => string): string {
  const w = CONDITION_WORDS[lang];
  const wrap = (parts: readonly Condition[], joiner: string): string =>
    parts
      .map((p) => ('all' in p || 'any' in p ? `(${describe(p, lang, question)})` : describe(p, lang, question)))
      .join(joiner);
  if ('all' in c) return wrap(c.all, w.and ?? ' & ');
  if ('any' in c) return wrap(c.any, w.or ?? ' | ');
  if ('not' in c) return `${w.not ?? 'not'} ${describe(c.not, lang, question)}`;
  if ('service' in c) return `${w.service ?? ''} ${asList(c.service).join(w.or ?? '/')}`;
  if ('environment' in c) return `${w.environment ?? ''} ${asList(c.environment).join(w.or ?? '/')}`;
  if ('ambit' in c) return `${w.ambit ?? ''} ${asList(c.ambit).join(w.or ?? '/')}`;
  if ('flag' in c) return `${w.flag ?? ''} ${c.flag}`;
  if ('product' in c) return `${w.product ?? ''} ${c.product}`;
  return `${question(c.fact)} → ${(c.is ? w.yes : w.no) ?? ''}`;
}

/** The facts a condition depends on that are not known yet (every one, decided or not). */
export function unknownFacts(c: Condition, facts: Facts): FactId[] {
  if ('all' in c) return c.all.flatMap((x) => unknownFacts(x, facts));
  if ('any' in c) return c.any.flatMap((x) => unknownFacts(x, facts));
  if ('not' in c) return unknownFacts(c.not, facts);
  if ('fact' in c) return facts[c.fact] === undefined ? [c.fact] : [];
  return [];
}

/**
 * The unknown facts that still decide the condition: those under parts whose own value is not
 * known. A part already decided by the classification ("not a MINHAP ticket") asks nothing, so no
 * question is asked where it would change nothing.
 */
export function openFacts(c: Condition, cls: Classification, facts: Facts): FactId[] {
  const seen = new Set<FactId>();
  const walk = (x: Condition): void => {
    if (evaluate(x, cls, facts) !== 'unknown') return;
    if ('all' in x) x.all.forEach(walk);
    else if ('any' in x) x.any.forEach(walk);
    else if ('not' in x) walk(x.not);
    else if ('fact' in x && facts[x.fact] === undefined) seen.add(x.fact);
  };
  walk(c);
  return [...seen];
}
