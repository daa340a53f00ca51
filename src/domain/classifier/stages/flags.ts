import { needsMinhap, type ProductId } from '../../catalogue/products';
import { ev, first } from '../mentions';
import type { EvidenceCode } from '../evidence';
import type { ClassifierOptions, CodedEvidence, Flag } from '../schema';
import type { TicketReading } from '../ticket-reading';
import type { IntegrationAsked } from './integration';
import type { ProductsDecision } from './products';
import type { ServiceDecision } from './service';
import type { StageResult } from './stage';

/**
 * Stage 4: the flags. Flags that belong to a product come from one table (and MINHAP from the
 * catalogue's rule); the others from the ticket's cues, its tags and its attachments.
 */
interface ProductFlag {
  readonly flag: Flag;
  readonly means: string;
  readonly code: EvidenceCode;
}

export const PRODUCT_FLAGS: Readonly<Partial<Record<ProductId, readonly ProductFlag[]>>> = {
  AEAT: [
    {
      flag: 'AEAT_CERT',
      means: 'flag AEAT_CERT (the ens registers its CDA at AEAT; AOC loads it in PRE)',
      code: 'flag.AEAT_CERT',
    },
  ],
  PADRO: [{ flag: 'PADRO', means: 'flag PADRO (internal review with the head of service)', code: 'flag.PADRO' }],
  CORPME: [{ flag: 'CORPME', means: 'flag CORPME (production only, no credentials in PRE)', code: 'flag.CORPME' }],
  REGISTRE_ENTITATS: [
    {
      flag: 'CORPME',
      means: 'flag CORPME (the Registre d’Entitats Jurídiques is handled as the CORPME altes: production only)',
      code: 'flag.CORPME.entitats',
    },
  ],
  DCOC: [{ flag: 'DCOC', means: "flag DCOC (ask the col·legi's permission first)", code: 'flag.DCOC' }],
};

export function decideFlags(
  reading: TicketReading,
  integration: IntegrationAsked,
  service: ServiceDecision,
  products: ProductsDecision,
  options: ClassifierOptions,
): StageResult<ReadonlySet<Flag>> {
  const flags = new Set<Flag>();
  const evidence: CodedEvidence[] = [];
  const raise = (flag: Flag, e: CodedEvidence): void => {
    flags.add(flag);
    evidence.push(e);
  };
  const { cues } = integration;
  const { attachments: docs, attachmentNames, tags } = reading;

  if (cues.setdiba !== undefined) {
    raise(
      'SETDIBA',
      cues.setdibaNamed
        ? ev(cues.setdiba, 'flag SETDIBA (request from SetDIBA on behalf of its ajuntaments)', 'flag.SETDIBA.named')
        : ev(
            cues.setdiba,
            'flag SETDIBA (Diputació de Barcelona asking for several ajuntaments)',
            'flag.SETDIBA.diputacio',
          ),
    );
  }
  if (cues.mass !== undefined && cues.setdiba === undefined) {
    raise('MASS_EXCEL', ev(cues.mass, 'flag MASS_EXCEL (bulk registrations sent as a spreadsheet)', 'flag.MASS_EXCEL'));
  }
  const others = service.services.slice(1);
  const second = others[0];
  if (second !== undefined) {
    const also = others.map((o) => o.service).join(', ');
    raise(
      'MULTI_SERVICE',
      ev(second.source, `flag MULTI_SERVICE (also ${also})`, 'flag.MULTI_SERVICE', { services: also }),
    );
  }
  const ids = products.products;
  if (products.ambit === 'MIXED') {
    const m = products.mentions.get(ids[1] ?? ids[0] ?? 'AEAT');
    if (m !== undefined)
      raise(
        'MULTI_AMBIT',
        ev(m, 'flag MULTI_AMBIT (products of different àmbits: one ticket per àmbit)', 'flag.MULTI_AMBIT'),
      );
  }
  for (const id of ids) {
    const m = products.mentions.get(id);
    if (m === undefined) continue;
    for (const pf of PRODUCT_FLAGS[id] ?? []) raise(pf.flag, ev(m, pf.means, pf.code));
    if (needsMinhap(id) && !flags.has('MINHAP')) {
      raise(
        'MINHAP',
        ev(m, `flag MINHAP (${id} needs the state's authorisation through CAID)`, 'flag.MINHAP', { product: id }),
      );
    }
  }
  if (ids.includes('DCOC')) {
    const coetc = first(reading.own, 'coetc');
    if (coetc !== undefined)
      raise(
        'COETC',
        ev(coetc, 'flag COETC (no integration with COETC: reply with its template and close)', 'flag.COETC'),
      );
  }
  if (cues.homologationDelivered) {
    const m = cues.delivered ?? cues.homologation;
    raise(
      'HOMOLOGATION',
      m !== undefined
        ? ev(
            m,
            'flag HOMOLOGATION (the homologation document / test evidence is delivered)',
            'flag.HOMOLOGATION.delivered',
          )
        : ev(
            { field: 'attachments', text: docs.homologation ?? '' },
            'flag HOMOLOGATION (homologation document attached)',
            'flag.HOMOLOGATION.attached',
          ),
    );
  }
  const fromAltaForm = reading.altaTag || /^\s*c[oò]pia\b/i.test(reading.ticket.subject);
  const special = (): boolean =>
    flags.has('HOMOLOGATION') || flags.has('MASS_EXCEL') || flags.has('SETDIBA') || cues.toProduction !== undefined;
  if (service.service === 'VO' && !fromAltaForm && !special()) {
    raise(
      'NOT_VIA_ALTA',
      ev(
        { field: 'tags', text: tags.join(', ') },
        `flag NOT_VIA_ALTA (no "${options.altaTag}" tag: Via Oberta integrations come through EACAT "altes de serveis")`,
        'flag.NOT_VIA_ALTA',
        { tag: options.altaTag },
      ),
    );
  }
  if (!flags.has('NOT_VIA_ALTA') && !special()) {
    const missing: string[] = [];
    // What the reader found decides over file names: a read form counts whatever its name, a
    // blank one does not; a scan or an unreadable file says nothing, so its name decides.
    const form = reading.ticket.form?.status;
    let formMissing: 'blankForm' | 'form' | undefined;
    if (form === 'blank') {
      missing.push('the integration request form (the attached form is blank)');
      formMissing = 'blankForm';
    } else if (form !== 'read' && docs.form === undefined) {
      missing.push('the integration request form');
      formMissing = 'form';
    }
    const certificateMissing = docs.certificate === undefined && docs.archive === undefined;
    if (certificateMissing) missing.push('the CDA certificate');
    if (missing.length > 0) {
      const code: EvidenceCode =
        formMissing === undefined
          ? 'flag.MISSING_DOCS.certificate'
          : certificateMissing
            ? `flag.MISSING_DOCS.${formMissing}AndCertificate`
            : `flag.MISSING_DOCS.${formMissing}`;
      raise(
        'MISSING_DOCS',
        ev(
          { field: 'attachments', text: attachmentNames.join(', ') },
          `flag MISSING_DOCS (missing: ${missing.join(' and ')})`,
          code,
        ),
      );
    }
  }
  return { value: flags, evidence };
}
