/**
 * A stand-in for MINHAP's `Plantilla-Procedimientos-Administrativos.xlsx`, for the local run and
 * the tests (the real template is the desk's, configured with MINHAP_TEMPLATE_PATH): an
 * instructions sheet first, then `Autorizacion_Procedimientos` with the columns the manual names
 * and a first line of values to copy, drop-downs for Cedente and Servicio from a hidden list
 * sheet, and one inline drop-down (Entorno) — the kinds of list the real template uses.
 */
import XlsxPopulate from 'xlsx-populate';
import { MODALITIES, needsMinhap } from '../../domain/catalogue';
import { MINHAP_SHEET } from '../../domain/documents/minhap';
import { MINHAP_CEDENTES } from '../../domain/documents/minhap-cedentes';

export const SYNTHETIC_HEADERS = [
  'Organismo Solicitante',
  'NIF',
  'DIR3',
  'Código de Procedimiento',
  'Denominación del Procedimiento',
  'Cedente',
  'Servicio',
  'Finalidad',
  'Norma legal',
  'Entorno',
] as const;

/** The first line: the ens's six cells blank, the rest to be copied to every row. */
export const SYNTHETIC_FIRST_LINE: readonly (string | undefined)[] = [
  undefined,
  undefined,
  undefined,
  undefined,
  'Pruebas de integración con la Plataforma de Integración y Colaboración Administrativa (Vía Oberta)',
  undefined,
  undefined,
  'Pruebas',
  'Ley 39/2015, de 1 de octubre, artículo 28',
  'Preproducción',
];

const LAST_ROW = 200;

/** Every attribute given: xlsx-populate writes the ones left out as the text "undefined". */
const list = (formula1: string) => ({
  type: 'list',
  allowBlank: true,
  showInputMessage: false,
  prompt: '',
  promptTitle: '',
  showErrorMessage: true,
  error: 'Elija un valor de la lista.',
  errorTitle: 'Valor no válido',
  operator: 'between',
  formula1,
  formula2: '',
});

export async function syntheticMinhapTemplate(): Promise<Uint8Array> {
  const workbook = await XlsxPopulate.fromBlankAsync();
  const intro = workbook.sheet(0);
  if (intro === undefined) throw new Error('a blank workbook has a sheet');
  intro.name('Instrucciones');
  intro.cell('A1').value('Plantilla de procedimientos administrativos (sintética, para pruebas)');
  intro
    .cell('A2')
    .value('Rellene la hoja Autorizacion_Procedimientos: una fila por servicio; Cedente y Servicio, del desplegable.');

  const sheet = workbook.addSheet(MINHAP_SHEET, 1);
  SYNTHETIC_HEADERS.forEach((header, i) => {
    sheet
      .cell(1, i + 1)
      .value(header)
      .style({ bold: true, fill: 'D9E1F2', border: true, wrapText: true });
    sheet.column(i + 1).width(i === 4 ? 60 : 28);
  });
  SYNTHETIC_FIRST_LINE.forEach((value, i) => {
    const cell = sheet.cell(2, i + 1);
    if (value !== undefined) cell.value(value);
    cell.style({ border: true, fontColor: '1F3864' });
  });

  const lists = workbook.addSheet('Listas');
  const cedentes = [...new Set(Object.values(MINHAP_CEDENTES))].sort((a, b) => a.localeCompare(b, 'es'));
  const servicios = [
    ...new Set(MODALITIES.filter((m) => needsMinhap(m.product)).map((m) => m.modality.description.es)),
  ];
  cedentes.forEach((c, i) => lists.cell(i + 1, 1).value(c));
  servicios.forEach((s, i) => lists.cell(i + 1, 2).value(s));
  lists.hidden(true);
  sheet.dataValidation(`F2:F${String(LAST_ROW)}`, list(`Listas!$A$1:$A$${String(cedentes.length)}`));
  sheet.dataValidation(`G2:G${String(LAST_ROW)}`, list(`Listas!$B$1:$B$${String(servicios.length)}`));
  sheet.dataValidation(`J2:J${String(LAST_ROW)}`, list('"Preproducción,Producción"'));
  return new Uint8Array(await workbook.outputAsync());
}
