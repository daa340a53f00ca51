import type { KnownServiceId } from '../catalogue/services';
import type { ProductId } from '../catalogue/products';

/**
 * The classifier's vocabulary, as data. Each entry lists phrases in Catalan and Spanish (written
 * naturally: accents, apostrophes and "l·l" are normalised away, and so are the small words in
 * STOPWORDS, so "Registre de la Propietat" also matches "registre propietat") and what they mean.
 *
 * Phrase syntax, word by word:
 *   `integr*`  a word starting with "integr" (integrar, integració, integrats...)
 *   `^SOC`     the word written in capitals only (SOC is also the Catalan "sóc", "I am")
 * Words of six letters or more also match with one typo (a letter missing, extra, changed or two
 * letters swapped), so "Cadsatre" or "tributaira" still count.
 *
 * Layers are matched independently; inside a layer the longest phrase wins, so "Agència
 * Tributària de Catalunya" is ATC and not AEAT.
 */
export type Meaning =
  | { readonly kind: 'service'; readonly service: KnownServiceId }
  /** `org` names the provider only ("DGT"); `data` names a data set ("permisos de conduir"). */
  | { readonly kind: 'product'; readonly product: ProductId; readonly level: 'org' | 'data' }
  /** EACAT: the desk's extranet; tickets sometimes say EACAT when they mean OVER. */
  | { readonly kind: 'eacat' }
  | { readonly kind: 'intent'; readonly weight: number }
  | { readonly kind: 'problem'; readonly weight: number }
  | { readonly kind: 'toProduction' }
  | { readonly kind: 'homologation' }
  | { readonly kind: 'deliver' }
  | { readonly kind: 'setdiba' }
  | { readonly kind: 'diputacio' }
  | { readonly kind: 'severalEns' }
  | { readonly kind: 'mass' }
  | { readonly kind: 'coetc' }
  | { readonly kind: 'already' }
  | { readonly kind: 'contrast' };

export type Layer = 'entity' | 'cue' | 'scope';

export interface LexiconEntry {
  readonly layer: Layer;
  readonly meaning: Meaning;
  readonly phrases: readonly string[];
  /** Not a match when a number follows ("DNI 12345678Z" is someone's ID, not the DNI service). */
  readonly notBeforeNumber?: boolean;
}

/** Small words dropped from both the text and the phrases before matching. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'de', 'del', 'dels', 'd', 'la', 'las', 'el', 'els', 'les', 'los', 'lo', 'l', 'a', 'al', 'als', 'en',
  'i', 'y', 'e', 'amb', 'con', 'per', 'para', 'por', 'pel', 'pels', 'un', 'una', 'uns', 'unes', 's', 'n',
  'the', 'of', 'to', 'nostre', 'nostra', 'nuestro', 'nuestra',
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
const cue = (meaning: Meaning, phrases: readonly string[], layer: Layer = 'cue'): LexiconEntry => ({
  layer,
  meaning,
  phrases,
});

export const LEXICON: readonly LexiconEntry[] = [
  // ── Services ──────────────────────────────────────────────────────────────
  service('PSCP', [
    'PSCP', 'PSCP2', 'eContractació', 'eContratación', 'Plataforma de Serveis de Contractació Pública',
    'Plataforma de Contractació Pública', 'Plataforma de Servicios de Contratación Pública',
    'Plataforma de Contratación Pública', 'contractació pública', 'contratación pública',
    'perfil del contractant', 'perfil de contractant', 'perfil del contratante',
  ]),
  service('ELICITA', [
    'eLICITA', '^LICITA', 'Sobre Digital', 'SobreDigital', "recuperació d'ofertes", 'recuperar les ofertes',
    'recuperar ofertes', 'recuperación de ofertas', 'recuperar las ofertas', 'recuperar ofertas',
  ]),
  service('VO', [
    'Via Oberta', 'ViaOberta', '^VO', '^PCI', 'Plataforma de Col·laboració Interadministrativa',
    'intermediació de dades', 'intermediación de datos',
  ]),
  service('MUX', ['MUX', 'Registre Unificat', 'Registro Unificado']),
  service('ENOTUM', [
    'eNOTUM', 'NOTUM', 'notificacions electròniques', 'notificació electrònica', 'notificaciones electrónicas',
    'notificación electrónica',
  ]),
  service('ETAULER', [
    'eTAULER', 'tauler electrònic', "tauler d'edictes", "tauler d'anuncis electrònic", 'tablón de edictos',
    'tablón electrónico', 'tablón de anuncios electrónico', 'edictes electrònics',
  ]),
  service('OVER', ['OVER', 'oficina virtual', 'oficina virtual de tràmits', 'oficina virtual de trámites']),
  cue({ kind: 'eacat' }, ['EACAT', 'Extranet de les Administracions Catalanes'], 'entity'),

  // ── Via Oberta products: AGE ─────────────────────────────────────────────
  org('AEAT', [
    'AEAT', 'Agència Tributària', 'Agencia Tributaria', "Agència Estatal d'Administració Tributària",
    'Agencia Estatal de Administración Tributaria', 'Hisenda', 'Hacienda',
  ]),
  data('AEAT', [
    "al corrent d'obligacions tributàries", 'obligacions tributàries', 'obligaciones tributarias',
    'nivell de renda', 'nivel de renta', 'IRPF', 'declaració de la renda', 'declaración de la renta', 'IAE',
    "impost d'activitats econòmiques", 'impuesto de actividades económicas', 'ECOT*', 'dades tributàries',
    'datos tributarios', 'certificat tributari', 'certificado tributario',
  ]),
  org('TGSS', [
    'TGSS', 'Tresoreria General de la Seguretat Social', 'Tesorería General de la Seguridad Social',
    'Seguretat Social', 'Seguridad Social', 'Seg. Social', 'Seg Social', 'Seg. Soc.',
  ]),
  data('TGSS', [
    'deutes amb la Seguretat Social', 'deudas con la Seguridad Social',
    'al corrent de pagament amb la Seguretat Social', 'al corriente de pago con la Seguridad Social',
  ]),
  data('TGSS_VIDA_LABORAL', [
    'vida laboral', 'informe de vida laboral', "números d'afiliació", "número d'afiliació",
    'números de afiliación', 'número de afiliación',
  ]),
  org('DGT', [
    'DGT', 'Direcció General de Trànsit', 'Dirección General de Tráfico', 'Tráfico', 'dades de vehicles',
    'dades dels vehicles', 'dades de vehicle', 'datos de vehículos', 'datos de vehículo',
  ]),
  data('DGT', [
    'permisos de conduir', 'permís de conduir', 'permisos de conductor', 'permiso de conducir',
    'permisos de conducir', 'sancions del conductor', 'sanciones del conductor', 'titular del vehicle',
    'titular del vehículo', 'vehicles del conductor', 'distintiu mediambiental', 'distintivo ambiental',
    'etiqueta ambiental', 'antecedents del conductor', 'carnet de conduir', 'punts del carnet',
  ]),
  data('DGT_IVTM', [
    'IVTM', 'ATEX', 'ATMV*', 'impost sobre vehicles de tracció mecànica', 'impost de vehicles de tracció mecànica',
    'impuesto sobre vehículos de tracción mecánica', 'impuesto de vehículos de tracción mecánica',
    'impost de circulació', 'impuesto de circulación',
  ]),
  org('DGP_IDENTITAT', [
    'DGP', 'Direcció General de la Policia', 'Dirección General de la Policía',
  ]),
  { ...org('DGP_IDENTITAT', ['^DNI', '^DNIe']), notBeforeNumber: true },
  data('DGP_IDENTITAT', [
    "dades d'identitat", 'datos de identidad', "verificació d'identitat", 'verificació de la identitat',
    'verificación de identidad', 'verificación de la identidad', "verificació de dades d'identitat",
    'verificación de datos de identidad', "consulta d'identitat", 'consulta de identidad', 'consulta DNI',
    'consulta del DNI', 'verificació del DNI', 'verificación del DNI', 'dades del DNI', 'datos del DNI',
    'IDENTITAT_DADES', 'IDENTITAT_VERIFICACIO', 'SVDI',
  ]),
  data('CADASTRE', [
    'Cadastre', 'Catastro', 'cadastral*', 'catastral*', 'Direcció General del Cadastre',
    'Dirección General del Catastro',
  ]),
  org('SEPE', [
    'SEPE', 'INEM', "Servei Públic d'Ocupació Estatal", 'Servicio Público de Empleo Estatal',
  ]),
  data('SEPE', [
    'atur', "situació d'atur", "prestació d'atur", "prestacions d'atur", 'desocupació', 'desempleo',
    'prestación por desempleo', 'prestaciones por desempleo', 'paro',
  ]),
  org('INSS', [
    'INSS', 'Institut Nacional de la Seguretat Social', 'Instituto Nacional de la Seguridad Social',
  ]),
  data('INSS', [
    'prestacions socials públiques', 'prestaciones sociales públicas', 'prestacions socials',
    'prestaciones sociales', 'pensions', 'pensió', 'pensiones', 'pensión',
  ]),
  data('TITOLS', [
    'títols universitaris', 'títols no universitaris', 'títol universitari', 'títulos universitarios',
    'títulos no universitarios', 'título universitario', 'títols acadèmics', 'títulos académicos',
    'titulacions', 'titulaciones', 'títols oficials', 'títulos oficiales', 'MEPSYD', 'títols', 'títulos',
  ]),
  data('REGISTRE_CIVIL', [
    'Registre Civil', 'Registro Civil', 'naixement', 'naixements', 'nacimiento', 'nacimientos', 'matrimoni',
    'matrimonio', 'defunció', 'defuncions', 'defunción', 'defunciones',
  ]),
  data('DEPENDENCIA', ['dependència', 'IMSERSO', 'grau de dependència', 'grado de dependencia']),
  data('ESTRANGERIA', ['estrangeria', 'extranjería', 'residència legal', 'residencia legal']),
  data('IGAE', [
    'IGAE', 'inhabilitacions', 'inhabilitació', 'inhabilitaciones', 'inhabilitación', 'minimis',
    'concessions de subvencions', 'concesiones de subvenciones', 'BDNS', 'Base de Dades Nacional de Subvencions',
    'Base de Datos Nacional de Subvenciones', "Intervenció General de l'Estat",
    'Intervención General del Estado',
  ]),
  data('PODERS_NOTARIALS', [
    'poders notarials', 'poder notarial', 'poderes notariales', 'apoderaments notarials',
    'apoderamientos notariales', 'notarial*', 'notariat', 'notariado',
  ]),

  // ── Via Oberta products: Generalitat ─────────────────────────────────────
  data('TFN', [
    'TFN', 'família nombrosa', 'famílies nombroses', 'família numerosa', 'familia numerosa',
    'familias numerosas', 'títol de família nombrosa', 'títols de família nombrosa', 'carnet de família nombrosa',
    'carnets de família nombrosa', 'título de familia numerosa', 'títulos de familia numerosa',
  ]),
  data('TFM', [
    'TFM', 'família monoparental', 'famílies monoparentals', 'familia monoparental', 'familias monoparentales',
    'títol de família monoparental', 'títols de família monoparental', 'carnet de família monoparental',
    'título de familia monoparental', 'títulos de familia monoparental', 'monoparental', 'monoparentals',
    'monoparentales',
  ]),
  org('SOC', [
    '^SOC', "Servei d'Ocupació de Catalunya", "Servei d'Ocupació", 'Servei Català d’Ocupació',
    'Servicio de Ocupación de Cataluña', 'Servicio de Empleo de Cataluña',
  ]),
  data('SOC', [
    "demandant d'ocupació", "demandants d'ocupació", 'demandante de empleo', 'demandantes de empleo',
    "inscripció com a demandant d'ocupació", 'SOC_CERT_INSCRIPCIO',
  ]),
  data('RCA', [
    '^RCA', 'Registre de Contractes', 'Registre públic de contractes', 'Registro de Contratos',
    'Registre de Convenis', 'Registro de Convenios',
  ]),
  data('GRAU_DISCAPACITAT', [
    'grau de discapacitat', 'discapacitat', 'discapacitats', 'grado de discapacidad', 'discapacidad',
    'certificat de discapacitat', 'disminució', 'minusvalidesa', 'minusvalía',
  ]),
  org('ATC', [
    '^ATC', 'Agència Tributària de Catalunya', 'Agencia Tributaria de Cataluña', 'Hisenda de la Generalitat',
  ]),
  data('ATC', ['deutes amb la Generalitat', 'deudas con la Generalitat', 'ATC_INF_DEUTES_TMP']),
  data('RGC', [
    '^RGC', 'Registre General de Cooperatives', 'Registre de Cooperatives', 'Registro de Cooperativas',
  ]),
  data('RPE', [
    '^RPE', 'Registre de Parelles Estables', 'parelles estables', 'parelles de fet', 'parejas estables',
    'parejas de hecho',
  ]),
  data('PADRO_HISTORIC', ['padró històric', 'padrón histórico', 'padrons històrics']),
  org('SCT', ['SCT', 'Servei Català de Trànsit', 'Servicio Catalán de Tráfico']),
  data('SCT', ['SCT_DENUNCIES', 'denúncies de trànsit', 'denuncias de tráfico']),

  // ── Via Oberta products: local ───────────────────────────────────────────
  data('PADRO', [
    'padró', 'padrón', "padró d'habitants", 'padrón de habitantes', 'padró municipal', 'padró telemàtic',
    'empadronament', 'empadronat*', 'empadronamiento', 'empadronado*', 'convivents', 'convivientes',
    'municipi de residència', 'municipio de residencia', 'COMPROVACIO_CONVIVENTS', 'NUMERO_CONVIVENTS',
  ]),

  // ── Via Oberta products: col·legis and entitats col·laboradores ──────────
  data('DCOC', [
    'DCOC', 'COAC', 'CAATEEB', 'CAATB', 'COIT', 'APATGN', 'CETIB', 'COEIC', 'COETC',
    "Col·legi d'Arquitectes", "Col·legi Oficial d'Arquitectes", "Col·legi d'Aparelladors", "Col·legi d'Enginyers",
    "Col·legi Oficial d'Enginyers", 'Col·legis professionals', 'Col·legi professional', 'Col·legis oficials',
    'Col·legi oficial', 'Colegio de Arquitectos', 'Colegio Oficial de Arquitectos', 'Colegio de Aparejadores',
    'Colegio de Ingenieros', 'Colegios profesionales', 'Colegio profesional', 'documents visats',
    'documentació visada', 'projectes visats', 'visats', 'visat', 'visados', 'documentos visados',
  ]),
  data('CORPME', [
    'CORPME', 'Registre de la Propietat', 'Registres de la Propietat', 'Registro de la Propiedad',
    'Registros de la Propiedad', 'Registre Mercantil', 'Registro Mercantil', 'nota simple', 'notes simples',
    'notas simples', 'nota de localització', 'nota de localización', 'nota mercantil', 'registradors',
    'registradores', "Col·legi de Registradors", 'Colegio de Registradores', "Registre d'Entitats",
  ]),

  // ── Cues: is an integration asked? ───────────────────────────────────────
  cue({ kind: 'intent', weight: 2 }, [
    'alta de servei', 'alta del servei', 'alta de serveis', 'altes de serveis', "sol·licitud d'alta",
    "sol·licitud d'integració", 'solicitud de integración', 'solicitud de alta', "donar d'alta", "doneu d'alta",
    "donin d'alta", 'dar de alta', 'deis de alta', 'volem integr*', 'voldríem integr*', 'vol integr*',
    'volen integr*', 'volíem integr*', 'queremos integr*', 'quisiéramos integr*', 'quiere integr*',
    'desitgem integr*', 'necessitem integr*', 'necesitamos integr*', "sol·licitem l'alta", 'sol·licitem integr*',
    'sol·licitem la integració', 'sol·licita integr*', 'solicitamos integr*', 'solicitamos el alta',
    'serveis web', 'servei web', 'servicios web', 'servicio web', 'web service*', 'webservice*', 'WS',
    'altes massives', 'alta massiva', 'altas masivas', "integració d'ajuntaments",
  ]),
  cue({ kind: 'intent', weight: 1 }, [
    'integr*', 'sol·licit*', 'solicit*', 'alta', 'altes', 'altas', 'consumir', 'autoritz*', 'autoriz*',
    'plantilla', 'plantilles', 'formulari', 'formulario', 'CDA', 'connectar', 'conectar',
  ]),
  cue({ kind: 'problem', weight: 2 }, [
    'no puc', 'no podem', 'no pot', 'no poden', 'no puedo', 'no podemos', 'no puede', 'no pueden',
    'no funciona*', 'no va', "no em deixa", "no ens deixa", 'no me deja', 'no nos deja', 'error*', 'incidència',
    'incidències', 'incidencia', 'incidencias', 'falla*', 'fallo*', 'caigut', 'caiguda', 'problema*',
    'factura*', 'canvi de contacte', 'canvi del responsable', 'canvi de responsable', 'canvi de persona de contacte',
    'canviar el contacte', 'cambio de contacto', 'cambio de responsable', 'donar de baixa', 'baixa del servei',
    'dar de baja', 'baja del servicio', 'contrasenya*', 'contraseña*', 'password', 'caducat', 'caducado',
    'renovar el certificat', 'renovació del certificat', 'renovar el certificado', 'no rebem', 'no rebo',
    'no arriba*', 'no surt', 'no recibimos', 'no llega*',
    // Accounts and profiles of people: "alta d'usuari" is not an integration.
    "alta d'usuari", "alta d'usuaris", "alta d'usuària", 'alta usuari', "alta de l'usuari", 'nou usuari', 'nova usuària',
    'alta de usuario', 'alta usuario', 'nuevo usuario', 'perfil de gestor*', 'perfil de gestora', "canvi de perfil",
    "permisos d'usuari", "baixa d'usuari",
  ]),
  cue({ kind: 'toProduction' }, [
    'pas a producció', 'pas a PRO', 'passar a producció', 'passar a PRO', 'passem a producció',
    'salt a producció', 'salt a PRO', "salt a l'entorn de producció", 'pasar a producción', 'paso a producción',
    'pase a producción', 'paso a PRO', 'pasar a PRO', 'alta a producció', 'alta a PRO', 'alta en producción',
    "alta a l'entorn de producció", 'moure a producció', 'traspàs a producció', 'pujar a producció',
    'subir a producción',
  ]),
  cue({ kind: 'homologation' }, [
    'homologació', 'homologación', "document d'homologació", 'documento de homologación', 'joc de proves',
    'jocs de proves', 'juego de pruebas', 'juegos de pruebas', 'evidències', 'evidencias',
    'evidències de les proves', 'evidencias de las pruebas', 'captures de les proves', 'proves realitzades',
    'pruebas realizadas',
  ]),
  cue({ kind: 'deliver' }, [
    'adjunt*', 'us fem arribar', 'fem arribar', 'us envio', 'us enviem', 'enviem', 'envio', 'trametem',
    'tramet*', 'remetem', 'lliurem', 'facilitem', 'aportem', 'enviamos', 'remitimos', 'hacemos llegar',
    'os envío', 'os enviamos', 'annex*', 'anex*',
  ]),
  cue({ kind: 'setdiba' }, ['SetDIBA', 'Set DIBA']),
  cue({ kind: 'diputacio' }, ['Diputació de Barcelona', 'Diputación de Barcelona', 'DIBA']),
  cue({ kind: 'severalEns' }, [
    'ajuntaments', 'ayuntamientos', 'municipis', 'municipios', 'ens locals', 'entes locales', 'plantilla',
    'plantilles', 'annex*', 'anex*',
  ], 'scope'),
  cue({ kind: 'mass' }, [
    'altes massives', 'alta massiva', 'massives', 'massiva', 'massius', 'massiu', 'altas masivas', 'alta masiva',
    'masivas', 'masiva', 'Audifilm', 'càrrega massiva',
  ], 'scope'),
  cue({ kind: 'coetc' }, [
    'COETC', "Col·legi d'Enginyers Tècnics de Telecomunicació", "Col·legi Oficial d'Enginyers Tècnics de Telecomunicació",
    'Colegio de Ingenieros Técnicos de Telecomunicación', 'Enginyers Tècnics de Telecomunicació',
  ], 'scope'),

  // ── Scope of a service mention: already integrated, or a new request ─────
  cue({ kind: 'already' }, [
    'ja estem integrat*', "ja estem donats d'alta", 'ja tenim integr*', 'ja tenim', 'ja disposem', 'ja utilitzem',
    'ja estem', 'ya estamos integrad*', 'ya estamos', 'ya tenemos', 'ya disponemos', 'ya utilizamos',
    'actualment ja', 'actualmente ya',
  ], 'scope'),
  cue({ kind: 'contrast' }, [
    'ara', 'ahora', 'però', 'pero', 'també', 'también', 'volem', 'voldríem', 'queremos', 'quisiéramos',
    'necessitem', 'necesitamos', 'sol·licitem', 'solicitamos',
  ], 'scope'),
];
