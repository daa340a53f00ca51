import type { Mention } from './reading';
import type { EvidenceCode, EvidenceParams } from './evidence';
import type { CodedEvidence, Evidence } from './schema';

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
    if (m.meaning.kind === kind && !m.setAside) sum += m.meaning.weight;
  }
  return sum;
}

/** Where a decision comes from: a mention's words, or the request form's caption. */
export interface Source {
  readonly field: Evidence['field'];
  readonly text: string;
}

/** Evidence quoting the words (or the form's caption) that decided, in English and as a code. */
export function ev(m: Source, means: string, code: EvidenceCode, params: EvidenceParams = {}): CodedEvidence {
  return { field: m.field, text: m.text, means, code, params };
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
