/**
 * Turns stored corrections into labelled tickets in the format `npm run eval` reads
 * (`tests/fixtures/*.json`: items `{ ticket, expected }`), masked unless asked otherwise.
 */
import type { CorrectedTicket, CorrectionRecord, LabelField, Labels } from './correction';
import type { Masker } from './mask';

export interface LabelledCorrection {
  readonly ticket: CorrectedTicket;
  readonly expected: Labels;
  /** For `npm run eval`'s table per category: `desk-corrected` or `desk-confirmed`, and each field corrected. */
  readonly category: readonly string[];
  /** Where the labels come from; `npm run eval` ignores it. No agent is named here. */
  readonly correction: {
    readonly kind: 'confirmed' | 'corrected';
    readonly changed: readonly LabelField[];
    /** The day the agent settled the labels (YYYY-MM-DD). */
    readonly on: string;
    readonly classifierVersion: string;
    readonly classifierSaid: Labels;
  };
}

export function toLabelledTicket(record: CorrectionRecord, masker: Masker | undefined): LabelledCorrection {
  const { service, products, environment, ambit, flags } = record.original;
  return {
    // The ticket id is Zendesk's, not a person's: never masked (a long one could pass for a phone).
    ticket: masker === undefined ? record.input : { ...masker.deep(record.input), id: record.input.id },
    expected: record.labels,
    category: [`desk-${record.kind}`, ...record.changed.map((f) => `corrected-${f}`)],
    correction: {
      kind: record.kind,
      changed: record.changed,
      on: record.at.slice(0, 10),
      classifierVersion: record.classifierVersion,
      classifierSaid: { service, products, environment, ambit, flags },
    },
  };
}
