import type { TicketInput } from '../domain/classifier';
import { FORM_PATHS, type FormValues } from './forms/form-paths';

/**
 * Local-run samples that carry the ens's request form as a real PDF: the local Zendesk stand-in
 * (`server/zendesk-api.ts`) builds each file with the fixture builder and serves it as the
 * ticket's attachment, so the sidebar reads it through the proxy as it would in Zendesk. People
 * are the invented ones (tests/fixtures/invented-people.txt); NIFs are the fictitious 99999972C
 * and 99999974E; the integrator's CIF is a made-up one that passes the control digit.
 *
 * IP addresses: 192.88.99.0/24 is the 6to4 relay anycast prefix that RFC 7526 deprecated. It is
 * outside IANA's special-purpose blocks that the reader flags (documentation ranges such as
 * 203.0.113.0/24 are flagged), so the reader accepts it as public, and it is no ens's server.
 */
export type SampleFile =
  /** A filled (or blank) XFA request form with these values. */
  | { readonly kind: 'form'; readonly values: FormValues }
  /** A PDF without the form's data, as a scan or a copy printed to PDF is. */
  | { readonly kind: 'printed' };

export interface FormSample {
  readonly ticket: TicketInput;
  /** Attachment name → how its content is made; other attachments get a placeholder. */
  readonly files: Readonly<Record<string, SampleFile>>;
}

const FORM_FILE = 'formulari_sol-licitud_integracio_serveis_caoc.pdf';

const person = (prefix: (name: string) => string, p: Readonly<Record<string, string>>): FormValues =>
  Object.fromEntries(Object.entries(p).map(([name, value]) => [prefix(name), value]));

const signed = (day: string, month: string, year: string, city: string): FormValues => ({
  [FORM_PATHS.date('TXT_CIUTAT')]: city,
  [FORM_PATHS.date('LLISTA_DIA')]: day,
  [FORM_PATHS.date('LLISTA_MES')]: month,
  [FORM_PATHS.date('LLISTA_ANY')]: year,
});

/** Terrassa asks Via Oberta AEAT and Cadastre; an integrator company builds the application. */
const TERRASSA_VO: FormValues = {
  [FORM_PATHS.ensName]: 'Ajuntament de Terrassa',
  [FORM_PATHS.ensNif]: 'P0827900B',
  ...person(FORM_PATHS.tech, {
    TXT_NOM_TEC: 'Laia',
    TXT_COGNOMS_TEC: 'Ferrer Puig',
    TXT_NIF_TEC: '99999972C',
    TXT_CARREC: 'Tècnica de sistemes',
    TXT_TELEFON: '930000000',
    TXT_ADRECA: 'sistemes@example.cat',
  }),
  [FORM_PATHS.service('CHK_VIA_OBERTA')]: '1',
  [FORM_PATHS.age('CHK_AGENCIA')]: '1',
  [FORM_PATHS.age('CHK_CATASTRO')]: '1',
  [FORM_PATHS.app('TXT_NOM_APP')]: 'Gestor d’expedients',
  [FORM_PATHS.app('TXT_DESCRIPCIO')]: 'Consulta de dades fiscals i cadastrals per als ajuts municipals',
  [FORM_PATHS.app('TXT_TECNOLOGIA')]: 'Java 17',
  [FORM_PATHS.auth('TXT_IP_APP_PROVES')]: '192.88.99.10',
  [FORM_PATHS.auth('TXT_IP_APP_PRO')]: '192.88.99.11, 192.88.99.12',
  [FORM_PATHS.auth('TXT_CDA_PROVES')]: 'clau_publica_cda.cer',
  ...person(FORM_PATHS.integrator, {
    TXT_NOM_EMPRESA: 'Integradora Exemple SL',
    TXT_NIF: 'B00000018',
    TXT_NOM_TEC: 'Pau',
    TXT_COGNOMS_TEC: 'Serra Vidal',
    TXT_NIF_TEC: '99999974E',
    TXT_ADRECA: 'integracions@example.org',
  }),
  ...signed('12', '11', '2026', 'Terrassa'),
};

/** Vila-seca asks PSCP; the technical contact is the user who will publish. */
const VILASECA_PSCP: FormValues = {
  [FORM_PATHS.ensName]: 'Ajuntament de Vila-seca',
  [FORM_PATHS.ensNif]: 'P4317100H',
  ...person(FORM_PATHS.tech, {
    TXT_NOM_TEC: 'Pau',
    TXT_COGNOMS_TEC: 'Serra Vidal',
    TXT_NIF_TEC: '99999974E',
    TXT_CARREC: 'Responsable de contractació',
    TXT_ADRECA: 'contractacio@example.cat',
  }),
  [FORM_PATHS.service('CHK_PSCP')]: '1',
  [FORM_PATHS.app('TXT_NOM_APP')]: 'Perfil del contractant',
  [FORM_PATHS.auth('TXT_IP_APP_PROVES')]: '192.88.99.20',
  [FORM_PATHS.auth('TXT_IP_APP_PRO')]: '192.88.99.21',
  ...signed('20', '11', '2026', 'Vila-seca'),
};

/**
 * A form a reviewer flags: the ens's NIF fails its control letter, an example address (a
 * documentation range) is among the IPs, and the ticket's text asks for another product.
 */
const FLAGGED_VO: FormValues = {
  [FORM_PATHS.ensName]: 'Ajuntament de Terrassa',
  [FORM_PATHS.ensNif]: 'P0827900X',
  ...person(FORM_PATHS.tech, {
    TXT_NOM_TEC: 'Marta',
    TXT_COGNOMS_TEC: 'Soler Roca',
    TXT_NIF_TEC: '99999972C',
    TXT_ADRECA: 'informatica@example.cat',
  }),
  [FORM_PATHS.service('CHK_VIA_OBERTA')]: '1',
  [FORM_PATHS.age('CHK_AGENCIA')]: '1',
  [FORM_PATHS.age('CHK_IVTM')]: '1',
  [FORM_PATHS.auth('TXT_IP_APP_PROVES')]: '192.88.99.30; 203.0.113.40',
  ...signed('3', '11', '2026', 'Terrassa'),
};

export const FORM_SAMPLES: readonly FormSample[] = [
  {
    ticket: {
      id: 'f01',
      subject: 'Alta Via Oberta - Ajuntament de Terrassa',
      description:
        'Bon dia,\n\nUs fem arribar la sol·licitud d’integració amb Via Oberta per al nostre gestor d’expedients, ' +
        'amb el formulari signat i la clau pública del certificat.\n\nSalutacions,\nServeis informàtics',
      organization: { name: 'Ajuntament de Terrassa' },
      tags: ['alta_servei'],
      attachments: [FORM_FILE, 'clau_publica_cda.cer'],
    },
    files: { [FORM_FILE]: { kind: 'form', values: TERRASSA_VO } },
  },
  {
    ticket: {
      id: 'f02',
      subject: 'Integració amb la Plataforma de contractació',
      description:
        'Bon dia,\n\nAdjuntem la documentació signada per integrar el nostre perfil del contractant per serveis web.' +
        '\n\nGràcies,\nContractació',
      organization: { name: 'Ajuntament de Vila-seca' },
      tags: ['alta_servei'],
      // Named unlike the form: what decides is what the file holds.
      attachments: ['document_signat.pdf', 'certificat_cda.zip'],
    },
    files: { 'document_signat.pdf': { kind: 'form', values: VILASECA_PSCP } },
  },
  {
    ticket: {
      id: 'f03',
      subject: 'Alta Via Oberta Seguretat Social',
      description:
        'Bon dia,\n\nVolem donar d’alta la consulta de la TGSS per Via Oberta. Adjuntem el formulari i el certificat.' +
        '\n\nSalutacions',
      organization: { name: 'Ajuntament de Terrassa' },
      tags: ['alta_servei'],
      attachments: [FORM_FILE, 'clau_publica_cda.cer'],
    },
    files: { [FORM_FILE]: { kind: 'form', values: FLAGGED_VO } },
  },
  {
    ticket: {
      id: 'f04',
      subject: 'Sol·licitud integració Via Oberta Cadastre',
      description: 'Bon dia,\n\nUs enviem el formulari escanejat i el certificat per a l’alta del Cadastre.\n\nGràcies',
      organization: { name: 'Ajuntament de Vila-seca' },
      tags: ['alta_servei'],
      attachments: ['formulari_escanejat.pdf', 'clau_publica_cda.cer'],
    },
    files: { 'formulari_escanejat.pdf': { kind: 'printed' } },
  },
  {
    ticket: {
      id: 'f05',
      subject: 'Alta Via Oberta Padró',
      description: 'Bon dia,\n\nAdjuntem el formulari per a l’alta del Padró per Via Oberta.\n\nSalutacions',
      organization: { name: 'Ajuntament de Vila-seca' },
      tags: ['alta_servei'],
      attachments: [FORM_FILE, 'clau_publica_cda.cer'],
    },
    // The form as downloaded, nothing typed in it.
    files: { [FORM_FILE]: { kind: 'form', values: {} } },
  },
];
