import { describe, expect, it } from 'vitest';
import { classify, type TicketInput } from '../../../src/domain/classifier';

/**
 * "Asked, not named": the scope and intent mechanisms added for the categories of misses of
 * tickets written blind (the ens's present or past use, negated asking verbs, a noun phrase
 * negated by contrast, software named after a product, a test report's expected errors, an asking
 * verb before the product). Each in Catalan and in Spanish.
 */
const FORM = 'formulari_sol-licitud_integracio_serveis_caoc.pdf';
const CER = 'clau_publica_cda.cer';

function alta(subject: string, description: string, extra: Partial<TicketInput> = {}): TicketInput {
  return { id: 't', subject, description, tags: ['alta_servei'], attachments: [FORM, CER], ...extra };
}
const notAsked = (c: ReturnType<typeof classify>, id: string, kind: string): boolean =>
  c.evidence.some((e) => e.code === `notAsked.${kind}` && e.means.includes(id));

describe('historical: what the ens uses or did, without "ja"', () => {
  it('a present of use ("fa anys que consultem", "consultamos") is not asked', () => {
    const ca = classify(
      alta('Alta Via Oberta', 'Fa anys que consultem la TGSS per Via Oberta. Ara necessitem el Cadastre.'),
    );
    expect(ca.products).toEqual(['CADASTRE']);
    expect(notAsked(ca, 'TGSS', 'historical')).toBe(true);
    const es = classify(
      alta('Alta Vía Oberta', 'Consultamos la AEAT desde hace tiempo. Solicitamos ahora el alta del padrón.'),
    );
    expect(es.products).toEqual(['PADRO']);
    expect(notAsked(es, 'AEAT', 'historical')).toBe(true);
  });

  it('a past of integrating ("la vam fer l\'any passat", "hicimos") and a past date ("desde 2019")', () => {
    const ca = classify(alta('Alta VO', "La integració amb l'AEAT la vam fer l'any passat. Aquest cop volem el SEPE."));
    expect(ca.products).toEqual(['SEPE']);
    const es = classify(alta('Alta VO', 'Desde 2019 tenemos la TGSS. Queremos dar de alta la consulta del Catastro.'));
    expect(es.products).toEqual(['CADASTRE']);
  });

  it('an asking verb still ends the scope: "fa anys ... però ara volem" asks what follows', () => {
    const c = classify(alta('Alta integració', "Fa anys que fem servir l'e-TAULER i ara volem integrar l'e-NOTUM."));
    expect(c).toMatchObject({ service: 'ENOTUM', flags: [] });
  });

  it('"des de" before a word is still an office, before a number a date', () => {
    const c = classify(alta('Alta VO', "Des de l'Àrea de Padró volem consultar la TGSS."));
    expect(c.products).toEqual(['TGSS']);
  });
});

describe('negated: any asking verb after "no" or "tampoc"', () => {
  it('"no buscamos", "tampoc necessitem" set the product aside', () => {
    const es = classify(
      alta(
        'Alta VO',
        'Queremos enviar las denuncias al Servei Català de Trànsit (SCT_DENUNCIES). No buscamos la consulta de credenciales por DNI.',
      ),
    );
    expect(es).toMatchObject({ service: 'VO', products: ['SCT'], flags: [] });
    const ca = classify(alta('Alta VO', "Volem consultar l'AEAT. Tampoc necessitem el Cadastre."));
    expect(ca.products).toEqual(['AEAT']);
    expect(notAsked(ca, 'CADASTRE', 'negated')).toBe(true);
  });

  it('a noun phrase negated by contrast with "de" alone: "no del Catastro", "no de la TGSS"', () => {
    const es = classify(
      alta('Alta VO', 'Queremos consultar los epígrafes del IAE. Es de la Agencia Tributaria, no del Catastro.'),
    );
    expect(es.products).toEqual(['AEAT']);
    const ca = classify(alta('Alta VO', 'Volem la vida laboral, no de la TGSS general.'));
    expect(ca.products).toEqual(['TGSS_VIDA_LABORAL']);
  });
});

describe('other subject: software named after a product', () => {
  it('"l\'aplicació de gestió del padró", "la aplicación de padrón" name the application', () => {
    const ca = classify(
      alta(
        'Integració e-NOTUM',
        'Volem que la nostra aplicació de gestió del padró enviï les notificacions per e-NOTUM.',
      ),
    );
    expect(ca).toMatchObject({ service: 'ENOTUM', products: [], flags: [] });
    const es = classify(
      alta('Alta e-NOTUM', 'Queremos que la aplicación de padrón notifique por e-NOTUM a los vecinos.'),
    );
    expect(es).toMatchObject({ service: 'ENOTUM', products: [], flags: [] });
  });

  it('an application joined by another word ("amb", "con") or a comma still asks what follows', () => {
    expect(classify(alta('Alta VO', "Volem integrar l'aplicació de tributs amb l'AEAT.")).products).toEqual(['AEAT']);
    expect(classify(alta('Alta VO', 'Queremos conectar el programa de ayudas con el padrón.')).products).toEqual([
      'PADRO',
    ]);
    const list = classify(alta('Alta VO', 'Sol·licitem consultar, des del programa de serveis socials, el padró.'));
    expect(list.products).toEqual(['PADRO']);
  });
});

describe('intent: a delivered test report and an asking verb before the product', () => {
  it('the errors a delivered homologation report expects are not an incident', () => {
    const ca = classify({
      id: 't',
      subject: 'Re: e-NOTUM integració - proves',
      description:
        "Adjuntem el document d'homologació de l'e-NOTUM. La prova a un NIF sense adreça retorna l'error previst, és correcte.",
      attachments: ['homologacio_enotum.docx'],
    });
    expect(ca).toMatchObject({ service: 'ENOTUM', environment: 'PRO', flags: ['HOMOLOGATION'] });
    const es = classify({
      id: 't',
      subject: 'RE: pruebas PSCP',
      description: 'Os enviamos el documento de homologación de la PSCP; los casos de error dan el error esperado.',
      attachments: ['homologacion_pscp.pdf'],
    });
    expect(es).toMatchObject({ service: 'PSCP', environment: 'PRO', flags: ['HOMOLOGATION'] });
  });

  it('an error without a delivered report is still an incident', () => {
    const c = classify({ id: 't', subject: 'e-NOTUM', description: "L'e-NOTUM ens dona error des d'ahir." });
    expect(c.service).toBe('UNKNOWN');
  });

  it('an asking verb with the product after it asks, whatever verb comes between', () => {
    const es = classify({
      id: 't',
      subject: 'Residencia legal',
      description:
        'Necesitamos que la aplicación compruebe automáticamente la residencia legal de los extranjeros (Estrangeria).',
    });
    expect(es).toMatchObject({ service: 'VO', products: ['ESTRANGERIA'] });
    const ca = classify({
      id: 't',
      subject: 'Vida laboral',
      description: "Necessitem que l'aplicació de personal obtingui la vida laboral dels candidats.",
    });
    expect(ca).toMatchObject({ service: 'VO', products: ['TGSS_VIDA_LABORAL'] });
  });
});

describe('not an integration: a deregistration, a new integrator company, an old client', () => {
  it('a deregistration ("que doneu de baixa", "dar de baja") asks no integration', () => {
    const ca = classify({
      id: 't',
      subject: 'Baixa integració Padró',
      description:
        "Hem deixat de fer servir l'antiga aplicació que consultava el Padró per Via Oberta. " +
        'Voldríem que doneu de baixa el seu certificat.',
    });
    expect(ca.service).toBe('UNKNOWN');
    const es = classify({
      id: 't',
      subject: 'Baja e-TAULER',
      description: 'Buenos días, queremos dar de baja la integración del e-TAULER porque cambiamos de proveedor.',
    });
    expect(es.service).toBe('UNKNOWN');
  });

  it('the company that maintains running integrations changes: a change of contact', () => {
    const ca = classify({
      id: 't',
      subject: "Canvi d'empresa integradora",
      description:
        "L'empresa que ens manté les integracions (e-NOTUM, e-TAULER i Via Oberta) canvia. El nou contacte tècnic és a sota.",
    });
    expect(ca.service).toBe('UNKNOWN');
    expect(ca.evidence.some((e) => e.code === 'intent.contact-change')).toBe(true);
    const es = classify({
      id: 't',
      subject: 'Cambio de empresa',
      description:
        'La empresa que nos mantiene la integración con la PSCP cambia; el nuevo contacto técnico va en la firma.',
    });
    expect(es.service).toBe('UNKNOWN');
  });
});

describe('purpose and data: what the request serves, what a product returns', () => {
  it('the ens\'s procedures named with "de" ("per als tràmits d\'empadronament") are not asked', () => {
    const ca = classify(
      alta('Alta VO', "Per als tràmits d'empadronament necessitem verificar la identitat amb la consulta de la DGP."),
    );
    expect(ca.products).toEqual(['DGP_IDENTITAT']);
    const es = classify(alta('Alta VO', 'Para los expedientes de padrón necesitamos consultar la TGSS.'));
    expect(es.products).toEqual(['TGSS']);
  });

  it("an entity's governing bodies are the Registre d'Entitats' data, not the Òrgans col·legiats service", () => {
    const es = classify(
      alta(
        'Alta VO',
        "Necesitamos consultar los órganos de gobierno de las asociaciones en el Registre d'Entitats Jurídiques.",
      ),
    );
    expect(es).toMatchObject({ service: 'VO', products: ['REGISTRE_ENTITATS'], flags: ['CORPME'] });
    const ca = classify(
      alta('Alta VO', "Volem comprovar els òrgans de govern de les entitats al Registre d'Entitats."),
    );
    expect(ca.flags).not.toContain('MULTI_SERVICE');
    // Named by itself, the service is asked.
    expect(classify(alta('Alta', "Volem integrar la convocatòria d'òrgans col·legiats.")).service).toBe('ORGANS');
  });

  it('the Validador by its name: "el Validador del Consorci", "validador de firmas"', () => {
    expect(classify(alta('Alta', 'Solicitamos integrar el Validador del Consorci.')).service).toBe('VALIDADOR');
    expect(classify(alta('Alta', 'Volem integrar el validador de signatures.')).service).toBe('VALIDADOR');
    expect(classify(alta('Alta', "Volem integrar el Validador d'Identitats.")).service).toBe('VALID');
  });
});

describe("the other regions' variant of a product (GRAU_DISCAPACITAT_CCAA, TFN_CCAA)", () => {
  it('Catalonia and the other regions: both variants', () => {
    const ca = classify(
      alta(
        'Alta VO - grau de discapacitat',
        'Necessitem consultar el grau de discapacitat reconegut a Catalunya (ICASS) ' +
          'i el de les persones que el tenen reconegut en una altra comunitat autònoma.',
      ),
    );
    expect(ca).toMatchObject({ products: ['GRAU_DISCAPACITAT', 'GRAU_DISCAPACITAT_CCAA'], ambit: 'MIXED' });
    expect(ca.flags).toEqual(['MINHAP', 'MULTI_AMBIT']);
  });

  it('the other regions only: the variant replaces the product', () => {
    const es = classify(
      alta('Alta VO', 'Queremos consultar el título de familia numerosa expedido por otras comunidades autónomas.'),
    );
    expect(es.products).toEqual(['TFN_CCAA']);
  });

  it("the other regions deferred, or only in a reply's subject, ask nothing", () => {
    const c = classify(
      alta(
        'Re: Alta VO - família nombrosa Catalunya i resta de CCAA',
        'Deixem només el títol de família nombrosa de la Generalitat. El de les altres comunitats autònomes el demanarem més endavant.',
      ),
    );
    expect(c).toMatchObject({ products: ['TFN'], ambit: 'GENERALITAT', flags: [] });
  });
});
