import type { Mention } from './reading';
import type { Evidence } from './schema';

/** Small helpers over the reader's mentions, shared by the classifier's stages. */

export const isOwn = (m: Mention): boolean => m.zone === 'own';

function kindIs<K extends Mention['meaning']['kind']>(kind: K) {
  return (m: Mention): m is Mention & { meaning: Extract<Mention['meaning'], { kind: K }> } => m.meaning.kind === kind;
}
export const isService = kindIs('service');
export const isProduct = kindIs('product');

export function first(mentions: readonly Mention[], kind: Mention['meaning']['kind']): Mention | undefined {
  return mentions.find((m) => m.meaning.kind === kind);
}

export function weightOf(mentions: readonly Mention[], kind: 'intent' | 'problem'): number {
  let sum = 0;
  for (const m of mentions) {
    if (m.meaning.kind === kind) sum += m.meaning.weight;
  }
  return sum;
}

/** Evidence quoting a mention's own words. */
export function ev(m: Mention, means: string): Evidence {
  return { field: m.field, text: m.text, means };
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
