import { describe, expect, it } from 'vitest';
import { SERVICE_IDS } from '../../../src/domain/catalogue/services';
import { classify, type TicketInput } from '../../../src/domain/classifier';

/**
 * "Asked, not named" (contract v2): scopes and intents, the confusable pairs, the form as input and
 * the version-2 services, each through `classify`.
 */
const FORM = 'formulari_sol-licitud_integracio_serveis_caoc.pdf';
const CER = 'clau_publica_cda.cer';

function alta(subject: string, description: string, extra: Partial<TicketInput> = {}): TicketInput {
  return { id: 't', subject, description, tags: ['alta_servei'], attachments: [FORM, CER], ...extra };
}
const notAsked = (c: ReturnType<typeof classify>, id: string): boolean =>
  c.evidence.some((e) => e.means.startsWith('not asked') && e.means.includes(id));

describe('scopes: already have / did before', () => {
  it('does not ask what the ens says it already has (forward trigger), and says so in the evidence', () => {
    const c = classify(
      alta('Alta integració', "Tenim l'e-TAULER en marxa des del 2021. Ara volem integrar l'e-NOTUM."),
    );
    expect(c).toMatchObject({ service: 'ENOTUM', flags: [] });
    expect(notAsked(c, 'ETAULER')).toBe(true);
  });

  it('reads a trigger after the mention (backward) and a Spanish "igual que hicimos con"', () => {
    expect(classify(alta('Alta VO', 'Volem el padró. El SOC ja ens el vau activar al març.')).products).toEqual([
      'PADRO',
    ]);
    const es = classify(alta('Alta VO', 'Queremos el Catastro, igual que hicimos con la AEAT el año pasado.'));
    expect(es.products).toEqual(['CADASTRE']);
    expect(notAsked(es, 'AEAT')).toBe(true);
  });

  it('lets a terminator close the scope ("però", "ara volem")', () => {
    const c = classify(alta('Alta VO', 'Ja tenim integrada la TGSS, però ara volem la vida laboral i el Cadastre.'));
    expect(c.products).toEqual(['TGSS_VIDA_LABORAL', 'CADASTRE']);
  });

  it('takes "reutilitzarem el certificat de la integració de Títols" for a certificate reused, not Títols', () => {
    const c = classify(
      alta('Alta padró', 'Sol·licitem el padró. Reutilitzarem el certificat de la integració de Títols.'),
    );
    expect(c.products).toEqual(['PADRO']);
  });
});

describe('scopes: not needed / only', () => {
  it('sets aside what is not needed, in Catalan and Spanish', () => {
    expect(classify(alta('Alta VO', "Volem l'AEAT. De moment no volem el Cadastre.")).products).toEqual(['AEAT']);
    expect(
      classify(alta('Alta VO', 'Queremos el IVTM (ATMV_CONSULTA). No hace falta el registro de vehículos de la DGT.'))
        .products,
    ).toEqual(['DGT_IVTM']);
    expect(classify(alta('Alta VO', 'Volem el TFN. El de família monoparental no el necessitem.')).products).toEqual([
      'TFN',
    ]);
  });

  it('keeps only what "únicament" / "solo" covers', () => {
    const c = classify(
      alta('Integració', 'No necessitem ni el Segell de temps ni el Signador centralitzat, únicament VALId.'),
    );
    expect(c).toMatchObject({ service: 'VALID', flags: [] });
    const es = classify(alta('Alta VO', 'Queríamos la AEAT y el Catastro, pero solo hemos marcado la AEAT.'));
    expect(es.products).toEqual(['AEAT']);
  });

  it('sets aside what is for later ("més endavant", "más adelante")', () => {
    expect(classify(alta('Alta VO', 'Volem la TGSS; el Cadastre el demanarem més endavant.')).products).toEqual([
      'TGSS',
    ]);
  });
});

describe('scopes: a department, not a product', () => {
  it("reads the sender's office as an office", () => {
    const c = classify(alta('Alta e-NOTUM', "L'Oficina de Padró ens demana integrar l'e-NOTUM per serveis web."));
    expect(c).toMatchObject({ service: 'ENOTUM', products: [], flags: [] });
    expect(c.evidence.some((e) => e.means.includes('names an office'))).toBe(true);
  });

  it('covers a list of names in an office ("Secció de Registre Civil, Padró i Estadística")', () => {
    const c = classify(alta('Alta MUX', 'Volem integrar el MUX.\nSecció de Registre Civil, Padró i Estadística'));
    expect(c).toMatchObject({ service: 'MUX', flags: [] });
  });

  it('does not take "Servei Local d\'Ocupació" or "Servei d\'Acollida i Estrangeria" for products', () => {
    const c = classify(
      alta(
        'Alta VO',
        "Des del Servei d'Acollida i Estrangeria necessitem consultar el padró històric (TITULAR_HISTORIC).",
      ),
    );
    expect(c.products).toEqual(['PADRO_HISTORIC']);
  });

  it('still reads a product whose official name starts with an office word (Servei Català de Trànsit)', () => {
    const c = classify(alta('Alta VO', 'Volem enviar les denúncies al Servei Català de Trànsit (SCT_REMESA).'));
    expect(c).toMatchObject({ products: ['SCT'], modalities: ['SCT_REMESA'] });
  });
});

describe('intent: not an integration, although services are named', () => {
  const cases: [string, string, string][] = [
    [
      'Canvi de responsable',
      'El nou responsable tècnic de les integracions de la PSCP serà en Pol (pol@example.cat). Actualitzeu el contacte.',
      'change of contact',
    ],
    ['Consultes 2025', 'Quantes consultes hem fet a la TGSS i al Cadastre durant el 2025?', 'statistics'],
    ['e-NOTUM no respon', "Les peticions a l'e-NOTUM de producció no responen (timeout).", 'incident'],
    ['Caducitat CDA', 'El certificat CDA de la integració de Via Oberta caduca el mes que ve.', 'certificate'],
    ['Dubte modalitats', 'Una pregunta: què retorna NUMERO_CONVIVENTS del Padró? No demanem res nou.', 'question'],
  ];
  it.each(cases)('%s → UNKNOWN, with the intent in the evidence', (subject, description, intent) => {
    const c = classify({ id: 'n', subject, description });
    expect(c).toMatchObject({ service: 'UNKNOWN', environment: 'UNKNOWN', ambit: 'NONE', products: [], flags: [] });
    expect(c.evidence.some((e) => e.means.startsWith('intent:') && e.means.includes(intent))).toBe(true);
  });

  it('does not take an incident sent by SetDIBA for a SetDIBA integration', () => {
    const c = classify({
      id: 's',
      subject: 'Incidència MUX',
      description:
        "Us escrivim des de la SetDIBA. L'Ajuntament (integrat al MUX a través nostre) no pot descarregar " +
        'els assentaments: la crida retorna un error.',
      organization: { name: 'Diputació de Barcelona' },
    });
    expect(c).toMatchObject({ service: 'UNKNOWN', flags: [] });
  });

  it('says a new integration when one is asked', () => {
    const c = classify(alta('Alta MUX', 'Volem integrar el MUX.'));
    expect(c.evidence.some((e) => e.means === 'intent: a new integration')).toBe(true);
  });
});

describe('replies that carry the request', () => {
  it('reads a homologation on top of quoted AOC text, with expected errors in its report', () => {
    const c = classify({
      id: 'h',
      subject: 'RE: Alta Padró',
      description: [
        "Us fem arribar el document d'homologació del Padró amb les evidències.",
        'Les proves 4 i 5 donen error però són les esperades.',
        '',
        'El dt., 10 de nov. 2026, Suport va escriure:',
        "> Per tal de fer el salt de l'entorn de Proves a l'entorn de Producció cal el document.",
      ].join('\n'),
      tags: ['alta_servei'],
      attachments: ['homologacio_PADRO.docx'],
    });
    expect(c).toMatchObject({ service: 'VO', products: ['PADRO'], environment: 'PRO' });
    expect(c.flags).toEqual(['HOMOLOGATION', 'PADRO']);
  });

  it('reads a forwarded internal mail whose forwarded part is the request', () => {
    const c = classify({
      id: 'f',
      subject: "RV: Integració e-NOTUM gestor d'expedients",
      description: [
        'ho podeu tramitar?',
        '',
        'Sílvia',
        '',
        '-----Missatge original-----',
        'De: Daniel <d@example.cat>',
        'Enviat: dilluns',
        'Tema: Integració e-NOTUM',
        '',
        "Necessitem que ens doneu d'alta la integració via serveis web amb l'e-NOTUM.",
      ].join('\n'),
      attachments: [FORM, CER],
    });
    expect(c).toMatchObject({ service: 'ENOTUM', environment: 'PRE', flags: [] });
  });

  it("does not ask what a reply's subject names when the text says it is already there", () => {
    const c = classify(
      alta(
        'RE: [AOC] Fin de alta AEAT',
        'La AEAT ya nos funciona en producción. Ahora necesitaríamos el Registro Civil.',
      ),
    );
    expect(c.products).toEqual(['REGISTRE_CIVIL']);
  });
});

describe('confusable pairs', () => {
  it('RPC (service) is not RCA (product)', () => {
    expect(classify(alta('Integració RPC', 'Volem integrar el Registre Públic de Contractes.'))).toMatchObject({
      service: 'RPC',
      products: [],
      ambit: 'NONE',
    });
    expect(
      classify(alta('Alta VO', "Volem consultar el Registre Central d'Assegurats del CatSalut (RCA_CONSULTA).")),
    ).toMatchObject({ service: 'VO', products: ['RCA'], ambit: 'GENERALITAT' });
  });

  it('SCT_DEV (service) is not SCT (product)', () => {
    const dev = classify(
      alta('Alta SCT-DEV', 'Volem la consulta de credencials per DNI del Servei Català de Trànsit.'),
    );
    expect(dev).toMatchObject({ service: 'SCT_DEV', products: [], flags: [] });
    const sct = classify(alta('Alta VO', 'Volem enviar les denúncies de trànsit al SCT.'));
    expect(sct).toMatchObject({ service: 'VO', products: ['SCT'] });
  });

  it('REGISTRE_ENTITATS → flag CORPME, PRO, àmbit GENERALITAT', () => {
    const c = classify(alta('Alta VO', "Volem consultar el Registre d'Entitats Jurídiques (ENTITAT_DADES)."));
    expect(c).toMatchObject({
      products: ['REGISTRE_ENTITATS'],
      ambit: 'GENERALITAT',
      environment: 'PRO',
      flags: ['CORPME'],
      modalities: ['ENTITAT_DADES'],
    });
  });

  it('ATEX/IVTM is DGT_IVTM (no MINHAP), not the DGT vehicle registry', () => {
    expect(classify(alta('Alta VO', "Volem el registre de deutors de l'IVTM (ATMV_ALTA)."))).toMatchObject({
      products: ['DGT_IVTM'],
      flags: [],
    });
    expect(classify(alta('Alta VO', 'Volem les dades dels vehicles (DGT_DADES_VEHICLE).'))).toMatchObject({
      products: ['DGT'],
      flags: ['MINHAP'],
    });
  });

  it('INFOCAT is AEAT (no MINHAP), not CADASTRE', () => {
    const c = classify(alta('Alta VO', "Volem la modalitat INFOCAT de l'AEAT, que retorna les dades cadastrals."));
    expect(c).toMatchObject({ products: ['AEAT'], flags: ['AEAT_CERT'], modalities: ['INFOCAT'] });
  });
});

describe('the request form as input', () => {
  const form = {
    status: 'read' as const,
    services: ['VO' as const],
    products: ['AEAT' as const, 'TGSS' as const],
    ticked: [
      { checkbox: 'CHK_AGENCIA', caption: 'Agència Estatal d’Administració Tributària', product: 'AEAT' as const },
      { checkbox: 'CHK_TGSS', caption: 'Tresoreria General de la Seguretat Social', product: 'TGSS' as const },
    ],
  };

  it('decides services and products, with evidence field "form", and says what the text adds', () => {
    const c = classify(alta('Alta VO', 'Volem l’AEAT, la TGSS i el Cadastre.', { form }));
    expect(c.products).toEqual(['AEAT', 'TGSS']);
    const service = c.evidence.find((e) => e.means.startsWith('service VO'));
    expect(service?.field).toBe('form');
    expect(service?.means).toMatch(/CADASTRE, not ticked in the form/);
    expect(c.evidence.find((e) => e.means.startsWith('product TGSS'))?.text).toBe(
      'Tresoreria General de la Seguretat Social',
    );
  });

  it('ignores a form that is not read', () => {
    const c = classify(alta('Alta VO', 'Volem el padró.', { form: { status: 'not-a-form', reason: 'no XFA' } }));
    expect(c.products).toEqual(['PADRO']);
  });

  it('accepts attachments as Zendesk objects', () => {
    const c = classify(
      alta('Alta MUX', 'Volem integrar el MUX.', {
        attachments: [
          { name: FORM, id: 1, size: 1000 },
          { name: CER, id: 2, size: 900 },
        ],
      }),
    );
    expect(c.flags).toEqual([]);
  });
});

describe('modalities', () => {
  it('lists the codes named for the products asked, in order, and not those set aside', () => {
    const c = classify(
      alta('Alta VO', 'Volem la TGSS (Q2827003ATGSS001B) i l’AEAT (ECOT101). No volem el TITULAR_PDF del padró.'),
    );
    expect(c.modalities).toEqual(['Q2827003ATGSS001B', 'ECOT101']);
  });
});

/** One service each, by its main names in Catalan and Spanish. */
const V2_SERVICE_NAMES: Record<string, readonly [string, string]> = {
  BOE_TEU: ['el Tauler Edictal Únic del BOE', 'el Tablón Edictal Único del BOE'],
  COPIA: ['el servei de Còpia (còpies autèntiques)', 'el servicio de copias auténticas'],
  ESPAI_CIUTADA: ['El meu espai (carpeta ciutadana)', 'Mi espacio (carpeta ciudadana)'],
  IARXIU: ["l'iArxiu", 'iArxiu'],
  HESTIA: ["l'Hèstia", 'Hestia'],
  ORGANS: ['Òrgans col·legiats', 'Órganos colegiados'],
  RPC: ['el Registre Públic de Contractes', 'el Registro Público de Contratos'],
  DOGC: ['la publicació al DOGC', 'la publicación en el DOGC'],
  REPRESENTA: ['REPRESENTA', 'el registro de representaciones REPRESENTA'],
  SCT_DEV: ["l'SCT-DEV", 'la consulta de credenciales por DNI'],
  SEGELL: ['el Segell de temps', 'el Sello de tiempo'],
  SIGNADOR: ['el Signador centralitzat', 'el Firmador centralizado'],
  VALID: ['VALId', 'el Validador de Identidades'],
  VALIDADOR: ['el Validador de certificats', 'el Validador de certificados'],
};

describe('version-2 services by their main names', () => {
  it('covers every version-2 service id', () => {
    const v1 = ['PSCP', 'ELICITA', 'VO', 'MUX', 'ENOTUM', 'ETAULER', 'OVER'];
    expect(Object.keys(V2_SERVICE_NAMES).sort()).toEqual(SERVICE_IDS.filter((s) => !v1.includes(s)).sort());
  });
  it.each(Object.entries(V2_SERVICE_NAMES))('%s', (id, [ca, es]) => {
    expect(classify(alta('Sol·licitud', `Volem integrar ${ca} amb el nostre gestor.`))).toMatchObject({
      service: id,
      products: [],
      ambit: 'NONE',
      environment: 'PRE',
    });
    expect(classify(alta('Solicitud', `Queremos integrar ${es} con nuestro gestor.`)).service).toBe(id);
  });
});

describe('scope families broadened (lexicon data, Catalan and Spanish)', () => {
  it('reads "have … state" with words in between as already there ("tenemos VALId integrado")', () => {
    const c = classify(
      alta(
        'Integración Signador',
        'Tenemos VALId integrado en la sede desde el año pasado. Ahora queremos integrar el Signador centralitzat.',
      ),
    );
    expect(c).toMatchObject({ service: 'SIGNADOR', flags: [] });
    expect(notAsked(c, 'VALID')).toBe(true);
    const ca = classify(alta('Alta VO', "Tenim el Cadastre funcionant des de fa anys; volem afegir-hi l'AEAT."));
    expect(ca.products).toEqual(['AEAT']);
  });

  it('does not take a wish for a state for a history ("volem tenir el padró integrat")', () => {
    expect(
      classify(alta('Alta VO', 'Tenim el formulari signat i volem el padró integrat al gestor.')).products,
    ).toEqual(['PADRO']);
  });

  it('sets aside what is no longer used or not of interest ("ja no", "no nos interesa")', () => {
    expect(classify(alta('Alta VO', "Volem l'AEAT. El Cadastre ja no el fem servir.")).products).toEqual(['AEAT']);
    expect(classify(alta('Alta VO', 'Queremos la TGSS; el Catastro no nos interesa.')).products).toEqual(['TGSS']);
  });

  it('sets aside a later phase ("en una segunda fase")', () => {
    expect(classify(alta('Alta VO', 'Queremos el padrón y, en una segunda fase, el Catastro.')).products).toEqual([
      'PADRO',
    ]);
  });

  it('tolerates a typo in a long trigger word ("necesitamso" still asks, "reutilizaremos" with a typo still sets aside)', () => {
    const c = classify(alta('Alta VO', 'Reutilizarmos el certificado de la AEAT y necesitamos el padrón.'));
    expect(c.products).toEqual(['PADRO']);
  });
});

describe('intents of other matters broadened', () => {
  const cases: [string, string, string][] = [
    [
      'Canvi de telèfon',
      'Canvi de telèfon del responsable de les integracions del MUX: 930 000 000.',
      'change of contact',
    ],
    ['Informe ús', "Ens podeu enviar l'informe d'ús de les consultes al padró del 2025?", 'statistics'],
    ['Certificat nou', "Hem de substituir el certificat de l'e-NOTUM abans que caduqui.", 'certificate'],
    ['e-TAULER', "L'e-TAULER ha deixat de publicar els edictes des d'ahir.", 'incident'],
  ];
  it.each(cases)('%s → UNKNOWN, with the intent in the evidence', (subject, description, intent) => {
    const c = classify({ id: 'n', subject, description });
    expect(c).toMatchObject({ service: 'UNKNOWN', products: [], flags: [] });
    expect(c.evidence.some((e) => e.means.startsWith('intent:') && e.means.includes(intent))).toBe(true);
  });
});

describe('a forwarding note on top of a reply-style message', () => {
  const forwarded = (from: string) => ({
    id: 'fw',
    subject: 'Integració',
    description: [
      'Hola, ho podeu tramitar?',
      'Gràcies',
      '',
      `El dl., 3 de nov. 2026, ${from} va escriure:`,
      "Volem integrar l'e-TAULER al nostre gestor d'expedients per serveis web.",
    ].join('\n'),
    attachments: [FORM, CER],
  });
  it('reads the message below as the request when the note above only asks to process it', () => {
    expect(classify(forwarded('Secretaria <secretaria@example.cat>'))).toMatchObject({
      service: 'ETAULER',
      environment: 'PRE',
    });
  });
  it('keeps a quoted message of the Consorci AOC quoted', () => {
    const c = classify(forwarded('Suport AOC <suport@example.cat>'));
    expect(c.evidence.find((e) => e.means.startsWith('service'))?.means).toMatch(/found only in quoted/);
  });
});

describe('the text says more than the subject, a deferral, EACAT listed with a service', () => {
  it('does not ask what the subject names when the text says it is not wanted', () => {
    const c = classify(
      alta('Alta VO - dades cadastrals AEAT', "Volem la modalitat INFOCAT de l'AEAT. No demanem el producte Cadastre."),
    );
    expect(c).toMatchObject({ products: ['AEAT'], flags: ['AEAT_CERT'] });
    expect(notAsked(c, 'CADASTRE')).toBe(true);
  });

  it('keeps a subject mention that the text also asks', () => {
    expect(
      classify(alta('Alta Cadastre', 'Volem el Cadastre per a PRE. No demanem el Cadastre a PRO encara.')).products,
    ).toEqual(['CADASTRE']);
  });

  it('sets aside what the ens will wait for ("esperarem")', () => {
    const c = classify(
      alta(
        'Homologació',
        "Adjuntem el document d'homologació de l'AEAT. Pel que fa al Cadastre, esperarem la resposta del MINHAP.",
      ),
    );
    expect(c.products).toEqual(['AEAT']);
  });

  it('reads EACAT listed with another service as OVER (MULTI_SERVICE), and not as the channel', () => {
    const listed = classify(
      alta('Integracions', "Cal integrar els ajuntaments amb l'e-TAULER i amb EACAT per a les trameses."),
    );
    expect(listed).toMatchObject({ service: 'ETAULER', flags: ['MULTI_SERVICE'] });
    const channel = classify(alta('Alta', "Sol·licitem a través d'EACAT integrar l'e-NOTUM, via EACAT."));
    expect(channel).toMatchObject({ service: 'ENOTUM', flags: [] });
  });

  it('reports a modality named by the name people use ("certificat ACTIC")', () => {
    expect(classify(alta('Alta ACTIC', 'Volem integrar la consulta del certificat ACTIC.'))).toMatchObject({
      products: ['ACTIC'],
      modalities: ['ACTIC_CERTIFICAT'],
    });
  });
});
