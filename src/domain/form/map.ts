import { parseNif } from '../identifiers/nif';
import { FORM_CHECKBOXES, GROUP_PATHS, VIA_OBERTA_CHECKBOX, productOf, serviceOf } from './checkboxes';
import { FormReadError } from './failure';
import { judgeIp, splitIpList } from './ip';
import type { FormData, FormPerson, FormProblem, FormTick } from './schema';
import type { KnownServiceId } from '../catalogue/services';
import type { ProductId } from '../catalogue/products';
import { child, textAt, type XmlElement } from './xml';

/**
 * Maps the datasets packet to the contract's object. Every value is found by its full path: the
 * ens's technician and the integrator's share element names (`TXT_NOM_TEC`, `TXT_NIF_TEC`...).
 */
export interface MapOptions {
  /** Today, for the "date in the future" problem (tests fix it). */
  readonly now?: Date;
}

export function mapDatasets(root: XmlElement, options: MapOptions = {}): Omit<FormData, 'file'> {
  const form1 = child(root, 'datasets', 'data', 'form1') ?? child(root, 'data', 'form1');
  const pag = child(form1, 'PAG_DADES');
  const dades = child(pag, 'SUB_DADES');
  if (form1 === undefined || dades === undefined) {
    throw new FormReadError(
      'not-a-form',
      'OTHER_FORM',
      'The PDF is an XFA form of another kind (no form1/PAG_DADES/SUB_DADES data).',
    );
  }
  const problems: FormProblem[] = [];

  const ens = {
    name: textAt(dades, 'SUB_DADES_ENS', 'TXT_NOM_ENS'),
    nif: textAt(dades, 'SUB_DADES_ENS', 'TXT_NIF_ENS'),
  };
  checkNif(ens.nif, 'ens.nif', problems);

  const technicalContact = person(child(dades, 'SUB_DADES_TECNIC'));
  checkNif(technicalContact.nif, 'technicalContact.nif', problems);
  checkEmail(technicalContact.email, 'technicalContact.email', problems);

  const { services, products, ticked } = readTicks(child(dades, 'SUB_SERVEI'), problems);

  const application = {
    name: textAt(dades, 'SUB_DADES_APP', 'TXT_NOM_APP'),
    description: textAt(dades, 'SUB_DADES_APP', 'TXT_DESCRIPCIO'),
    technology: textAt(dades, 'SUB_DADES_APP', 'TXT_TECNOLOGIA'),
    other: textAt(dades, 'SUB_DADES_APP', 'TXT_ALTRES'),
  };

  const auth = child(dades, 'SUB_AUTENTICACIO_APP');
  const ips = {
    pre: readIps(textAt(auth, 'TXT_IP_APP_PROVES'), 'ips.pre', problems),
    pro: readIps(textAt(auth, 'TXT_IP_APP_PRO'), 'ips.pro', problems),
  };
  const certificates = {
    pre: certificate(textAt(auth, 'TXT_CDA_PROVES')),
    pro: certificate(textAt(auth, 'TXT_CDA_PRO')),
  };

  const integrator = readIntegrator(child(dades, 'SUB_AUTORIZACIO'), problems);

  const dateSection = child(pag, 'SUB_DATA');
  const place = textAt(dateSection, 'TXT_CIUTAT');
  const date = readDate(dateSection, options.now ?? new Date(), problems);

  const identity = child(form1, 'SUB_IDENTIFICACIO_DADES_TRAMIT');
  const eacat = {
    code: textAt(identity, 'TXT_CODI_ENS_CATALEG'),
    cif: textAt(identity, 'TXT_CIF_ENS_CATALEG'),
    name: textAt(identity, 'TXT_NOM_ENS_CATALEG'),
  };

  const typed =
    ens.name !== null ||
    ens.nif !== null ||
    Object.values(technicalContact).some((v) => v !== null) ||
    ticked.length > 0;

  return {
    status: typed ? 'read' : 'blank',
    version: textAt(pag, 'TXT_VERSI_FORMU'),
    formId: textAt(pag, 'Id_Formulari'),
    ens,
    technicalContact,
    services,
    products,
    ticked,
    application,
    ips,
    certificates,
    integrator,
    place,
    date,
    eacat,
    // A blank form's prefilled date and placeholders are no one's mistake.
    problems: typed ? problems : [],
  };
}

function person(section: XmlElement | undefined): FormPerson {
  return {
    name: textAt(section, 'TXT_NOM_TEC'),
    surnames: textAt(section, 'TXT_COGNOMS_TEC'),
    nif: textAt(section, 'TXT_NIF_TEC'),
    position: textAt(section, 'TXT_CARREC'),
    phone: textAt(section, 'TXT_TELEFON'),
    email: textAt(section, 'TXT_ADRECA'),
  };
}

function readIntegrator(section: XmlElement | undefined, problems: FormProblem[]): FormData['integrator'] {
  const company = textAt(section, 'TXT_NOM_EMPRESA');
  const nif = textAt(section, 'TXT_NIF');
  const contact = person(section);
  const ipText = textAt(section, 'TXT_IP');
  const certificateText = certificate(textAt(section, 'TXT_CDA'));
  const empty =
    company === null &&
    nif === null &&
    Object.values(contact).every((v) => v === null) &&
    ipText === null &&
    certificateText === null;
  if (empty) return null;
  checkNif(nif, 'integrator.nif', problems);
  checkNif(contact.nif, 'integrator.contact.nif', problems);
  checkEmail(contact.email, 'integrator.contact.email', problems);
  return { company, nif, contact, ips: readIps(ipText, 'integrator.ips', problems), certificate: certificateText };
}

function readTicks(
  section: XmlElement | undefined,
  problems: FormProblem[],
): { services: KnownServiceId[]; products: ProductId[]; ticked: FormTick[] } {
  const services: KnownServiceId[] = [];
  const products: ProductId[] = [];
  const ticked: FormTick[] = [];
  let viaOberta = false;
  for (const box of FORM_CHECKBOXES) {
    const value = textAt(section, ...GROUP_PATHS[box.group], box.checkbox);
    if (value !== '1') continue;
    const service = serviceOf(box);
    const product = productOf(box);
    ticked.push({ checkbox: box.checkbox, caption: box.caption, service, product });
    if (box.checkbox === VIA_OBERTA_CHECKBOX) viaOberta = true;
    if (service !== null && !services.includes(service)) services.push(service);
    if (product !== null && !products.includes(product)) products.push(product);
  }
  const productTicks = ticked.filter(
    (t) => FORM_CHECKBOXES.find((b) => b.checkbox === t.checkbox)?.group !== 'SERVICE',
  );
  if (viaOberta && productTicks.length === 0) {
    problems.push({
      field: 'products',
      code: 'SERVICE_WITHOUT_PRODUCTS',
      reason: 'Via Oberta is ticked but no Via Oberta product is.',
    });
  }
  if (!viaOberta && productTicks.length > 0) {
    problems.push({
      field: 'services',
      code: 'PRODUCTS_WITHOUT_SERVICE',
      reason: 'Via Oberta products are ticked but the Via Oberta service is not.',
    });
  }
  return { services, products, ticked };
}

function checkNif(value: string | null, field: string, problems: FormProblem[]): void {
  if (value === null) return;
  const result = parseNif(value);
  if (!result.ok) problems.push({ field, code: 'INVALID_NIF', reason: result.message, value });
}

function checkEmail(value: string | null, field: string, problems: FormProblem[]): void {
  if (value === null) return;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    problems.push({ field, code: 'INVALID_EMAIL', reason: 'This is not an e-mail address.', value });
  }
}

function readIps(text: string | null, field: string, problems: FormProblem[]): string[] {
  if (text === null) return [];
  const tokens = splitIpList(text);
  for (const token of tokens) {
    const verdict = judgeIp(token);
    if (verdict.kind === 'malformed')
      problems.push({ field, code: 'IP_MALFORMED', reason: verdict.reason, value: token });
    if (verdict.kind === 'not-public')
      problems.push({ field, code: 'IP_NOT_PUBLIC', reason: verdict.reason, value: token });
  }
  return tokens;
}

/** The form's certificate fields hold a bracketed "[cal adjuntar el fitxer ...]" until filled. */
function certificate(text: string | null): string | null {
  if (text === null) return null;
  return /^\[[^\]]*\]$/.test(text) ? null : text;
}

const MONTHS: Readonly<Record<string, number>> = {
  gener: 1,
  enero: 1,
  febrer: 2,
  febrero: 2,
  marc: 3,
  marzo: 3,
  abril: 4,
  maig: 5,
  mayo: 5,
  juny: 6,
  junio: 6,
  juliol: 7,
  julio: 7,
  agost: 8,
  agosto: 8,
  setembre: 9,
  septiembre: 9,
  octubre: 10,
  novembre: 11,
  noviembre: 11,
  desembre: 12,
  diciembre: 12,
};

function readDate(section: XmlElement | undefined, now: Date, problems: FormProblem[]): string | null {
  const dayText = textAt(section, 'LLISTA_DIA');
  const monthText = textAt(section, 'LLISTA_MES');
  const yearText = textAt(section, 'LLISTA_ANY');
  if (dayText === null && monthText === null && yearText === null) return null;
  const day = Number(dayText);
  const monthKey = (monthText ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const month = /^\d{1,2}$/.test(monthKey) ? Number(monthKey) : (MONTHS[monthKey] ?? NaN);
  const year = Number(yearText);
  const shown = `${dayText ?? '?'}/${monthText ?? '?'}/${yearText ?? '?'}`;
  const valid =
    Number.isInteger(day) &&
    Number.isInteger(month) &&
    Number.isInteger(year) &&
    year >= 1900 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month);
  if (!valid) {
    problems.push({ field: 'date', code: 'DATE_INVALID', reason: `"${shown}" is not a date.`, value: shown });
    return null;
  }
  const iso = `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (iso > todayInCatalonia(now)) {
    problems.push({
      field: 'date',
      code: 'DATE_IN_FUTURE',
      reason: `The form is dated ${iso}, in the future.`,
      value: iso,
    });
  }
  return iso;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function todayInCatalonia(now: Date): string {
  // en-CA formats as YYYY-MM-DD; the desk and the ens are in Europe/Madrid.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(now);
}
