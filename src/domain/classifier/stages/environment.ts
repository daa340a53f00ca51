import { ev, first } from '../mentions';
import type { CodedEvidence, Environment, Flag } from '../schema';
import type { TicketReading } from '../ticket-reading';
import type { IntegrationAsked } from './integration';
import type { ProductsDecision } from './products';
import type { StageResult } from './stage';

/**
 * Stage 5: where the work asked for now is done. A new integration starts in PRE; a delivered
 * homologation, a move to production, SetDIBA, CORPME and mass registrations go to PRO — the
 * classification contract's environment rule, for every SetDIBA ticket. Which procedure follows is
 * the procedures' choice: SetDIBA asking for a service other than its own four
 * (`SETDIBA_OWN_SERVICES`) still goes through that service's PRE steps.
 */
export function decideEnvironment(
  reading: TicketReading,
  integration: IntegrationAsked,
  products: ProductsDecision,
  flags: ReadonlySet<Flag>,
): StageResult<Environment> {
  const { cues } = integration;
  const docs = reading.attachments;
  const e = (value: Environment, evidence: CodedEvidence): StageResult<Environment> => ({
    value,
    evidence: [evidence],
  });
  if (flags.has('HOMOLOGATION')) {
    return e(
      'PRO',
      cues.homologation !== undefined
        ? ev(
            cues.homologation,
            'environment PRO (homologation delivered: move to production)',
            'environment.PRO.homologation',
          )
        : ev(
            { field: 'attachments', text: docs.homologation ?? '' },
            'environment PRO (homologation delivered)',
            'environment.PRO.homologationAttached',
          ),
    );
  }
  if (cues.toProduction !== undefined) {
    return e(
      'PRO',
      ev(cues.toProduction, 'environment PRO (asks to move to production)', 'environment.PRO.toProduction'),
    );
  }
  const why = flags.has('SETDIBA')
    ? 'SETDIBA'
    : flags.has('CORPME')
      ? 'CORPME'
      : flags.has('MASS_EXCEL')
        ? 'MASS_EXCEL'
        : undefined;
  if (why !== undefined) {
    const m =
      why === 'SETDIBA'
        ? cues.setdiba
        : why === 'CORPME'
          ? (products.mentions.get('CORPME') ?? products.mentions.get('REGISTRE_ENTITATS'))
          : cues.mass;
    return {
      value: 'PRO',
      evidence:
        m === undefined
          ? []
          : [ev(m, `environment PRO (${why} goes straight to production)`, 'environment.PRO.straight', { flag: why })],
    };
  }
  const intent = first(reading.own, 'intent');
  return e(
    'PRE',
    intent !== undefined
      ? ev(intent, 'environment PRE (a new integration starts in preproducció)', 'environment.PRE.new')
      : ev(
          { field: 'tags', text: reading.tags.join(', ') },
          'environment PRE (a new integration starts in preproducció)',
          'environment.PRE.new',
        ),
  );
}
