import { normalisedLine, normaliseWords } from './normalize';

/**
 * Splits a ticket's description into what the ens wrote now ("own"), its signature, and older
 * text carried along: quoted replies and the desk's own templates pasted back. Only the own text
 * decides the classification; a quoted AOC message (which names services, environments and
 * homologation) must never decide it. Forwarded mail is different: the forwarded message *is*
 * the request, so its body counts as own text and only its header lines are set aside.
 */
export type Zone = 'own' | 'signature' | 'quoted';

export interface Passage {
  readonly zone: Zone;
  readonly text: string;
}

/** Opening sentences of the desk's own messages (the seeds' "missatges tipus"). */
const TEMPLATE_OPENINGS: readonly string[] = [
  "Us escrivim en relació a l'alta del servei",
  'podreu trobar tota la documentació específica per integrar',
  'Ens complau informar-vos que ja us hem donat permisos',
  "Per tal de fer el salt de l'entorn de Proves a l'entorn de Producció",
  'Ens complau confirmar-vos que hem procedit a configurar',
  'Hem realitzat les configuracions necessàries perquè pugueu',
  "Informar-los que per poder realitzar la integració del servei, han d'obrir un nou tiquet",
  "Hem rebut correctament la vostra sol·licitud d'alta",
  "S'ha donat d'alta a producció",
  'Ens posem en contacte amb vosaltres des del Consorci AOC',
  "Ens posem en contacte amb vosaltres per informar-vos d'alguns aspectes",
  'Respecte a la vostra integració amb el COETC',
  "Informar-vos que per poder realitzar el procediment d'integració al servei de l'AEAT",
  'Solicitamos que se autorice a la entidad',
  "El Consorci AOC, amb l'objectiu de facilitar el desenvolupament de les integracions",
  'Donarem aquest tiquet per tancat',
  "Restem a l'espera que ens envieu el document",
  'Un cop enviat aquest missatge',
].map((s) => ` ${normaliseWords(s).join(' ')} `);

/** Lines that close a message; what follows is a signature. */
const CLOSINGS: ReadonlySet<string> = new Set(
  [
    'Atentament',
    'Cordialment',
    'Salutacions',
    'Salutacions cordials',
    'Cordials salutacions',
    'Moltes gràcies',
    'Gràcies',
    'Gràcies per endavant',
    'Moltes gràcies per endavant',
    'Salut',
    'Una salutació',
    'Ben cordialment',
    'Atentamente',
    'Cordialmente',
    'Saludos',
    'Un saludo',
    'Saludos cordiales',
    'Muchas gracias',
    'Gracias',
    'Gracias de antemano',
    'Best regards',
    'Regards',
    'Kind regards',
    'Thanks',
    'Merci',
    'Mercès',
    'Moltes mercès',
  ].map((s) => normaliseWords(s).join(' ')),
);

const HEADER_LABELS: readonly string[] = [
  'de',
  'from',
  'enviat',
  'enviado',
  'enviado el',
  'sent',
  'data',
  'date',
  'fecha',
  'per a',
  'para',
  'to',
  'a',
  'cc',
  'cco',
  'assumpte',
  'asunto',
  'subject',
  'tema',
];

/** "De: X" style mail header line; returns the label in normalised form or undefined. */
function headerLabel(line: string): string | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > 14) return undefined;
  const label = normalisedLine(line.slice(0, colon));
  return HEADER_LABELS.includes(label) ? label : undefined;
}

function isReplyMarker(line: string, words: string): boolean {
  if (
    line.startsWith('-----') &&
    (words.includes('original') || words.includes('mensaje') || words.includes('missatge'))
  ) {
    return true;
  }
  return (
    line.endsWith('va escriure:') ||
    line.endsWith('ha escrit:') ||
    line.endsWith('escribió:') ||
    line.endsWith('escribio:') ||
    line.endsWith('wrote:')
  );
}

function isForwardMarker(words: string): boolean {
  return (
    words.includes('forwarded message') ||
    words.includes('missatge reenviat') ||
    words.includes('mensaje reenviado') ||
    words.includes('begin forwarded message') ||
    words.includes('inici del missatge reenviat')
  );
}

/**
 * What a colleague writes on top of a mail forwarded to the desk ("ho podeu tramitar?"): then the
 * message below, although introduced as a reply, is the request.
 */
const FORWARD_ASKS: readonly string[] = [
  'ho podeu tramitar',
  'ho podríeu tramitar',
  'lo podéis tramitar',
  'lo podríais tramitar',
  'podeu tramitar',
  'podéis tramitar',
  'ho podeu gestionar',
  'lo podéis gestionar',
  'us reenvio',
  'os reenvío',
  'us reenviem',
  'os reenviamos',
  'reenvio la petició',
  'us passo',
  'us passem',
  'os paso',
  'os pasamos',
  'us trasllado',
  'os traslado',
  'reenvío la petición',
  'per a la vostra tramitació',
  'para su tramitación',
  'per tramitar',
  'para tramitar',
].map((s) => ` ${normaliseWords(s).join(' ')} `);

/** The forwarding note is short: a few lines at most above the forwarded message. */
const MAX_FORWARD_NOTE_LINES = 3;

/** A header or reply line that names the Consorci AOC: its quoted message is never the request. */
function namesAoc(line: string): boolean {
  // "Suport AOC", an aoc.cat address, "Consorci AOC": the word AOC, as the desk signs.
  return /(^|[^a-z0-9])aoc([^a-z0-9]|$)/i.test(line);
}

/** "RE:", "Re:", "AW:", "RV:" (respuesta / reenviado), "Fwd:": the subject of an earlier message. */
export function isReplySubject(subject: string): boolean {
  const head = normaliseWords(subject.slice(0, 12))[0];
  return head === 're' || head === 'rv' || head === 'aw' || head === 'fw' || head === 'fwd' || head === 'tr';
}

/** Subjects such as "FW:", "Fwd:", "RV:" (reenviado), "TR:" (transfert), "Reenviat:". */
export function isForwardSubject(subject: string): boolean {
  const words = normaliseWords(subject.slice(0, 40));
  return words.some(
    (w) => w === 'fw' || w === 'fwd' || w === 'rv' || w === 'tr' || w === 'reenviat' || w === 'reenviado',
  );
}

function isDisclaimer(words: string): boolean {
  return (
    words.startsWith('aquest missatge') ||
    words.startsWith('aquest correu') ||
    words.startsWith('este mensaje') ||
    words.startsWith('este correo') ||
    words.startsWith('avis legal') ||
    words.startsWith('aviso legal') ||
    words.startsWith('abans d imprimir') ||
    words.startsWith('antes de imprimir')
  );
}

/** The shortest opening: a shorter line holds none. */
const MIN_OPENING_LENGTH = Math.min(...TEMPLATE_OPENINGS.map((t) => t.length));

export function isTemplateLine(words: string): boolean {
  if (words.length + 2 < MIN_OPENING_LENGTH) return false;
  const padded = ` ${words} `;
  return TEMPLATE_OPENINGS.some((t) => padded.includes(t));
}

/**
 * Splits the description. `forwarded` tells that the ticket's subject marks a forward, in which
 * case a mail header block introduces the request rather than an older reply.
 */
export function segmentDescription(description: string, forwarded: boolean): Passage[] {
  const passages: Passage[] = [];
  let zone: Zone = 'own';
  let buffer: string[] = [];
  let bufferZone: Zone = 'own';
  let ownContentSeen = false;
  let inForward = forwarded;
  /** The own lines written so far, while they may still be a forwarding note. */
  let noteLines = 0;
  let note = ' ';
  const forwardingNote = (): boolean =>
    !inForward &&
    zone !== 'quoted' &&
    noteLines > 0 &&
    noteLines <= MAX_FORWARD_NOTE_LINES &&
    FORWARD_ASKS.some((a) => note.includes(a));

  const push = (z: Zone, line: string): void => {
    if (z !== bufferZone && buffer.length > 0) {
      passages.push({ zone: bufferZone, text: buffer.join('\n') });
      buffer = [];
    }
    bufferZone = z;
    buffer.push(line);
  };

  for (const rawLine of description.split('\n')) {
    const line = rawLine.trim();
    if (line.length === 0) {
      push(zone, rawLine);
      continue;
    }
    if (line.startsWith('>')) {
      push('quoted', rawLine);
      continue;
    }
    const words = normalisedLine(line);
    if (isForwardMarker(words)) {
      inForward = true;
      zone = 'own';
      push('signature', rawLine);
      continue;
    }
    const label = headerLabel(line);
    const opensMessage = isReplyMarker(line, words) || label === 'de' || label === 'from';
    if (opensMessage && forwardingNote() && !namesAoc(line)) {
      inForward = true;
      zone = 'own';
      push('signature', rawLine);
      continue;
    }
    if (inForward && (label === 'de' || label === 'from') && namesAoc(line)) {
      // A message of the desk's own, further down a forwarded thread: quoted, not the request.
      inForward = false;
      zone = 'quoted';
      push(zone, rawLine);
      continue;
    }
    if (isReplyMarker(line, words) && !inForward) {
      zone = 'quoted';
      push(zone, rawLine);
      continue;
    }
    if (label !== undefined && (inForward || zone === 'quoted' || label === 'de' || label === 'from')) {
      if (inForward) {
        // The forwarded message's subject is part of the request; other header lines only
        // identify people and organisations.
        if (label === 'assumpte' || label === 'asunto' || label === 'subject' || label === 'tema') {
          push('own', rawLine.slice(rawLine.indexOf(':') + 1));
          ownContentSeen = true;
        } else {
          push('signature', rawLine);
        }
        zone = 'own';
        continue;
      }
      // An Outlook-style header block of an earlier message: everything below it is quoted.
      zone = 'quoted';
      push(zone, rawLine);
      continue;
    }
    if (zone !== 'quoted' && isTemplateLine(words)) {
      zone = 'quoted';
      push(zone, rawLine);
      continue;
    }
    if (zone === 'own') {
      if (line === '--' || line === '-- ' || (ownContentSeen && CLOSINGS.has(words)) || isDisclaimer(words)) {
        zone = 'signature';
        push(zone, rawLine);
        continue;
      }
      ownContentSeen = true;
      noteLines++;
      note += `${words} `;
    } else if (zone === 'signature' && isDisclaimer(words)) {
      push(zone, rawLine);
      continue;
    }
    push(zone, rawLine);
  }
  if (buffer.length > 0) passages.push({ zone: bufferZone, text: buffer.join('\n') });
  return passages;
}
