import type { KnownServiceId } from '../catalogue/services';
import { PRODUCT_IDS, PRODUCTS, type ProductId } from '../catalogue/products';
import { catalogueEntries } from './catalogue-names';
import { normaliseWords } from './normalize';

/**
 * The classifier's vocabulary, as data. Each entry lists phrases in Catalan and Spanish (written
 * naturally: accents, apostrophes and "l·l" are normalised away, and so are the small words in
 * STOPWORDS, so "Registre de la Propietat" also matches "registre propietat") and what they mean.
 *
 * Phrase syntax, word by word:
 *   `integr*`  a word starting with "integr" (integrar, integració, integrats...)
 *   `^SOC`     the word written in capitals only (SOC is also the Catalan "sóc", "I am")
 *   `~Servei`  the word written with a capital initial (a department's name, not "el servei")
 *   `=matrimoni` no typo tolerance (it must not match "patrimoni")
 * Words of six letters or more also match with one typo (a letter missing, extra, changed or two
 * letters swapped), so "Cadsatre" or "tributaira" still count.
 *
 * Layers are matched independently; inside a layer the longest phrase wins, so "Agència
 * Tributària de Catalunya" is ATC and not AEAT.
 */
/**
 * What a scope trigger says of the service and product mentions it covers (NegEx / ConText):
 * `negated` not wanted ("no volem", "no hace falta"), `historical` already there or asked before
 * ("ja tenim", "igual que hicimos con"), `hypothetical` maybe later ("més endavant"), `other-subject`
 * an office whose name shares a product's words ("l'Oficina de Padró"), `elsewhere` asked in another
 * ticket ("us obrirem un altre tiquet per al MUX"), `only` the ticket asks for these and nothing
 * else ("únicament l'e-NOTUM").
 */
export type ScopeKind = 'negated' | 'historical' | 'hypothetical' | 'other-subject' | 'elsewhere' | 'only';
/** `forward` covers what follows the trigger, `backward` what precedes it ("el Cadastre no el volem"). */
export type ScopeDirection = 'forward' | 'backward' | 'both';

/** What a ticket asks when it asks no integration (the topic of an "another matter" cue). */
export type OtherTopic =
  'incident' | 'contact-change' | 'certificate' | 'statistics' | 'question' | 'account' | 'invoice' | 'other';

export type Meaning =
  | { readonly kind: 'service'; readonly service: KnownServiceId }
  /**
   * `org` names the provider only ("DGT"); `data` names a data set ("permisos de conduir");
   * `modality` is an AOC modality code (`CodigoCertificado`, "ECOT101").
   */
  | {
      readonly kind: 'product';
      readonly product: ProductId;
      readonly level: 'org' | 'data' | 'modality';
      readonly modality?: string;
      /** False for a modality code that is an ordinary word: it does not ask for its product. */
      readonly implies?: boolean;
    }
  /** EACAT: the desk's extranet; tickets sometimes say EACAT when they mean OVER. */
  | { readonly kind: 'eacat' }
  | { readonly kind: 'intent'; readonly weight: number }
  | { readonly kind: 'problem'; readonly weight: number; readonly topic: OtherTopic }
  | { readonly kind: 'toProduction' }
  | { readonly kind: 'homologation' }
  | { readonly kind: 'deliver' }
  | { readonly kind: 'setdiba' }
  | { readonly kind: 'diputacio' }
  | { readonly kind: 'severalEns' }
  | { readonly kind: 'mass' }
  | { readonly kind: 'coetc' }
  /** "una altra comunitat autònoma", "resto de CCAA": the other regions' variant of a product. */
  | { readonly kind: 'otherRegions' }
  /** Catalonia named ("Catalunya", "ICASS"): with `otherRegions`, both variants are asked. */
  | { readonly kind: 'catalonia' }
  | {
      readonly kind: 'scope';
      readonly scope: ScopeKind;
      readonly direction: ScopeDirection;
      /** Content words after the trigger within which the (first) covered mention must start. */
      readonly window?: number;
      /**
       * The trigger counts only after a verb of having earlier in the sentence ("tenemos VALId
       * integrado", "tenim el padró funcionant"): a state participle by itself ("volem el padró
       * integrat") is not a history.
       */
      readonly afterHaving?: boolean;
    }
  /** A verb of having ("tenim", "tenemos", "disposem"): opens the way for `afterHaving` triggers. */
  | { readonly kind: 'having' }
  /**
   * Closes a scope. `ask` (a verb of asking: "volem", "solicitamos") closes scopes in both
   * directions; `contrast` ("però", "ara", "i també") closes forward scopes.
   */
  | { readonly kind: 'terminator'; readonly strength: 'ask' | 'contrast' };

export type Layer = 'entity' | 'cue' | 'scope';

export interface LexiconEntry {
  readonly layer: Layer;
  readonly meaning: Meaning;
  readonly phrases: readonly string[];
  /** Not a match when a number follows ("DNI 12345678Z" is someone's ID, not the DNI service). */
  readonly notBeforeNumber?: boolean;
  /** A match only when a number follows ("des del 2021": a date, not an office "des de l'Àrea"). */
  readonly beforeNumber?: boolean;
  /** A match only when "de" follows: "l'aplicació de padró" (named after), not "l'aplicació amb l'AEAT". */
  readonly beforeOf?: boolean;
  /**
   * A match only when an article and "de", or "de" itself, follow: "el antiguo, no el de la
   * plataforma DGT PID", "la TGSS, no la del SEPE", "es de la Agencia Tributaria, no del Catastro"
   * (a noun phrase negated by contrast), not "no el tenim".
   */
  readonly beforeArticleOf?: boolean;
}

/** Small words dropped from both the text and the phrases before matching. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'de',
  'del',
  'dels',
  'd',
  'la',
  'las',
  'el',
  'els',
  'les',
  'los',
  'lo',
  'l',
  'a',
  'al',
  'als',
  'en',
  'i',
  'y',
  'e',
  'amb',
  'con',
  'per',
  'para',
  'por',
  'pel',
  'pels',
  'un',
  'una',
  'uns',
  'unes',
  's',
  'n',
  'the',
  'of',
  'to',
  'nostre',
  'nostra',
  'nuestro',
  'nuestra',
]);

const service = (s: KnownServiceId, phrases: readonly string[]): LexiconEntry => ({
  layer: 'entity',
  meaning: { kind: 'service', service: s },
  phrases,
});
const org = (p: ProductId, phrases: readonly string[]): LexiconEntry => ({
  layer: 'entity',
  meaning: { kind: 'product', product: p, level: 'org' },
  phrases,
});
const data = (p: ProductId, phrases: readonly string[]): LexiconEntry => ({
  layer: 'entity',
  meaning: { kind: 'product', product: p, level: 'data' },
  phrases,
});
const problems = (topic: OtherTopic, weight: number, phrases: readonly string[]): LexiconEntry[] => [
  { layer: 'cue', meaning: { kind: 'problem', weight, topic }, phrases },
];
const scope = (
  kind: ScopeKind,
  direction: ScopeDirection,
  phrases: readonly string[],
  window?: number,
): LexiconEntry[] => [
  {
    layer: 'scope',
    meaning: { kind: 'scope', scope: kind, direction, ...(window === undefined ? {} : { window }) },
    phrases,
  },
];
/** Backward triggers that need a verb of having before them in the sentence (see `afterHaving`). */
const stateAfterHaving = (phrases: readonly string[]): LexiconEntry => ({
  layer: 'scope',
  meaning: { kind: 'scope', scope: 'historical', direction: 'backward', afterHaving: true },
  phrases,
});
const terminator = (strength: 'ask' | 'contrast', phrases: readonly string[]): LexiconEntry => ({
  layer: 'scope',
  meaning: { kind: 'terminator', strength },
  phrases,
});
const cue = (meaning: Meaning, phrases: readonly string[], layer: Layer = 'cue'): LexiconEntry => ({
  layer,
  meaning,
  phrases,
});

/**
 * AOC's modality codes (`CodigoCertificado`), from the catalogue: each names its product. A code
 * that is a single ordinary word ("TITULAR", "CONVIVENTS") only reports the modality of a product
 * the ticket asks for otherwise; a distinctive one ("ECOT101", "DGT_DADES_VEHICLE") also asks for it.
 * Matched in capitals only, as codes are written.
 */
function modalityEntries(): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const id of PRODUCT_IDS) {
    for (const code of PRODUCTS[id].modalities) {
      const words = code.split('_').filter((w) => w.length > 0);
      const distinctive = words.length > 1 || /\d/.test(code) || DISTINCTIVE_CODES.has(code);
      out.push({
        layer: 'entity',
        meaning: { kind: 'product', product: id, level: 'modality', modality: code, implies: distinctive },
        phrases: [words.map((w) => `^${w}`).join(' ')],
      });
    }
  }
  return out;
}

/** Single-word codes that name nothing else. */
/** DCOC: one product per col·legi (`DCOC_<COL·LEGI>`), each with the same modality patterns. */
const DCOC_COLLEGIS = ['COAC', 'CAATB', 'CAATG', 'APATGN', 'COIT', 'COEIC', 'CETIB', 'ECA'] as const;
const DCOC_PATTERNS = ['CONSULTA', 'DESCARREGA_HTTP', 'DADES_TECNIQUES', 'DESCARREGA_FTP'] as const;

function dcocModalityEntries(): LexiconEntry[] {
  return DCOC_COLLEGIS.flatMap((c) =>
    DCOC_PATTERNS.map((p): LexiconEntry => ({
      layer: 'entity',
      meaning: { kind: 'product', product: 'DCOC', level: 'modality', modality: `${c}_${p}`, implies: true },
      phrases: [
        `${c}_${p}`
          .split('_')
          .map((w) => `^${w}`)
          .join(' '),
      ],
    })),
  );
}

const DISTINCTIVE_CODES: ReadonlySet<string> = new Set(['INFOCAT', 'AEATIAE', 'ECOTGEN', 'IRPF', 'ATMV']);

/**
 * Matching rules the catalogue's plain names cannot say: word prefixes ("cadastral*"), capitals
 * only ("^LICITA"), no typo tolerance ("=matrimoni" is not "patrimoni"), abbreviations ("Seg.
 * Social") and a DNI followed by a number (someone's ID, not the product). Every other name of a
 * service or product comes from the catalogue file (catalogue-names.ts).
 */
const ENTITY_PATTERNS: readonly LexiconEntry[] = [
  service('ELICITA', ['^LICITA']),
  service('COPIA', ['~Còpia electrònica']),
  // The service's own name written as a name ("el Validador del Consorci"); "validador" in lower
  // case is an ordinary word (GENERIC_WORDS), and "Validador d'Identitats" is VALId's longer name.
  service('VALIDADOR', ['~Validador']),
  data('AEAT', ['ECOT*']),
  org('TGSS', ['Seg. Social', 'Seg Social', 'Seg. Soc.']),
  { ...org('DGP_IDENTITAT', ['^DNI', '^DNIe']), notBeforeNumber: true },
  data('CADASTRE', ['cadastral*', 'catastral*']),
  data('REGISTRE_CIVIL', [
    '=naixement',
    '=naixements',
    '=nacimiento',
    '=nacimientos',
    '=matrimoni',
    '=matrimonio',
    '=defunció',
    '=defuncions',
    '=defunción',
    '=defunciones',
  ]),
  data('PODERS_NOTARIALS', ['notarial*']),
  data('PADRO', ['empadronat*', 'empadronado*']),
];

const entityOf = (m: Meaning): string =>
  m.kind === 'service' ? m.service : m.kind === 'product' ? `${m.product}:${m.modality ?? ''}` : m.kind;
const phraseKey = (p: string): string => normaliseWords(p.replace(/[\^~=*]/g, '')).join(' ');

/** The catalogue's names, except those a matching rule above already says more precisely. */
function fromCatalogue(): LexiconEntry[] {
  const ruled = new Set(ENTITY_PATTERNS.flatMap((e) => e.phrases.map((p) => `${entityOf(e.meaning)}|${phraseKey(p)}`)));
  return catalogueEntries()
    .map((e) => ({
      ...e,
      phrases: e.phrases.filter((p) => !ruled.has(`${entityOf(e.meaning)}|${phraseKey(p)}`)),
    }))
    .filter((e) => e.phrases.length > 0);
}

/** Verbs of asking: they end a scope in both directions, and negated they open one ("no volem"). */
const ASKING_VERBS: readonly string[] = [
  'volem',
  'voldríem',
  'necessitem',
  'necessitaríem',
  'sol·licitem',
  'demanem',
  'us demanem',
  'ens cal',
  'ens caldria',
  'busquem',
  'cerquem',
  'pretenem',
  'ens interessa',
  'queremos',
  'quisiéramos',
  'querríamos',
  'necesitamos',
  'necesitaríamos',
  'solicitamos',
  'pedimos',
  'buscamos',
  'pretendemos',
  'nos interesa',
  'ens demana',
  'ens demanen',
  'nos piden',
];

export const LEXICON: readonly LexiconEntry[] = [
  ...modalityEntries(),
  ...dcocModalityEntries(),
  ...ENTITY_PATTERNS,
  ...fromCatalogue(),
  cue({ kind: 'eacat' }, ['EACAT', 'Extranet de les Administracions Catalanes'], 'entity'),

  // ── Cues: is an integration asked? ───────────────────────────────────────
  cue({ kind: 'intent', weight: 2 }, [
    'alta de servei',
    'alta del servei',
    'alta de serveis',
    'altes de serveis',
    "sol·licitud d'alta",
    "sol·licitud d'integració",
    'solicitud de integración',
    'solicitud de alta',
    "donar d'alta",
    "doneu d'alta",
    "donin d'alta",
    'dar de alta',
    'deis de alta',
    'volem integr*',
    'voldríem integr*',
    'vol integr*',
    'volen integr*',
    'volíem integr*',
    'queremos integr*',
    'quisiéramos integr*',
    'quiere integr*',
    'desitgem integr*',
    'necessitem integr*',
    'necesitamos integr*',
    "sol·licitem l'alta",
    'sol·licitem integr*',
    'sol·licitem la integració',
    'sol·licita integr*',
    'solicitamos integr*',
    'solicitamos el alta',
    'serveis web',
    'servei web',
    'servicios web',
    'servicio web',
    'web service*',
    'webservice*',
    'WS',
    'altes massives',
    'alta massiva',
    'altas masivas',
    "integració d'ajuntaments",
    'volem consultar',
    'voldríem consultar',
    'necessitem consultar',
    'necessitaríem consultar',
    'ens cal consultar',
    'poder consultar',
    'queremos consultar',
    'querríamos consultar',
    'necesitamos consultar',
    'necesitaríamos consultar',
    'poder consultar',
    'com ho podem fer',
    'cómo lo podemos hacer',
    'darnos de alta',
    "donar-nos d'alta",
  ]),
  cue({ kind: 'intent', weight: 1 }, [
    'integr*',
    'sol·licit*',
    'solicit*',
    'alta',
    'altes',
    'altas',
    'consumir',
    'autoritz*',
    'autoriz*',
    'plantilla',
    'plantilles',
    'formulari',
    'formulario',
    'CDA',
    'connectar',
    'conectar',
  ]),
  // ── Cues of another matter: the ticket asks no integration (its topic says what it asks) ──
  ...problems('incident', 2, [
    'no puc',
    'no podem',
    'no pot',
    'no poden',
    'no puedo',
    'no podemos',
    'no puede',
    'no pueden',
    'no funciona*',
    'no ens funciona*',
    'no nos funciona*',
    'no va',
    'no em deixa',
    'no ens deixa',
    'no me deja',
    'no nos deja',
    'error*',
    'incidència',
    'incidències',
    'incidencia',
    'incidencias',
    'falla*',
    'fallo*',
    'caigut',
    'caiguda',
    'problema*',
    'no rebem',
    'no rebo',
    'no arriba*',
    'no surt',
    'no recibimos',
    'no llega*',
    'no respon*',
    'no responden',
    'no contesta*',
    'deixat de funcionar',
    'dejado de funcionar',
    'ha deixat de',
    'ha dejado de',
    'dona error',
    'da error',
    'caiguda del servei',
    'caída del servicio',
    'timeout',
    'lentitud',
    'tarden',
    'tardan',
    'aturada',
    'parada',
    'pendent',
    'no apareixen',
    'no aparecen',
    'no autoritzat',
    'no autorizado',
  ]),
  ...problems('invoice', 2, ['factura*', 'coste', 'costos', 'pressupost', 'presupuesto']),
  ...problems('contact-change', 2, [
    'canvi de contacte',
    'canvi del responsable',
    'canvi de responsable',
    'canvi de persona de contacte',
    'canviar el contacte',
    'actualitzeu el contacte',
    'nou responsable',
    'nova responsable',
    'nou contacte',
    'nuevo contacto',
    "canvi d'empresa",
    'cambio de empresa',
    'nova empresa',
    'nueva empresa',
    'nou telèfon',
    'nuevo responsable',
    'nueva responsable',
    'nuevo teléfono',
    'cambio de contacto',
    'cambio de responsable',
    'actualizad el contacto',
    'en substitució',
    'en sustitución',
    'es jubila',
    'se jubila',
    "deixa l'ajuntament",
    'deja el ayuntamiento',
    'canvi de telèfon',
    'cambio de teléfono',
    'nou correu',
    'nuevo correo',
    'nova adreça de correu',
    'nueva dirección de correo',
    'canvi de correu',
    'cambio de correo',
  ]),
  ...problems('contact-change', 1, ['contacte tècnic', 'persona de contacte', 'persona de contacto']),
  ...problems('question', 1, [
    'voldríem saber',
    'quisiéramos saber',
    'ens agradaria saber',
    'nos gustaría saber',
    'ens podeu confirmar',
    'nos podéis confirmar',
    "IPs d'origen",
    'IPs de origen',
  ]),
  ...problems('certificate', 2, [
    'caducat',
    'caducado',
    'caduca',
    'caducarà',
    'caducará',
    'caducitat',
    'caducidad',
    'expira',
    'renovar el certificat',
    'renovació del certificat',
    'renovar el certificado',
    'renovación del certificado',
    'certificat revocat',
    'certificado revocado',
    'substituir el certificat',
    'sustituir el certificado',
    'canvi de certificat',
    'cambio de certificado',
    'renovació de certificat',
    'renovación de certificado',
  ]),
  ...problems('statistics', 2, [
    'estadístiques',
    'estadísticas',
    'quantes consultes',
    'cuántas consultas',
    'nombre de consultes',
    'número de consultas',
    'nombre de notificacions',
    'recompte',
    'memòria anual',
    'memoria anual',
    'consum',
    'consumo',
    'desglossat',
    'desglosado',
    'volum de consultes',
    'volumen de consultas',
    "informe d'ús",
    'informe de uso',
    'nombre de peticions',
    'número de peticiones',
    'quantes peticions',
    'cuántas peticiones',
    'quantes notificacions',
    'cuántas notificaciones',
  ]),
  ...problems('question', 2, [
    'una pregunta',
    'tinc un dubte',
    'tengo una duda',
    'com funciona',
    'cómo funciona',
    'què retorna',
    'qué devuelve',
    'quina diferència',
    'qué diferencia',
    'per entendre-ho',
    'para entenderlo',
    'no demanem res nou',
    'no pedimos nada nuevo',
    'no volem cap integració',
    'no queremos ninguna integración',
    'només volíem confirmar',
    'solo queríamos confirmar',
    'tenim un dubte',
    'tenemos una duda',
    'tenim una pregunta',
    'tenemos una pregunta',
    // Where a document is, how a request stands: a question, not a request.
    'on és',
    'on està',
    'on trobem',
    'on podem trobar',
    'on puc trobar',
    'dónde está',
    'dónde encontramos',
    'dónde podemos encontrar',
    'dónde puedo encontrar',
    'com va la sol·licitud',
    'cómo va la solicitud',
    'en quin estat',
    'en qué estado',
    'estat de la sol·licitud',
    'estado de la solicitud',
    'no en sabem res',
    'no sabemos nada',
  ]),
  ...problems('account', 2, [
    'contrasenya*',
    'contraseña*',
    'password',
    'donar de baixa',
    'baixa del servei',
    'dar de baja',
    'baja del servicio',
    // Accounts and profiles of people: "alta d'usuari" is not an integration.
    "alta d'usuari",
    "alta d'usuaris",
    "alta d'usuària",
    'alta usuari',
    "alta de l'usuari",
    'nou usuari',
    'nova usuària',
    'alta de usuario',
    // A deregistration ("que donéssiu de baixa les IPs", "dar de baja la integración"): no integration.
    'de baixa',
    'de baja',
    'baixa integració',
    'baja integración',
    'alta usuario',
    'nuevo usuario',
    'perfil de gestor*',
    'perfil de gestora',
    'canvi de perfil',
    "permisos d'usuari",
    "baixa d'usuari",
    'no puc entrar',
    'no puedo entrar',
    'no puedo acceder',
  ]),
  cue({ kind: 'toProduction' }, [
    'pas a producció',
    'pas a PRO',
    'passar a producció',
    'passar a PRO',
    // With a pronoun: "podeu passar-ho a producció", "pasarlo a producción".
    'passar-ho a producció',
    'passar-lo a producció',
    'passar-la a producció',
    'passar-ho a PRO',
    'pasarlo a producción',
    'pasarla a producción',
    'pasarlo a PRO',
    'passem a producció',
    'salt a producció',
    'salt a PRO',
    "salt a l'entorn de producció",
    'pasar a producción',
    'paso a producción',
    'pase a producción',
    'paso a PRO',
    'pasar a PRO',
    'alta a producció',
    'alta a PRO',
    'alta en producción',
    "alta a l'entorn de producció",
    'moure a producció',
    'traspàs a producció',
    'pujar a producció',
    'subir a producción',
  ]),
  cue({ kind: 'homologation' }, [
    'homologació',
    'homologación',
    "document d'homologació",
    'documento de homologación',
    'joc de proves',
    'jocs de proves',
    'juego de pruebas',
    'juegos de pruebas',
    'evidències',
    'evidencias',
    'evidències de les proves',
    'evidencias de las pruebas',
    'captures de les proves',
    'proves realitzades',
    'pruebas realizadas',
    'proves fetes',
    'pruebas hechas',
    'hem fet les proves',
    'hem realitzat les proves',
    'hemos hecho las pruebas',
    'hemos realizado las pruebas',
  ]),
  cue({ kind: 'deliver' }, [
    // Exact: with one typo "adjunt" would also be the start of "Ajuntament".
    '=adjunt*',
    'us fem arribar',
    'fem arribar',
    'us envio',
    'us enviem',
    'enviem',
    'envio',
    'trametem',
    'tramet*',
    'remetem',
    'lliurem',
    'facilitem',
    'aportem',
    'enviamos',
    'remitimos',
    'hacemos llegar',
    'os envío',
    'os enviamos',
    'annex*',
    'anex*',
  ]),
  cue(
    { kind: 'otherRegions' },
    [
      'altra comunitat autònoma',
      'altres comunitats autònomes',
      'altres comunitats',
      'altres CCAA',
      'resta de CCAA',
      "resta de l'Estat",
      'otra comunidad autónoma',
      'otras comunidades autónomas',
      'otras comunidades',
      'otras CCAA',
      'resto de CCAA',
      'resto del Estado',
      // An entity-layer cue: scopes cover it ("el de les altres comunitats el demanarem més endavant").
    ],
    'entity',
  ),
  cue({ kind: 'catalonia' }, ['Catalunya', 'Cataluña', 'ICASS']),
  cue({ kind: 'setdiba' }, ['SetDIBA', 'Set DIBA']),
  cue({ kind: 'diputacio' }, ['Diputació de Barcelona', 'Diputación de Barcelona', 'DIBA']),
  cue(
    { kind: 'severalEns' },
    [
      'ajuntaments',
      'ayuntamientos',
      'municipis',
      'municipios',
      'ens locals',
      'entes locales',
      'plantilla',
      'plantilles',
      'annex*',
      'anex*',
    ],
    'scope',
  ),
  cue(
    { kind: 'mass' },
    // Bulk registrations (Audifilm's Excel): "altes massives", not the adjective alone — a bulk
    // modality (TFN_DADESCOMPLETES_MASSIU) or "consultes massives" asks for one ens's integration.
    ['altes massives', 'alta massiva', 'altas masivas', 'alta masiva', 'Audifilm', 'càrrega massiva', 'carga masiva'],
    'scope',
  ),
  cue(
    { kind: 'coetc' },
    [
      'COETC',
      "Col·legi d'Enginyers Tècnics de Telecomunicació",
      "Col·legi Oficial d'Enginyers Tècnics de Telecomunicació",
      'Colegio de Ingenieros Técnicos de Telecomunicación',
      'Enginyers Tècnics de Telecomunicació',
    ],
    'scope',
  ),

  // ── Scopes (NegEx / ConText): what a service or product mention is said to be ─────────
  // A trigger opens a scope over the mentions after it (forward), before it (backward) or both,
  // up to a terminator or the end of the sentence. Mentions in a scope are named, not asked.
  // "Already" with any verb ("les denúncies ja les enviem", "ya la tenemos", "ja té"): what it
  // says of a service is its past or present, not what is asked now. Forward only over the next
  // few words ("ja les enviem per Via Oberta"), so a long sentence after it keeps its own asks.
  ...scope('historical', 'both', ['ja', 'ya'], 4),
  ...scope('historical', 'both', [
    // The desk's past ("el Cadastre que ens vau autoritzar"), what the ens asked before.
    'vau',
    'ens vau autoritzar',
    'nos autorizasteis',
    'nos disteis de alta',
    'nos dijisteis',
    'nos indicasteis',
    'nos comentasteis',
    'vam demanar',
    'vam sol·licitar',
    'ja tenim',
    'ja tenim integr*',
    'ja estem integrat*',
    "ja estem donats d'alta",
    'ja estem',
    'ja disposem',
    'ja utilitzem',
    'ja consultem',
    'ja consulten',
    'ja publiquem',
    'ja treballem',
    'ja vam demanar',
    'ya tenemos',
    'ya tenemos integrad*',
    'ya estamos integrad*',
    'ya estamos',
    'ya disponemos',
    'ya utilizamos',
    'ya consultamos',
    'ya consultan',
    'ya publicamos',
    'ya trabajamos',
    'ya pedimos',
    'ja ens vau activar',
    'ya nos activasteis',
    'ja fem servir',
    'ya usamos',
    'ya utilizamos',
    'ja teníem',
    'ya teníamos',
  ]),
  ...scope('historical', 'forward', [
    'actualment ja',
    'actualmente ya',
    'actualment consumim',
    'actualment utilitzem',
    'actualmente consumimos',
    'actualmente utilizamos',
    'tenim integrat*',
    'tenemos integrad*',
    'tenim en marxa',
    'tenim en producció',
    'tenim a producció',
    'tenemos en marcha',
    'tenemos en producción',
    'igual que vam fer amb',
    'com vam fer amb',
    'igual que hicimos con',
    'como hicimos con',
    'igual que amb',
    'igual que con',
    'com ja tenim',
    'como ya tenemos',
    'com ja vam fer amb',
    'como ya hicimos con',
    'tal com vam fer amb',
    'tal como hicimos con',
    'fem servir des de',
    'usamos desde',
    'reutilitz*',
    'reutiliz*',
    'us vam demanar',
    'os pedimos',
  ]),
  ...scope('historical', 'backward', [
    'en marxa',
    'en marcha',
    'vau activar',
    'activasteis',
    'ja funciona',
    'ya funciona',
    'ja ens funciona',
    'ya nos funciona',
    'funciona correctament',
    'funciona correctamente',
    'funciona bé',
    'funciona bien',
    'en funcionament',
    'en funcionamiento',
    'ja integrat*',
    'ya integrad*',
  ]),
  // What the ens does or did, not what it asks: a present of use ("fa anys que consultem la
  // TGSS", "consultamos la AEAT por Vía Oberta"), a past of integrating ("la vam fer l'any passat",
  // "como hicimos con"), a time in the past ("des del 2021", "hace años", "el año pasado"). Forward
  // over the next few words, backward over the window; an asking verb ("ara volem") ends it.
  ...scope(
    'historical',
    'both',
    [
      'consultem',
      'consultava',
      'consultàvem',
      'consultaven',
      'utilitzava',
      'utilitzàvem',
      'feia servir',
      'consultaba',
      'consultábamos',
      'consultaban',
      'utilizaba',
      'usaba',
      'ens manté',
      'ens mantenen',
      'nos mantiene',
      'nos mantienen',
      'deixat de fer servir',
      "deixat d'utilitzar",
      'dejado de usar',
      'dejado de utilizar',
      'utilitzem',
      'consumim',
      'fem servir',
      'usem',
      'consultamos',
      'utilizamos',
      'usamos',
      'consumimos',
      'vam fer',
      'vam integrar',
      'vam connectar',
      "vam donar d'alta",
      'vam activar',
      'vam implantar',
      'vam començar',
      'ens van donar',
      'ens van activar',
      'ens van integrar',
      'hicimos',
      'dimos de alta',
      'nos dieron de alta',
      'nos activaron',
      'nos integraron',
      'pusimos en marcha',
      'fa anys',
      'fa temps',
      'fa mesos',
      'hace años',
      'hace tiempo',
      'hace meses',
      "l'any passat",
      'el año pasado',
      'en su día',
      'en el seu dia',
      'en el seu moment',
    ],
    4,
  ),
  {
    layer: 'scope',
    meaning: { kind: 'scope', scope: 'historical', direction: 'both', window: 4 },
    phrases: ['des de', 'des del', 'desde', "des de l'any", 'desde el año', "des de l'exercici"],
    beforeNumber: true,
  },
  // "Tenemos VALId integrado desde el año pasado", "tenim el Cadastre funcionant": a verb of having,
  // the service, then its state.
  cue({ kind: 'having' }, ['tenim', 'tenemos', 'disposem', 'disponemos', 'tiene', 'tenen', 'tienen'], 'scope'),
  stateAfterHaving([
    'integrat',
    'integrada',
    'integrats',
    'integrades',
    'integrado',
    'integrados',
    'integradas',
    'activat',
    'activada',
    'activats',
    'activades',
    'activado',
    'activados',
    'activadas',
    'funcionant',
    'funcionando',
    'implantat',
    'implantada',
    'implantado',
    'operatiu',
    'operativa',
    'operativo',
    'desplegat',
    'desplegado',
    'configurat',
    'configurada',
    'configurado',
    'connectat',
    'conectado',
    "donat d'alta",
    "donada d'alta",
    "donats d'alta",
    'dado de alta',
    'dada de alta',
    'dados de alta',
    'en producció',
    'en producción',
    'a producció',
    'des de fa',
    'desde hace',
  ]),
  ...scope('negated', 'both', [
    'no volem',
    'no voldríem',
    'no necessitem',
    'no ens cal',
    'no cal',
    'no ens fa falta',
    'no fa falta',
    'no és necessari',
    'no demanem',
    'no sol·licitem',
    'no queremos',
    'no necesitamos',
    'no hace falta',
    'no ens interessa',
    'no nos interesa',
    'ja no',
    'ya no',
    'no caldrà',
    'no hará falta',
    'no serà necessari',
    'no será necesario',
    'per ara no',
    'por ahora no',
    'no nos hace falta',
    'no es necesario',
    'no solicitamos',
    'no pedimos',
    // "La consulta al SEPE de moment no": not now (the ticket does not ask it).
    'de moment no',
    'de momento no',
    'por el momento no',
  ]),
  ...scope('negated', 'forward', [
    'sense',
    'sin',
    'excepte',
    'llevat de',
    'excepto',
    'salvo',
    'prescindim',
    'prescindimos',
    'no confondre amb',
    'no confundir con',
    'no és',
    'no es',
    'ni',
  ]),
  {
    layer: 'scope',
    meaning: { kind: 'scope', scope: 'negated', direction: 'forward', window: 3 },
    phrases: ['no'],
    beforeArticleOf: true,
  },
  ...scope('hypothetical', 'both', [
    'més endavant',
    'más adelante',
    'en un futur',
    'en el futur',
    'en un futuro',
    'en el futuro',
    "l'any vinent",
    'el año que viene',
    'ho valorarem',
    'esperarem',
    'esperaremos',
    'lo valoraremos',
    'demanarem',
    'pediremos',
    'sol·licitarem',
    'solicitaremos',
    // Weighing it, not asking it yet ("estem valorant integrar el Registre Civil").
    'estem valorant',
    'estamos valorando',
    'estem estudiant',
    'estamos estudiando',
    'el deixem per',
    'lo dejamos para',
  ]),
  ...scope('hypothetical', 'forward', [
    'potser',
    'quizás',
    'tal vez',
    'si cal',
    'si fos necessari',
    'si fuera necesario',
    'en una segona fase',
    'en una segunda fase',
    'en una fase posterior',
    'si escau',
    'en cas que',
    'en caso de que',
    'quan calgui',
    'cuando haga falta',
  ]),
  // An office or department of the ens whose name shares a product's words: the mention right
  // after it (within three words) names the office, not a product.
  ...scope(
    'other-subject',
    'forward',
    [
      'oficina',
      'àrea',
      'departament',
      'departamento',
      'regidoria',
      'concejalía',
      'secció',
      'sección',
      'unitat',
      'unidad',
      'negociat',
      'negociado',
      'jutjat',
      'juzgado',
      '~Servei',
      '~Servicio',
    ],
    3,
  ),
  ...scope('other-subject', 'forward', ['des de', 'desde'], 1),
  // The ens's software named after what it manages ("l'aplicació de gestió del padró", "el programa
  // de padrón"): the application, not the product. Only with "de": "l'aplicació amb l'AEAT" asks.
  {
    layer: 'scope',
    meaning: { kind: 'scope', scope: 'other-subject', direction: 'forward', window: 2 },
    phrases: ['aplicació', 'aplicación', 'aplicatiu', 'aplicativo', 'programa', 'software', 'mòdul', 'módulo'],
    beforeOf: true,
  },
  // The ens's own procedures a request serves ("per als tràmits d'empadronament necessitem ...",
  // "para los expedientes de padrón"): their purpose, not what is asked. One word, through "de".
  {
    layer: 'scope',
    meaning: { kind: 'scope', scope: 'other-subject', direction: 'forward', window: 1 },
    phrases: ['tràmits', 'trámites', 'expedients', 'expedientes'],
    beforeOf: true,
  },
  // What another service carries ("les notificacions de les baixes del padró"): its content.
  ...scope(
    'other-subject',
    'forward',
    ['notificacions', 'notificaciones', 'edictes', 'edictos', "baixes d'ofici", 'bajas de oficio'],
    3,
  ),
  // Asked, or to be asked, in another ticket ("pel MUX us obrirem un altre tiquet").
  ...scope('elsewhere', 'both', [
    'un altre tiquet',
    'un altre ticket',
    'altre tiquet',
    'otro ticket',
    'otro tique',
    'otra petición',
    'una altra petició',
    'obrirem',
    'abriremos',
    // The request already opened as its own ticket ("ja hem obert el tiquet per EACAT").
    'hem obert el tiquet',
    'hem obert un tiquet',
    'hem obert un nou tiquet',
    'hemos abierto el ticket',
    'hemos abierto un ticket',
    'hemos abierto un nuevo ticket',
  ]),
  ...scope('only', 'forward', [
    'únicament',
    'únicamente',
    'només',
    'solament',
    'tan sols',
    'solo',
    'sólo',
    'exclusivament',
    'exclusivamente',
  ]),
  terminator('contrast', [
    // "ja que" / "ya que" is "since", not "already".
    'ja que',
    'ya que',
    'però',
    'pero',
    'ara',
    'ahora',
    'també',
    'también',
    'en canvi',
    'en cambio',
    'sinó',
    'sino',
    'mentre que',
    'mientras que',
    'perquè',
    'porque',
    'per tant',
    'por tanto',
  ]),
  terminator('ask', ASKING_VERBS),
  // An asking verb negated ("no volem", "no buscamos", "tampoc necessitem"): what it names is not asked.
  ...scope(
    'negated',
    'both',
    ASKING_VERBS.flatMap((v) => [`no ${v}`, `tampoc ${v}`, `tampoco ${v}`]),
  ),
];
