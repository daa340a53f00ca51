import type { TicketInput } from '../domain/classifier';

/**
 * Local-run samples whose attachment is a list of ens in Excel (SetDIBA's template): the local
 * Zendesk stand-in serves the workbook (`server/sample-workbooks.ts` builds it from `lists`), so
 * the sidebar reads it through the proxy as it would in Zendesk. The ajuntaments are real
 * municipalities of the demo database; one code is mistyped and one body is not in SIRI, as in a
 * list typed by hand. The requester's address is an invented one.
 */
export type ListCell = string | number | null;

export interface EnsListSheet {
  readonly sheet: string;
  /** Rows from A1; `null` leaves a cell empty. */
  readonly rows: readonly (readonly ListCell[])[];
  /** Ranges merged as in the desk's templates (one service cell for every row). */
  readonly merged?: readonly string[];
}

export interface EnsListSample {
  readonly ticket: TicketInput;
  /** Attachment name → the workbook's content. */
  readonly lists: Readonly<Record<string, EnsListSheet>>;
}

export const SETDIBA_LIST_FILE = 'Plantilla_SetDIBA_MUX_eNOTUM.xlsx';

export const ENS_LIST_SAMPLES: readonly EnsListSample[] = [
  {
    ticket: {
      id: 'l01',
      subject: 'SetDIBA - Altes MUX i e-NOTUM ajuntaments',
      description:
        'Bon dia,\n\nUs adjuntem la plantilla amb els ajuntaments que cal integrar als serveis MUX i e-NOTUM. ' +
        'La data de pas a producció del MUX us la farem arribar més endavant.\n\n' +
        'Salutacions,\nSetDIBA - Diputació de Barcelona',
      requester: { name: 'SetDIBA Integracions', email: 'integracions.setdiba@example.cat' },
      organization: { name: 'Diputació de Barcelona' },
      tags: ['alta_servei'],
      attachments: [SETDIBA_LIST_FILE],
    },
    lists: {
      [SETDIBA_LIST_FILE]: {
        sheet: 'Ajuntaments',
        rows: [
          ['Plantilla SetDIBA: altes d’integració d’ajuntaments'],
          ['Núm.', 'Nom de l’ajuntament', 'Codi INE', 'Servei', 'Codi postal', 'Observacions'],
          [1, 'Ajuntament de Sallent', '08191', 'MUX, e-NOTUM', '08650', null],
          [2, 'Ajuntament de Navàs', '08141', null, '08670', null],
          [3, 'Ajuntament de Súria', '08274', null, '08260', null],
          [4, 'Ajuntament de Berga', '08022', null, '08600', null],
          [5, 'Ajuntament de Manresa', '08113', null, '08240', null],
          [6, 'Ajuntament de Vic', '08A98', null, '08500', 'codi per revisar'],
          [7, 'Consorci de Serveis Locals del Berguedà', null, null, '08600', 'sense codi'],
        ],
        merged: ['D3:D9'],
      },
    },
  },
];
