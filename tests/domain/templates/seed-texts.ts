/**
 * The manual's messages as the seeds write them (../shared/seeds), paragraph by paragraph, with
 * their placeholders (XXXX) filled with the values the tests render with. People's names and
 * mailboxes in the seeds are replaced by neutral test values. Two changes are deliberate: links to
 * AOC's own sites use https:// on the same host (plpre.eacat.net, suport.aoc.cat), and the
 * homologation message lists the authorisations as a table where the manual attaches a screenshot.
 */
export const ENS = 'Ajuntament de Vila-seca';

const ARTICLES = 'https://suport-integradors.aoc.cat/hc/ca/articles/';
/** The Via Oberta messages' block of links to the integration documents, as the manual lists them. */
const DOCS_AMBITS: readonly string[] = [
  `${ARTICLES}7352984409757-Documentaci%C3%B3-gen%C3%A8rica-per-a-integrar-se-a-la-PCI`,
  'La documentació d’integració específica del servei sol·licitat, la teniu disponible a:',
  'Documentació integració i Esquemes per àmbit:',
  `de l'Administració General de l’Estat (AGE) → ${ARTICLES}4416414672913-` +
    'Documentaci%C3%B3-integraci%C3%B3-%C3%80mbit-Administraci%C3%B3-General-de-l-Estat-AGE-',
  `de l’Administració de la Generalitat de Catalunya → ${ARTICLES}4416407081873-` +
    'Documentaci%C3%B3-integraci%C3%B3-Administraci%C3%B3-de-la-Generalitat-de-Catalunya',
  `de l’Administració local → ${ARTICLES}4416414674449-` +
    'Documentaci%C3%B3-integraci%C3%B3-%C3%80mbit-de-l-Administraci%C3%B3-local',
  `dels Col·legis i Entitats Col·laboradores → ${ARTICLES}4416414675857-` +
    'Documentaci%C3%B3-integraci%C3%B3-%C3%80mbit-de-Col-legis-i-Entitats-Col-laboradores',
];

export interface SeedText {
  readonly values: Record<string, unknown>;
  readonly paragraphs: readonly string[];
  /** Paragraphs above that are not the manual's: the part the registry marks as derived. */
  readonly derivedParagraphs?: readonly string[];
}

const AUTHORISATION_TABLE = [
  'Sol·licitat | Autoritzat a PRO | Autoritzat a PRE',
  'PADRO · RESIDENT | RESIDENT | RESIDENT',
  'TGSS · SCSP_TGSS | SCSP_TGSS | —',
];

export const SEED_TEXTS: Readonly<Record<string, SeedText>> = {
  'pscp-confirmacio-ws': {
    values: { ensName: ENS },
    paragraphs: [
      'Benvolguts,',
      `Us escrivim en relació a l’alta del servei d’eContractació que hem rebut per ${ENS}, en el qual marqueu ` +
        `l’opció d’integració via WebService.`,
      'Si ens confirmeu que voleu aquesta opció (i no tan sols accedir via EACAT), us adjuntarem la ' +
        'documentació d’integració d’eContractació i la documentació a omplir per part vostra amb les IPs ' +
        'públiques amb les quals accedireu a les nostres plataformes.',
      'Atentament,',
    ],
  },
  'pscp-documentacio': {
    values: {},
    paragraphs: [
      'Benvolguts,',
      'En la següent FAQ podreu trobar tota la documentació específica per integrar-se a la PSCP.',
      'Addicionalment, fer-vos cinc cèntims d’alguns detalls:',
      'Tot integrar-vos per serveis web, la publicació a la PSCP no es fa de manera automàtica, per tant, ' +
        'requeriu accés a l’eina de gestió (part privada de la plataforma només accessible per l’òrgan de ' +
        'contractació) que es realitza a través d’EACAT Preproducció https://plpre.eacat.net a través de la ' +
        'pestanya “Aplicacions”. Sempre que envieu quelcom a publicar a PSCP via serveis web després haureu ' +
        'd’accedir a PSCP web, revisar les dades i enviar a publicar si tot es correcte.',
      'De cara a la integració, a la missatgeria, a banda de les dades de la publicació de l’anunci, haureu ' +
        "d'incloure la següent informació:",
      "usuari: informar el NIF d'un usuari amb permisos de publicar al portal de PSCP",
      'sistemaExtern: Es farà servir "aoc_pre" per preproducció i a Producció serà "aoc"',
      "organSACId: Haureu d'indicar el CIF del vostre organisme",
      "expedientId: El codi de l'expedient",
      'Un cop acabeu les proves, haureu de realitzar el joc de proves i emplenar el docx (Jocs de proves a ' +
        'realitzar un cop donats d’alta a preproducció) per tal que validem la integració realitzada i ' +
        'formalitzem el pas a producció.',
      'Si teniu dubtes o necessiteu qualsevol aclariment estem a la vostra disposició i si cal, podem fer una ' +
        'primera reunió tècnica un cop hàgiu revisat la documentació i tingueu els primers dubtes.',
      'Atentament,',
    ],
  },
  'pscp-inici-homologacio': {
    values: { userNif: '99999972C' },
    paragraphs: [
      'Benvolguts,',
      "Ens complau informar-vos que ja us hem donat permisos a l'entorn de Proves -> PreProducció.",
      "Per tal de fer el salt de l'entorn de Proves a l'entorn de Producció, i pel servei de PSCP, cal que ens " +
        'faciliteu un Document amb el joc de proves omplert.',
      'Aquest document podeu trobar-lo al següent enllaç: https://github.com/ConsorciAOC/Homologacio-Serveis',
      "També necessitarem que ens feu arribar les evidències de les proves tal com s'indica a l'apartat 2.1.1 del document esmenat.",
      "De cara a la integració, a banda de les dades de la publicació de l’anunci, haureu d'incloure la " +
        "següent informació (tota aquesta informació la teniu especificada en el document d'integració que " +
        "trobareu en el Manual integradors (nou model de dades): https://github.com/ConsorciAOC/PSCP/wiki/Document-d'integraci%C3%B3):",
      "usuari: informar el NIF d'un usuari amb permisos de publicar al portal de PSCP",
      'sistemaExtern: Es farà servir "aoc_pre" per preproducció i a Producció serà "aoc"',
      "organSACId: Haureu d'indicar el CIF del vostre organisme",
      "expedientId: El codi de l'expedient",
      'Una vegada rebem per part vostre el document: Jocs de proves a realitzar un cop donats d’alta a ' +
        "preproducció, revisarem que els consums s'hagin realitzat correctament i procedirem a donar-vos l'alta " +
        "a l'entorn de PRODUCCIÓ.",
      'Restem a l’espera que ens envieu el document.',
      "Informar-vos que l'entorn de proves de la PSCP estarà accessible de dilluns a divendres de 07:00h – 19:00h.",
      'Salutacions,',
    ],
  },
  'pscp-derivacio-cap-servei': {
    values: { headOfServiceName: 'Anna', ensName: ENS },
    paragraphs: [
      'Bon dia Anna,',
      `${ENS} ha sol·licitat el pas a Producció per a PSCP. Hem validat les proves que ens adjunten en el ` +
        `document i veiem que tot està correcte.`,
      'Ja hem realitzat les configuracions necessàries a la Plataforma de PSCP PRO.',
      'Et traslladem el tiquet per tal que realitzis les accions necessàries.',
      'Moltes gràcies',
      'Salutacions,',
    ],
  },
  'pscp-fi-alta-pro': {
    values: {},
    paragraphs: [
      'Bon dia,',
      'Hem realitzat les configuracions necessàries perquè pugueu començar a consumir el servei de PSCP a Producció.',
      'A nivell de missatgeria específica us recordem la informació sobre els camps següents:',
      "usuari: informar el NIF d'un usuari amb permisos de publicar al portal de PSCP",
      'sistemaExtern: Es farà servir "aoc_pre" per preproducció i a Producció serà "aoc"',
      "organSACId: Haureu d'indicar el CIF del vostre organisme",
      "expedientId: El codi de l'expedient",
      'Restem a la vostra disposició per resoldre qualsevol dubte.',
      'Salutacions,',
    ],
  },
  'vo-no-via-alta': {
    values: {},
    paragraphs: [
      'Benvolguts,',
      "Informar-los que per poder realitzar la integració del servei, han d'obrir un nou tiquet a través " +
        "d'EACAT a altes de Serveis. Els adjuntem FAQ on s'indiquen els passos a seguir: " +
        'https://suport-viaoberta.aoc.cat/hc/ca/articles/4415428870161-Com-integrar-se-a-Via-Oberta-',
      "Donarem aquest tiquet per tancat, ja que s'obrirà un nou on es realitzarà la gestió.",
      'Salutacions',
    ],
  },
  'vo-copia-alta-sense-docs': {
    values: { services: 'Dependència (IMSERSO)' },
    paragraphs: [
      'Benvolguts,',
      "Hem rebut correctament la vostra sol·licitud d'alta per al servei de Dependència (IMSERSO) i hem " +
        "procedit a autoritzar-vos correctament a l'entorn de PRODUCCIÓ per tal que pugueu consumir-lo a través " +
        "d'EACAT.",
      'No obstant, veiem que heu marcat també l\'opció "Integració via serveis web", per tal de consumir de manera automatitzada.',
      "Si realment voleu integració, per tal de gestionar les autoritzacions a l'entorn de proves, necessitem que ens adjunteu:",
      "Formulari d'integració via serveis web, que podeu trobar en la següent FAQ: " +
        'https://github.com/ConsorciAOC/Integracio-Serveis/raw/main/documentAlta/formulari_sol-licitud_integracio_serveis_caoc.pdf ' +
        'degudament emplenat i signat digitalment.',
      'Clau pública (certificat CDA) amb la qual signareu les peticions XML que llençareu contra les nostres ' +
        "plataformes. Ha d'estar en format .cer o bé .txt. Si teniu problemes per adjuntar-la, proveu a fer-ho " +
        'amb la clau comprimida .rar o .zip.',
      'Restem a la vostra disposició per resoldre qualsevol dubte o problema que pugui sorgir-vos',
      "Ens mantenim a l'espera que ens feu arribar els documents",
      'Salutacions',
    ],
  },
  'vo-corpme-pro': {
    values: { authorisations: 'producte, modalitat i finalitat' },
    paragraphs: [
      'Bon dia,',
      "S'ha donat d'alta a producció producte, modalitat i finalitat.",
      'Per a pre-producció actualment, no es facilita credencials.',
      'Qualsevol dubte estem a la vostra disposició',
      'Salutacions',
    ],
  },
  'vo-dcoc-permis-collegi': {
    values: {
      collegiEmail: 'registre@example.org',
      copyTo: ['copia.a@example.org', 'copia.b@example.org'],
      ensName: 'l’Ajuntament de Sant Cugat del Vallès',
      collegiCode: 'COAC',
      collegiName: 'Col·legi d’Arquitectes de Catalunya',
      ticketId: '275468',
    },
    paragraphs: [
      'Per a: registre@example.org',
      'CC: copia.a@example.org, copia.b@example.org',
      'DCOC - COAC - l’Ajuntament de Sant Cugat del Vallès (275468)',
      'Benvolguts,',
      'Ens posem en contacte amb vosaltres des del Consorci AOC perquè l’Ajuntament de Sant Cugat del Vallès ' +
        'ens ha sol·licitat documents visats a través de la integració que tenim disponible amb el Col·legi ' +
        'd’Arquitectes de Catalunya (COAC).',
      'Si us plau, ens hauríeu d’indicar que no hi ha cap inconvenient de realitzar les proves corresponents ' +
        'amb aquest ens local, per tal que puguin obtenir aquests documents visats de la vostra entitat.',
      'Salutacions,',
    ],
  },
  'vo-coetc': {
    values: {},
    paragraphs: [
      'Benvolguts,',
      "Respecte a la vostra integració amb el COETC, informar-vos que s'ha pactat per segon semestre de 2019 " +
        'refer els serveis del DCOC, per tant, no té sentit que us integreu ara en un Servei com Ajuntament i ' +
        'l’emissor, que en 6 mesos canviarà.',
      'Salutacions cordials.',
    ],
  },
  'vo-padro': {
    values: {
      supportEmail: 'suport@example.org',
      firewallAddresses: ['Producció: 192.0.2.10', 'Desenvolupament: 192.0.2.11'],
      internalTicketRef: 'SE-1',
    },
    paragraphs: [
      'Bon dia,',
      "Ens posem en contacte amb vosaltres per informar-vos d'alguns aspectes a tenir en compte per al " +
        "desplegament del padró telemàtic al vostre ajuntament, així com d'informació rellevant i dades de " +
        'contacte.',
      "Podreu contactar amb nosaltres a través de l'adreça suport@example.org via correu electrònic.",
      'Passos a seguir:',
      'Indicar-nos quina es la plataforma que feu servir per obtenir les dades (base de dades o web service), ' +
        'i si es tracta d’un producte d’un fabricant o propi.',
      "Facilitar-nos accés remot per a instal·lar l'aplicació. Aquest accés sol ser Terminal Server(Windows) i " +
        'SSH(Linux), però estem oberts a altres tipus de connexió que ens proposeu com per exemple (TeamViewer).',
      'Obrir les següents IP al Firewall:',
      'Producció: 192.0.2.10',
      'Desenvolupament: 192.0.2.11',
      'Pel que fa als ports, serien els següents (depenent del servidor web):',
      'SSL: 8443 ó 443. Quan estigui instal·lat el certificat de servidor les peticions es faran per HTTPS.',
      'Web: 8080 ó 80. Mentre no tinguem el certificat de servidor instal·lat farem les proves per HTTP.',
      'Demanar 2 certificats a la web de EACAT que han de ser:',
      "CDA: certificat d'aplicació",
      'CDS: certificat de servidor segur (CDS-1)',
      "Per a realitzar aquest tràmit s'ha d'anar a la web de www.eacat.cat i als apartats :",
      "d'EACAT > CATCert > Tràmits > Certificats digitals",
      'Si teniu cap dubte dirigiu-vos al departament de Suport a : https://suport.aoc.cat/',
      'Per altra banda cal fer una gestió més funcional a banda i ho hem traslladat a la Cap de Servei (SE-1)',
      'Estem a la vostra disposició per a qualsevol dubte que tingueu.',
      'Salutacions cordials',
    ],
  },
  'minhap-caid': {
    values: { ensName: 'Ajuntament de Vila-seca', services: 'Catastro', ine10Proves: '4317110007_PROVES' },
    paragraphs: [
      'Petición acceso a datos Catastro para Ajuntament de Vila-seca.',
      'Buenos días,',
      'Solicitamos que se autorice a la entidad Ajuntament de Vila-seca a consumir los servicios Catastro, ' +
        'indicados en la documentación adjunta, y para el entorno de pruebas.',
      'Nos mantenemos a la espera de vuestras indicaciones.',
      'Muchas gracias,',
      'Saludos,',
    ],
  },
  'portasignatures-signatura': {
    values: { signatoryName: 'Pere', ensName: 'Ajuntament de Vila-seca', services: 'Cadastre' },
    paragraphs: [
      'Autorització PRE Ajuntament de Vila-seca - Cadastre',
      'Bon dia Pere,',
      'adjunto document per la teva signatura.',
    ],
  },
  'vo-aeat-cda': {
    values: { aeatContactEmail: 'RelacionesInstitucionales.Cataluna@correo.aeat.es', autoCloseDays: 7 },
    paragraphs: [
      'Benvolguts,',
      'Informar-vos que per poder realitzar el procediment d’integració al servei de l’AEAT a l’entorn de ' +
        "Preproducció, primer els hi heu d'adjuntar la part pública del certificat(CDA) que fareu servir per " +
        'firmar les peticions per part del CAOC cap a l’AEAT.',
      'Per això heu d\'obrir tiquet a través de: "https://sede.agenciatributaria.gob.es/ < Colaborar con la ' +
        'Agencia Tributaria < Colaboración con las Administraciones públicas < Suministro de información ' +
        'estructurada para finalidades no tributarias < Formularios, guías y modelos.',
      'Si teniu qualsevol problema, també podeu contactar amb ells via correu a la direcció: ' +
        'RelacionesInstitucionales.Cataluna@correo.aeat.es',
      'Un cop realitzada aquesta gestió, preguem que ens adjunteu una captura amb la finalització de l’alta ' +
        'per part de l’AEAT i podrem continuar amb la vostra integració per part del AOC.',
      'Si teniu de qualsevol dubte o problema en el procés, estem a la vostra disposició.',
      "D'altra banda, els recordem que si no ens responen en un període de 7 dies, aquest tiquet es tancarà " +
        'automàticament. Esperem que tinguin en compte aquest detall.',
      'Salutacions cordials.',
    ],
  },
  'vo-homologacio': {
    values: {
      services: 'XXXX',
      authorisationRows: [
        { asked: 'PADRO · RESIDENT', pro: 'RESIDENT', pre: 'RESIDENT' },
        { asked: 'TGSS · SCSP_TGSS', pro: 'SCSP_TGSS', pre: '—' },
      ],
    },
    paragraphs: [
      'Bon dia,',
      "Per tal de fer el salt de l'entorn de Proves a l'entorn de Producció, i per al servei [XXXX], cal que " +
        "ens faciliteu el document d'homologació amb el joc de proves omplert.",
      "Aquest document d'homologació podeu trobar-lo a la següent FAQ: https://github.com/ConsorciAOC/Homologacio-Serveis",
      'Una vegada rebem per part vostre el document, realitzarem unes revisions internes per validar que la ' +
        "integració amb l'entorn de proves s'hagi realitzat correctament i us donarem el vist i plau per poder " +
        'realitzar els consums a PRODUCCIÓ.',
      "Per fer-nos arribar el document d'homologació, haureu d'obrir un nou tiquet fent referència a aquest i " +
        "adjuntant el document omplert. Tanquem aquest tiquet perquè s'obrirà d'un nou per tractar el salt a " +
        "l'entorn de producció.",
      'De moment us hem proporcionat les autoritzacions necessàries per poder consumir el servei sol·licitat a ' +
        'l’entorn de PREPRODUCCIÓ. El servei i modalitat sol·licitada és:',
      ...AUTHORISATION_TABLE,
      "El Consorci AOC, amb l'objectiu de facilitar el desenvolupament de les integracions, posa a la vostra " +
        "disposició els següents clients d'exemple de la PCI:",
      ...DOCS_AMBITS,
      'Quedem a la vostra disposició per atendre qualsevol dubte o problema.',
      'Salutacions,',
    ],
    derivedParagraphs: AUTHORISATION_TABLE,
  },
  'vo-fi-alta': {
    values: { services: 'XXXX' },
    paragraphs: [
      'Benvolguts,',
      'Ens complau confirmar-vos que hem procedit a configurar el servei / serveis XXXX per tal de poder-lo ' +
        'consumir, tant a PRE com a PRO.',
      'Adjuntem captura de pantalla',
      "El Consorci AOC, amb l'objectiu de facilitar el desenvolupament de les integracions, posa a la vostra " +
        "disposició els següents clients d'exemple de la PCI:",
      ...DOCS_AMBITS,
      'Quedem a la vostra disposició per atendre qualsevol dubte o problema.',
      'Salutacions cordials i gràcies.',
    ],
  },
  'pscp-elicita-sense-pscp': {
    values: { ensName: ENS },
    // Derived: the manual states the rule ("Es podran integrar amb eLicita si tenen integració
    // prèvia amb PSCP") and its link, not a text.
    paragraphs: [
      'Benvolguts,',
      'només s’hi poden integrar els ens que ja tenen integració prèvia amb la PSCP',
      'https://www.aoc.cat/blog/2022/shabilita-el-servei-web-de-recuperacio-dofertes-de-licita/',
    ],
  },
  'vo-multi-ambit': {
    values: { services: 'AEAT i TFN', ambits: 'AGE, Generalitat' },
    // Derived: the manual states the rule, not a text. The rule's words must be in it.
    paragraphs: [
      'Benvolguts,',
      'Per procediment intern, les integracions s’han de gestionar per separat',
      'obriu un tiquet per a cada àmbit',
    ],
  },
};
