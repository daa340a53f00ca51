import { describe, expect, it } from 'vitest';
import { ticketLanguage } from '../../../src/domain/language/ticket-language';

describe('a ticket’s language', () => {
  it('is Spanish when the ens writes in Spanish', () => {
    expect(
      ticketLanguage(
        'Alta en Via Oberta\nBuenos días, queremos integrar los servicios de la AEAT con nuestro gestor. Adjuntamos el formulario. Saludos',
      ),
    ).toBe('es');
  });

  it('is Catalan when the ens writes in Catalan', () => {
    expect(
      ticketLanguage(
        'Alta a Via Oberta\nBon dia, volem integrar els serveis de l’AEAT amb el nostre gestor. Us adjuntem el formulari. Gràcies',
      ),
    ).toBe('ca');
  });

  it('is not said when the words do not tell it', () => {
    expect(ticketLanguage('Via Oberta PRE AEAT')).toBeUndefined();
    expect(ticketLanguage('')).toBeUndefined();
  });
});
