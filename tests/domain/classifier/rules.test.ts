import { describe, expect, it } from 'vitest';
import { classify, ClassificationSchema, type TicketInput } from '../../../src/domain/classifier';

const FORM = 'formulari_sol-licitud_integracio_serveis_caoc.pdf';
const CER = 'clau_publica_cda.cer';

function ticket(subject: string, description: string, extra: Partial<TicketInput> = {}): TicketInput {
  return { id: '1', subject, description, tags: ['alta_servei'], attachments: [FORM, CER], ...extra };
}

describe('output contract', () => {
  it('returns exactly the contract’s fields, valid against its schema', () => {
    const c = classify(ticket('Alta Via Oberta AEAT', 'Sol·licitem integració amb l’AEAT.'));
    expect(ClassificationSchema.parse(c)).toEqual(c);
    expect(Object.keys(c).sort()).toEqual([
      'ambit',
      'confidence',
      'environment',
      'evidence',
      'flags',
      'id',
      'modalities',
      'products',
      'service',
    ]);
  });

  it('accepts a numeric Zendesk id and returns it as a string', () => {
    expect(classify({ id: 4521, subject: 'x', description: 'y' }).id).toBe('4521');
  });

  it('sorts flags alphabetically', () => {
    const c = classify(
      ticket('Altes massives', 'Excel amb les altes massives de padró i AEAT.', {
        tags: [],
        attachments: ['altes.xlsx'],
      }),
    );
    expect(c.flags).toEqual([...c.flags].sort());
    expect(c.flags.length).toBeGreaterThan(2);
  });

  it('gives evidence, in the ticket’s own words, for the service, each product and each flag', () => {
    const c = classify(ticket('Integració VO', 'Volem consultar el Cadastre i el padró municipal.'));
    expect(c.products).toEqual(['CADASTRE', 'PADRO']);
    expect(c.evidence.find((e) => e.means.startsWith('service VO'))).toBeDefined();
    expect(c.evidence.find((e) => e.means.startsWith('product CADASTRE'))?.text).toBe('Cadastre');
    expect(c.evidence.find((e) => e.means.startsWith('product PADRO'))?.text).toBe('padró municipal');
    for (const flag of c.flags) expect(c.evidence.some((e) => e.means.startsWith(`flag ${flag}`))).toBe(true);
    expect(c.evidence.some((e) => e.means.startsWith('environment PRE'))).toBe(true);
  });

  it('is deterministic', () => {
    const t = ticket('Alta e-NOTUM', 'Volem integrar e-NOTUM via serveis web.');
    expect(classify(t)).toEqual(classify(t));
  });
});

describe('what is asked', () => {
  it('takes the first service named and flags MULTI_SERVICE', () => {
    const c = classify(ticket('Integració', 'Volem integrar el MUX i e-NOTUM.'));
    expect(c.service).toBe('MUX');
    expect(c.flags).toContain('MULTI_SERVICE');
  });

  it('does not count a service the ens already has', () => {
    const c = classify(ticket('Integració', 'Ja tenim integrada la PSCP; ara volem integrar e-TAULER.'));
    expect(c.service).toBe('ETAULER');
    expect(c.flags).not.toContain('MULTI_SERVICE');
  });

  it('returns UNKNOWN with empty values when no integration is asked, even if a service is named', () => {
    const c = classify({
      id: '2',
      subject: 'Factura e-NOTUM',
      description: 'No hem rebut la factura del servei e-NOTUM.',
    });
    expect(c).toMatchObject({ service: 'UNKNOWN', environment: 'UNKNOWN', ambit: 'NONE', products: [], flags: [] });
    expect(c.evidence[0]?.means).toMatch(/UNKNOWN/);
  });

  it('does not take a user account request for an integration', () => {
    const c = classify({
      id: '4',
      subject: "Alta d'usuari a EACAT",
      description: "Necessitem donar d'alta una nova usuària amb perfil de gestora de l'e-TAULER.",
    });
    expect(c.service).toBe('UNKNOWN');
  });

  it('returns UNKNOWN for an empty ticket', () => {
    expect(classify({ id: '3', subject: '', description: '' })).toMatchObject({
      service: 'UNKNOWN',
      environment: 'UNKNOWN',
    });
  });

  it('keeps products empty for services other than Via Oberta', () => {
    const c = classify(ticket('Alta PSCP', 'Volem integrar la PSCP. El padró no ens cal.'));
    expect(c.service).toBe('PSCP');
    expect(c.products).toEqual([]);
    expect(c.ambit).toBe('NONE');
  });

  it('reads EACAT as OVER when no other service is named', () => {
    const c = classify(ticket('Alta integració EACAT', 'Volem integrar el nostre gestor amb EACAT via serveis web.'));
    expect(c.service).toBe('OVER');
  });

  it('does not read the Catalan "sóc" as the SOC product', () => {
    const c = classify(
      ticket('Alta MUX', 'Sóc el tècnic de l’ajuntament; soc responsable de la integració amb el MUX.'),
    );
    expect(c.service).toBe('MUX');
    expect(c.products).toEqual([]);
  });
});

describe('environment and flags', () => {
  it('sends SetDIBA, CORPME and mass registrations straight to PRO', () => {
    expect(
      classify(ticket('SetDIBA - alta MUX', 'Plantilla adjunta.', { tags: [], attachments: ['p.xlsx'] })).environment,
    ).toBe('PRO');
    expect(classify(ticket('Alta VO', 'Volem consultar notes simples del Registre de la Propietat.')).environment).toBe(
      'PRO',
    );
    expect(classify(ticket('Altes massives VO', 'Excel d’altes massives de padró.', { tags: [] })).environment).toBe(
      'PRO',
    );
  });

  it('says PRO for every SetDIBA ticket, as the contract’s environment rule does, whatever the service', () => {
    const viaOberta = classify(
      ticket(
        'SetDIBA - alta Via Oberta Cadastre',
        "Des de la SetDIBA sol·licitem l'alta de l'Ajuntament de Sant Boi de Llobregat a la Via Oberta per " +
          'consultar el Cadastre via serveis web. Adjuntem el formulari i el CDA.',
      ),
    );
    // The classification follows the contract (PRO when SETDIBA); the procedures still take a
    // SetDIBA Via Oberta ticket through PRE and MINHAP (tests/domain/procedures/gates.test.ts).
    expect(viaOberta).toMatchObject({ service: 'VO', environment: 'PRO', products: ['CADASTRE'] });
    expect(viaOberta.flags).toEqual(['MINHAP', 'SETDIBA']);
    const pscp = classify(
      ticket('SetDIBA - alta PSCP', 'Des de la SetDIBA sol·licitem la integració de l’Ajuntament amb la PSCP.'),
    );
    expect(pscp).toMatchObject({ service: 'PSCP', environment: 'PRO' });
    for (const [service, subject] of [
      ['MUX', 'SetDIBA - alta MUX'],
      ['ENOTUM', 'SetDIBA - alta e-NOTUM'],
      ['ETAULER', 'SetDIBA - alta e-TAULER'],
      ['OVER', 'SetDIBA - alta EACAT Tràmits'],
    ] as const) {
      const c = classify(
        ticket(subject, 'Plantilla adjunta amb els ajuntaments.', { tags: [], attachments: ['p.xlsx'] }),
      );
      expect(c.service, subject).toBe(service);
      expect(c.environment, subject).toBe('PRO');
      expect(
        c.evidence.map((e) => e.means),
        subject,
      ).toContain('environment PRO (SETDIBA goes straight to production)');
    }
  });

  it('reads "massiu" alone (a bulk modality, bulk queries) as no bulk Excel: one ens, PRE', () => {
    for (const text of [
      'Sol·licitem la integració amb família nombrosa, modalitat TFN_DADESCOMPLETES_MASSIU.',
      'Volem la integració del Padró per a consultes massives dels serveis socials.',
      'Solicitamos la integración del Padró para un uso masivo de las consultas.',
    ]) {
      const c = classify(ticket('Alta Via Oberta', text));
      expect(c.flags, text).not.toContain('MASS_EXCEL');
      expect(c.environment, text).toBe('PRE');
    }
    // Audifilm's bulk registrations still are.
    const bulk = classify(
      ticket('Altes massives Padró', 'Us enviem l’Excel amb les altes massives dels ajuntaments.', {
        tags: [],
        attachments: ['altes_massives_padro.xlsx'],
      }),
    );
    expect(bulk.flags).toContain('MASS_EXCEL');
    expect(bulk.environment).toBe('PRO');
  });

  it('moves to PRO when the homologation document is delivered', () => {
    const c = classify(
      ticket('Homologació e-NOTUM', 'Us adjuntem el document d’homologació.', {
        tags: [],
        attachments: ['homologacio.docx'],
      }),
    );
    expect(c).toMatchObject({ environment: 'PRO', flags: ['HOMOLOGATION'] });
  });

  it('does not take a question about homologation for its delivery', () => {
    const c = classify(ticket('Alta e-NOTUM', 'Volem integrar e-NOTUM. On trobarem el document d’homologació?'));
    expect(c.environment).toBe('PRE');
    expect(c.flags).not.toContain('HOMOLOGATION');
  });

  it('raises MISSING_DOCS for a new request without the form or the CDA, and says which', () => {
    const c = classify(ticket('Alta MUX', 'Volem integrar el MUX.', { attachments: [FORM] }));
    expect(c.flags).toEqual(['MISSING_DOCS']);
    expect(c.evidence.find((e) => e.means.startsWith('flag MISSING_DOCS'))?.means).toMatch(/CDA/);
  });

  it('accepts a zipped certificate', () => {
    expect(classify(ticket('Alta MUX', 'Volem integrar el MUX.', { attachments: [FORM, 'cda.zip'] })).flags).toEqual(
      [],
    );
  });

  it('never raises MISSING_DOCS with SETDIBA, MASS_EXCEL, HOMOLOGATION or NOT_VIA_ALTA', () => {
    const cases = [
      ticket('SetDIBA alta e-NOTUM', 'Plantilla amb els ajuntaments.', { attachments: [] }),
      ticket('Altes massives', 'Excel d’altes massives AEAT.', { attachments: [] }),
      ticket('Homologació MUX', 'Adjuntem el joc de proves.', { attachments: [] }),
      ticket('Integració padró', 'Volem integrar el padró.', { tags: [], attachments: [] }),
    ];
    for (const t of cases) expect(classify(t).flags).not.toContain('MISSING_DOCS');
  });

  it('raises NOT_VIA_ALTA only for Via Oberta tickets without the alta tag', () => {
    expect(classify(ticket('Integració padró', 'Volem integrar el padró.', { tags: [] })).flags).toContain(
      'NOT_VIA_ALTA',
    );
    expect(classify(ticket('Integració MUX', 'Volem integrar el MUX.', { tags: [] })).flags).not.toContain(
      'NOT_VIA_ALTA',
    );
  });

  it('uses the alta tag name the installation configures', () => {
    const t = ticket('Integració padró', 'Volem integrar el padró.', { tags: ['eacat_alta'] });
    expect(classify(t).flags).toContain('NOT_VIA_ALTA');
    expect(classify(t, { altaTag: 'eacat_alta' }).flags).not.toContain('NOT_VIA_ALTA');
  });

  it('raises product flags in PRE and in PRO', () => {
    const pre = classify(ticket('Alta VO', 'Volem consultar el Cadastre.'));
    const pro = classify(
      ticket('Homologació VO Cadastre', 'Adjuntem el document d’homologació del Cadastre.', { tags: [] }),
    );
    expect(pre.flags).toContain('MINHAP');
    expect(pro.environment).toBe('PRO');
    expect(pro.flags).toContain('MINHAP');
  });

  it('tells a Diputació asking for its own integration from SetDIBA asking for its ajuntaments', () => {
    const own = classify(
      ticket('Alta MUX', 'La Diputació de Barcelona vol integrar el MUX.', {
        organization: { name: 'Diputació de Barcelona' },
      }),
    );
    const forOthers = classify(
      ticket('Alta MUX', 'Us fem arribar els ajuntaments a integrar al MUX.', {
        organization: { name: 'Diputació de Barcelona' },
        tags: [],
      }),
    );
    expect(own.flags).not.toContain('SETDIBA');
    expect(forOthers.flags).toContain('SETDIBA');
  });
});

describe('text the ens did not write now', () => {
  it('ignores a quoted AOC template', () => {
    const c = classify(
      ticket(
        'RE: Alta e-NOTUM',
        'D’acord, us adjuntem el formulari.\n\nEl dl., 3 de febr. 2025 a les 9:30, Suport va escriure:\n> Ens ' +
          'complau informar-vos que ja us hem donat permisos.\n> Per al pas a producció cal el document ' +
          'd’homologació del padró i la PSCP.',
      ),
    );
    expect(c).toMatchObject({ service: 'ENOTUM', environment: 'PRE', products: [], flags: [] });
  });

  it('ignores an AOC template pasted without quote marks', () => {
    const c = classify(
      ticket(
        'RE: Alta MUX',
        'Us enviem el formulari.\nPer tal de fer el salt de l’entorn de Proves a l’entorn de Producció, i per al ' +
          'servei PSCP, cal el document d’homologació.',
      ),
    );
    expect(c).toMatchObject({ service: 'MUX', environment: 'PRE', flags: [] });
  });

  it('ignores an Outlook-style earlier message', () => {
    const c = classify(
      ticket(
        'RE: integració',
        'Volem integrar el MUX.\n\nDe: Suport AOC\nEnviat: dilluns\nAssumpte: e-NOTUM\n\nLa integració amb e-NOTUM i el pas a producció...',
      ),
    );
    expect(c).toMatchObject({ service: 'MUX', environment: 'PRE', flags: [] });
  });

  it('reads a forwarded request as the request', () => {
    const c = classify(
      ticket(
        'Fwd: petició',
        'Us reenvio.\n\n---------- Forwarded message ---------\nDe: Àrea Social\nSubject: Alta Via ' +
          'Oberta\n\nVolem consultar la vida laboral.',
      ),
    );
    expect(c).toMatchObject({ service: 'VO', products: ['TGSS_VIDA_LABORAL'] });
  });

  it('ignores what a signature says', () => {
    const c = classify(ticket('Alta e-TAULER', 'Volem integrar e-TAULER.\n\nSalutacions,\nÀrea de Padró i Cadastre'));
    expect(c).toMatchObject({ service: 'ETAULER', products: [] });
  });

  it('falls back on quoted text, with lower confidence, when the own text names no service', () => {
    const quotedOnly = classify(
      ticket('RE: alta', 'Adjuntem el formulari.\n\n> Benvolguts, sobre la vostra alta d’e-NOTUM...'),
    );
    expect(quotedOnly.service).toBe('ENOTUM');
    const named = classify(ticket('Alta e-NOTUM', 'Adjuntem el formulari d’e-NOTUM.'));
    expect(quotedOnly.confidence).toBeLessThan(named.confidence);
  });
});

describe('spelling', () => {
  it('reads text without accents, in capitals, or with a typo', () => {
    expect(classify(ticket('ALTA VIA OBERTA', 'VOLEM CONSULTAR EL PADRO I LA AGENCIA TRIBUTARIA')).products).toEqual([
      'PADRO',
      'AEAT',
    ]);
    expect(
      classify(ticket('Alta VO', 'volem consultar la tresoreria general de la seguretat socail')).products,
    ).toEqual(['TGSS']);
    expect(classify(ticket('Alta VO', 'Consulta al Cadsatre')).products).toEqual(['CADASTRE']);
  });

  it('reads abbreviations across their dot ("Seg. Social")', () => {
    expect(
      classify(ticket('Alta VO', 'Volem comprovar els deutes amb la Seg. Social dels proveïdors.')).products,
    ).toEqual(['TGSS']);
  });

  it('reads "DNI" as the identity product, but not when it introduces someone’s number', () => {
    expect(
      classify(ticket('Alta VO: DNI i padró', 'Volem integrar la verificació del DNI i el padró.')).products,
    ).toEqual(['DGP_IDENTITAT', 'PADRO']);
    expect(
      classify(ticket('Alta VO padró', 'El tècnic responsable té el DNI 99999972C. Volem el padró.')).products,
    ).toEqual(['PADRO']);
  });

  it('does not take a modality code in capitals for a typo of a word (EVIDENCIA ≠ evidències)', () => {
    const c = classify(ticket('Alta e-NOTUM', 'Volem usar PROCESSAR_TRAMESA i EVIDENCIA. Adjuntem el formulari.'));
    expect(c).toMatchObject({ service: 'ENOTUM', environment: 'PRE', flags: [] });
  });

  it('prefers the longest name: Agència Tributària de Catalunya is ATC, not AEAT', () => {
    expect(classify(ticket('Alta VO', "Consulta de deutes a l'Agència Tributària de Catalunya")).products).toEqual([
      'ATC',
    ]);
  });

  it('reads col·legi however the middle dot is written', () => {
    for (const spelling of ['Col·legi', 'Col.legi', 'Collegi', 'Col-legi']) {
      expect(classify(ticket('Alta VO', `Visats del ${spelling} d'Arquitectes`)).products).toEqual(['DCOC']);
    }
  });
});
