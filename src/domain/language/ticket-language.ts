/**
 * Which language a ticket is written in, Catalan or Spanish, from the words only one of the two
 * uses. A reply then defaults to the ticket's language rather than the requester's Zendesk locale
 * (which is Catalan for most accounts, whatever they write in).
 */
export type TicketLanguage = 'ca' | 'es';

// Frequent words that are not also words of the other language (no "de", "la", "que", "del", "es").
const CATALAN = new Set([
  'els',
  'les',
  'amb',
  'però',
  'per',
  'és',
  'són',
  'hem',
  'volem',
  'voldríem',
  'podeu',
  'necessitem',
  'aquest',
  'aquesta',
  'aquests',
  'aquestes',
  'dels',
  'als',
  'també',
  'què',
  'molt',
  'gràcies',
  'bon',
  'dia',
  'servei',
  'serveis',
  'ajuntament',
  'sol·licitud',
  'sol·licitem',
  'integració',
  'nostre',
  'nostra',
  'adjuntem',
  'fer',
  'tenim',
  'plau',
  'salutacions',
  'cordialment',
]);
const SPANISH = new Set([
  'los',
  'las',
  'con',
  'pero',
  'para',
  'son',
  'hemos',
  'queremos',
  'querríamos',
  'podéis',
  'pueden',
  'necesitamos',
  'este',
  'esta',
  'estos',
  'estas',
  'también',
  'qué',
  'muy',
  'gracias',
  'buenos',
  'días',
  'servicio',
  'servicios',
  'ayuntamiento',
  'solicitud',
  'solicitamos',
  'integración',
  'nuestro',
  'nuestra',
  'adjuntamos',
  'hacer',
  'tenemos',
  'saludos',
  'atentamente',
  'y',
]);

/** Needed lead of one language's words over the other's before the text is said to be in it. */
const MARGIN = 2;

export function ticketLanguage(text: string): TicketLanguage | undefined {
  let ca = 0;
  let es = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}·]+/u)) {
    if (word === '') continue;
    if (CATALAN.has(word)) ca++;
    if (SPANISH.has(word)) es++;
  }
  if (es >= ca + MARGIN) return 'es';
  if (ca >= es + MARGIN) return 'ca';
  return undefined;
}
