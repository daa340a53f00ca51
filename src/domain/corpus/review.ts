/**
 * The desk lead's review of the corrections: every disagreement (classifier said / agent said),
 * grouped by field and, within a field, by the evidence that decided the classifier's value, so
 * that a word that misleads the classifier, or a rule that misfires, shows as one group with
 * several tickets. A value the classifier missed has no evidence: those group together.
 */
import { disagreements, LABEL_FIELDS, type CorrectionRecord, type LabelField } from './correction';

export interface DisagreementItem {
  readonly ticket: number;
  readonly subject: string;
  readonly classifier: string;
  readonly agent: string;
  readonly at: string;
  readonly classifierVersion: string;
}

export interface EvidenceGroup {
  /** What decided: `"Padró" (description) → product PADRO`, or null when nothing did. */
  readonly evidence: { readonly field: string; readonly text: string; readonly means: string } | null;
  readonly items: readonly DisagreementItem[];
}

export interface FieldGroup {
  readonly field: LabelField;
  readonly count: number;
  /** Largest group first: the most frequent misreading is the one to fix first. */
  readonly groups: readonly EvidenceGroup[];
}

export interface Review {
  readonly records: number;
  readonly confirmed: number;
  readonly corrected: number;
  readonly fields: readonly FieldGroup[];
}

export function reviewCorrections(records: readonly CorrectionRecord[]): Review {
  const byField = new Map<
    LabelField,
    Map<string, { evidence: EvidenceGroup['evidence']; items: DisagreementItem[] }>
  >();
  let corrected = 0;
  for (const record of records) {
    const found = disagreements(record.original, record.labels);
    if (found.length > 0) corrected++;
    for (const d of found) {
      const item: DisagreementItem = {
        ticket: record.ticket,
        subject: record.subject,
        classifier: d.classifier,
        agent: d.agent,
        at: record.at,
        classifierVersion: record.classifierVersion,
      };
      const groups =
        byField.get(d.field) ?? new Map<string, { evidence: EvidenceGroup['evidence']; items: DisagreementItem[] }>();
      byField.set(d.field, groups);
      const evidences = d.evidence.length === 0 ? [null] : d.evidence;
      for (const e of evidences) {
        const key = e === null ? '' : `${e.text.toLowerCase()}\u0000${e.means}`;
        const group = groups.get(key) ?? {
          evidence: e === null ? null : { field: e.field, text: e.text, means: e.means },
          items: [],
        };
        groups.set(key, group);
        if (!group.items.some((i) => i.ticket === item.ticket)) group.items.push(item);
      }
    }
  }
  const fields = LABEL_FIELDS.flatMap((field) => {
    const groups = byField.get(field);
    if (groups === undefined) return [];
    const list = [...groups.values()].sort(
      (a, b) => b.items.length - a.items.length || (a.evidence?.text ?? '').localeCompare(b.evidence?.text ?? ''),
    );
    const tickets = new Set(list.flatMap((g) => g.items.map((i) => i.ticket)));
    return [{ field, count: tickets.size, groups: list }];
  });
  return { records: records.length, corrected, confirmed: records.length - corrected, fields };
}
