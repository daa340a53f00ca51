import { describe, expect, it } from 'vitest';
import { classify, type TicketInput } from '../../../src/domain/classifier';
import { readAttachments } from '../../../src/domain/classifier/attachments';
import { segmentDescription } from '../../../src/domain/classifier/segment';

/**
 * The mechanisms for tickets written in a harder style: "already" with any verb, "not now",
 * asked in another ticket, weighing it, the desk's past, a reply's subject, the test report
 * delivered, questions about a request, forwarding notes and signatures. Each in Catalan and Spanish.
 */
const FORM = 'formulari_sol-licitud_integracio_serveis_caoc.pdf';
const CER = 'cda_ajuntament.cer';

function alta(subject: string, description: string, extra: Partial<TicketInput> = {}): TicketInput {
  return { id: 't', subject, description, tags: ['alta_servei'], attachments: [FORM, CER], ...extra };
}
function mail(subject: string, description: string, extra: Partial<TicketInput> = {}): TicketInput {
  return { id: 't', subject, description, ...extra };
}
const notAsked = (c: ReturnType<typeof classify>, id: string): boolean =>
  c.evidence.some((e) => e.means.startsWith('not asked') && e.means.includes(id));

describe('"already" with any verb (ja / ya)', () => {
  it('sets aside a service the ens already uses, whatever the verb, before or after the name', () => {
    const ca = classify(
      alta('Alta e-NOTUM', "Volem integrar l'e-NOTUM. Els edictes a l'e-TAULER ja els publiquem des de fa anys."),
    );
    expect(ca).toMatchObject({ service: 'ENOTUM', flags: [] });
    const ca2 = classify(
      alta('Alta VO', 'Necessitem la consulta del Cadastre. Les dades de la TGSS ja les rebem per Via Oberta.'),
    );
    expect(ca2.products).toEqual(['CADASTRE']);
    expect(notAsked(ca2, 'TGSS')).toBe(true);
    const es = classify(
      alta('Alta VO', 'Queremos consultar el padrón de otros municipios. La AEAT ya la consultamos hace tiempo.'),
    );
    expect(es.products).toEqual(['PADRO']);
    expect(notAsked(es, 'AEAT')).toBe(true);
  });

  it('covers only the few words after "ja": a long sentence after it keeps its ask', () => {
    const ca = classify(
      alta('Alta de serveis', "Ja us hem enviat el formulari signat per l'alcalde per a la integració amb l'e-NOTUM."),
    );
    expect(ca.service).toBe('ENOTUM');
    const es = classify(
      alta(
        'Alta de servicios',
        'Ya os hemos enviado el formulario firmado por la alcaldesa para integrar el e-TAULER.',
      ),
    );
    expect(es.service).toBe('ETAULER');
  });

  it('reads "ja que" / "ya que" as "since", not as "already"', () => {
    expect(classify(alta('Alta VO', "Volem el Cadastre, ja que l'IBI ho requereix.")).products).toEqual(['CADASTRE']);
    expect(classify(alta('Alta VO', 'Queremos el Catastro, ya que lo pide el IBI.')).products).toEqual(['CADASTRE']);
  });

  it('takes what another body already has for not asked ("l\'Ajuntament veí ja té ...")', () => {
    const c = classify(
      alta('Alta VO', "L'ajuntament veí ja té el Registre Civil. Nosaltres volem la consulta de la TGSS."),
    );
    expect(c.products).toEqual(['TGSS']);
  });
});

describe('not now: "de moment no" / "de momento no"', () => {
  it('sets aside a product named before or after the words, with or without an asking verb', () => {
    expect(classify(alta('Alta VO', "Volem l'AEAT. El padró, de moment no.")).products).toEqual(['AEAT']);
    expect(classify(alta('Alta VO', "Volem l'AEAT. De moment no volem el Cadastre.")).products).toEqual(['AEAT']);
    expect(
      classify(alta('Alta VO', 'Pedimos la TGSS. La consulta del SEPE que os comentamos, de momento no.')).products,
    ).toEqual(['TGSS']);
    expect(classify(alta('Alta VO', 'Pedimos la TGSS. De momento no queremos el Catastro.')).products).toEqual([
      'TGSS',
    ]);
  });

  it('does not count a service put off this way as a second service', () => {
    const c = classify(alta('Alta e-TAULER', "Volem l'e-TAULER. El Segell de temps, de moment no."));
    expect(c).toMatchObject({ service: 'ETAULER', flags: [] });
  });
});

describe('"only" with its asking verb, and a negation after it', () => {
  it('keeps "només volem" / "solo queremos" an "only": what else is named is not asked', () => {
    const ca = classify(
      alta('Alta de serveis', "Ens van parlar del Cadastre, però només volem l'e-NOTUM per a les notificacions."),
    );
    expect(ca).toMatchObject({ service: 'ENOTUM', products: [], flags: [] });
    const es = classify(alta('Alta de servicios', 'Solo queremos el e-TAULER. El MUX lo llevan en Diputación.'));
    expect(es).toMatchObject({ service: 'ETAULER', flags: [] });
  });

  it('sets aside a product refused right after an "only" ("només volem X; Y no ens cal")', () => {
    const ca = classify(alta('Alta VO', 'Només volem la TGSS (deute), el Cadastre no ens cal.'));
    expect(ca.products).toEqual(['TGSS']);
    const es = classify(alta('Alta VO', 'Solo queremos la TGSS, el Catastro no hace falta.'));
    expect(es.products).toEqual(['TGSS']);
  });
});

describe('a noun phrase negated by contrast ("no el de ...", "no la del ...")', () => {
  it('sets aside the product of the negated phrase, and only there', () => {
    const es = classify(
      alta(
        'Alta VO',
        'Para el IVTM necesitamos el acceso ATEX de la DGT (el antiguo, no el de la plataforma DGT PID).',
      ),
    );
    expect(es.products).toEqual(['DGT_IVTM']);
    const ca = classify(alta('Alta VO', 'Volem la consulta de deute de la TGSS, no la del SEPE.'));
    expect(ca.products).toEqual(['TGSS']);
    // "no el tenim": a pronoun and a verb, not a negated phrase; what follows is asked.
    const verb = classify(alta('Alta VO', 'El Cadastre no el tenim i el volem integrar.'));
    expect(verb.products).toEqual(['CADASTRE']);
  });
});

describe('asked in another ticket', () => {
  it('sets aside the service the ens will ask for in another ticket', () => {
    const ca = classify(
      alta('Alta e-TAULER', "Us enviem l'alta de l'e-TAULER. Pel Registre Unificat us obrirem un altre tiquet."),
    );
    expect(ca).toMatchObject({ service: 'ETAULER', flags: [] });
    expect(notAsked(ca, 'MUX')).toBe(true);
    const es = classify(
      alta('Alta e-NOTUM', 'Os enviamos el alta del e-NOTUM. Para el Padrón abriremos otro ticket más adelante.'),
    );
    expect(es).toMatchObject({ service: 'ENOTUM', products: [], flags: [] });
  });

  it('asks nothing when a reply says the request is now in another ticket', () => {
    const c = classify(
      mail(
        'RE: Integració Via Oberta TGSS',
        "D'acord. Ja hem obert el tiquet per EACAT altes de serveis amb el formulari i el CDA.\n\nSalutacions",
      ),
    );
    expect(c).toMatchObject({ service: 'UNKNOWN', environment: 'UNKNOWN', flags: [] });
  });
});

describe('weighing it, not asking it yet', () => {
  it('asks nothing when the ens is only weighing an integration', () => {
    const ca = classify(
      mail(
        'Documentació Cadastre',
        'Estem valorant integrar la consulta del Cadastre, però de moment només volem la documentació. Ens la podeu enviar?',
      ),
    );
    expect(ca).toMatchObject({ service: 'UNKNOWN', products: [], flags: [] });
    const es = classify(
      mail(
        'Documentación Registro Civil',
        'Estamos valorando integrar el Registro Civil en nuestra aplicación. ¿Nos podéis pasar la documentación técnica?',
      ),
    );
    expect(es).toMatchObject({ service: 'UNKNOWN', products: [], flags: [] });
  });
});

describe("the desk's past", () => {
  it('sets aside what the desk authorised before ("ens vau autoritzar", "nos dijisteis")', () => {
    const ca = classify(
      alta(
        'RE: Homologació TGSS',
        "Us adjuntem el document d'homologació de la TGSS. El Cadastre que també ens vau autoritzar encara no l'hem provat.",
        { attachments: ['homologacio_tgss.docx'] },
      ),
    );
    expect(ca).toMatchObject({ products: ['TGSS'], environment: 'PRO', flags: ['HOMOLOGATION'] });
    const es = classify(
      mail(
        '¿Dónde está la plantilla?',
        'Nos dijisteis que para pasar a producción el Catastro necesitaba la plantilla de homologación. ' +
          '¿Dónde podemos encontrar la plantilla?',
      ),
    );
    expect(es).toMatchObject({ service: 'UNKNOWN', environment: 'UNKNOWN' });
  });
});

describe("a reply's subject and a refused integration", () => {
  it('does not take a reply subject\'s "Alta" for a request when the reply declines it', () => {
    const ca = classify(
      mail(
        "RE: Alta de serveis - Padró - Ajuntament d'Exemple",
        'No, no volem integració per serveis web: fem servir el servei per EACAT. Ho podeu tancar.',
        { tags: ['alta_servei'] },
      ),
    );
    expect(ca).toMatchObject({ service: 'UNKNOWN', products: [], flags: [] });
    const es = classify(
      mail('RE: Alta de servicios - Catastro', 'No queremos integrar nada, solo el acceso por EACAT. Gracias.', {
        tags: ['alta_servei'],
      }),
    );
    expect(es).toMatchObject({ service: 'UNKNOWN', products: [], flags: [] });
  });
});

describe('the test report delivered', () => {
  it('reads a document named after the tests as the homologation delivered', () => {
    expect(readAttachments(['proves_ENOTUM_ajuntament.docx']).homologation).toBe('proves_ENOTUM_ajuntament.docx');
    expect(readAttachments(['pruebas_etauler.pdf']).homologation).toBe('pruebas_etauler.pdf');
    // A certificate for the test environment is not a test report.
    expect(readAttachments(['cda_proves.cer']).homologation).toBeUndefined();
  });

  it('moves to production a reply that says the tests are done and asks to go on ("passar-ho", "pasarlo")', () => {
    const ca = classify(
      alta(
        'RE: Alta e-NOTUM',
        "ja hem fet les proves de l'e-NOTUM a preproducció, us adjunto el document. Podeu passar-ho a producció?",
        { attachments: ['proves_enotum.docx'] },
      ),
    );
    expect(ca).toMatchObject({ service: 'ENOTUM', environment: 'PRO', flags: ['HOMOLOGATION'] });
    const es = classify(
      alta(
        'RE: Alta e-TAULER',
        'Ya hemos hecho las pruebas del e-TAULER, os adjunto el documento. ¿Podéis pasarlo a producción?',
        { attachments: ['pruebas_etauler.pdf'] },
      ),
    );
    expect(es).toMatchObject({ service: 'ETAULER', environment: 'PRO', flags: ['HOMOLOGATION'] });
  });

  it('keeps a delivered homologation whose report lists an expected error', () => {
    const c = classify(
      alta(
        'RE: Alta e-TAULER - pas a producció',
        "Adjuntem el document d'homologació de l'e-TAULER. La prova 4 dona error, que és el resultat esperat. Ens podeu passar a PRO?",
        { attachments: ['homologacio_etauler.docx'] },
      ),
    );
    expect(c).toMatchObject({ service: 'ETAULER', environment: 'PRO', flags: ['HOMOLOGATION'] });
  });
});

describe('questions about a request, not a request', () => {
  it('asks nothing when the ens asks how an earlier request stands', () => {
    const ca = classify(
      mail(
        'Estat de la sol·licitud del Cadastre',
        "Fa un mes vam demanar l'alta del Cadastre per Via Oberta i encara no en sabem res. En quin estat està?",
      ),
    );
    expect(ca).toMatchObject({ service: 'UNKNOWN', products: [], flags: [] });
    const es = classify(
      mail(
        'Estado de la solicitud TGSS',
        'Hace dos semanas os pedimos el alta de la TGSS y no sabemos nada. ¿En qué estado está?',
      ),
    );
    expect(es).toMatchObject({ service: 'UNKNOWN', products: [], flags: [] });
  });

  it('asks nothing when the ens asks where a document is and a link does not work for it', () => {
    const ca = classify(
      mail(
        "On és el document d'homologació?",
        "Per passar a producció l'e-NOTUM ens cal el document d'homologació. On el podem trobar? L'enllaç no ens funciona.",
      ),
    );
    expect(ca).toMatchObject({ service: 'UNKNOWN', environment: 'UNKNOWN' });
  });
});

describe('forwarding notes and signatures', () => {
  it('reads the mail under "us passo la petició" / "os paso la petición" as the request', () => {
    const ca = segmentDescription(
      'Us passo la petició de Serveis Socials.\n\n-----Missatge original-----\nDe: Serveis Socials\nTema: ajuts\n\nNecessitem el padró.',
      false,
    );
    expect(
      ca
        .filter((p) => p.zone === 'own')
        .map((p) => p.text)
        .join(' '),
    ).toContain('Necessitem el padró');
    const c = classify(
      alta(
        'Alta VO',
        'Os paso la petición de Intervención.\n\n-----Mensaje original-----\nDe: Intervención\nAsunto: subvenciones\n\n' +
          'Necesitamos la TGSS (deuda) y la AEAT.',
      ),
    );
    expect(c.products).toEqual(['TGSS', 'AEAT']);
  });

  it('ends the message at "Merci": a company name in the signature asks nothing', () => {
    const c = classify(
      mail(
        'Endpoint de proves',
        "Quin és l'endpoint de proves? Ens dona connection refused.\n\nMerci\nAnna\nIntegra Serveis SL",
      ),
    );
    expect(c).toMatchObject({ service: 'UNKNOWN' });
    const passages = segmentDescription('Una consulta.\n\nMerci\nIntegra Serveis SL', false);
    expect(passages.find((p) => p.text.includes('Integra'))?.zone).toBe('signature');
  });

  it('does not take "Ajuntament" for "adjunt" (a delivery)', () => {
    const c = classify(
      mail('Homologació e-NOTUM', "L'Ajuntament farà la homologació de l'e-NOTUM el mes que ve.", {
        tags: ['alta_servei'],
        attachments: [FORM, CER],
      }),
    );
    expect(c.flags).not.toContain('HOMOLOGATION');
  });
});

describe('a provider and its specific product joined by "+"', () => {
  it('asks for both ("TGSS + vida laboral")', () => {
    expect(classify(alta('Alta VO TGSS + vida laboral', 'Formulari i CDA adjunts.')).products).toEqual([
      'TGSS',
      'TGSS_VIDA_LABORAL',
    ]);
    expect(classify(alta('Alta VO TGSS + Vida Laboral', 'Os adjuntamos el formulario.')).products).toEqual([
      'TGSS',
      'TGSS_VIDA_LABORAL',
    ]);
  });
});
