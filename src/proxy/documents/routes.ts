/**
 * The documents' operations. `POST /v1/documents/minhap`: the MINHAP Excel, filled from the
 * desk's current template (MINHAP_TEMPLATE_PATH, read on each request so that a new template
 * needs no restart), with the DIR3 from DIR3_2_INE10_UO when the agent gives none. A missing or
 * wrong value is answered as a refusal naming it (200, `status: 'refused'`), never as a file.
 */
import { readFile } from 'node:fs/promises';
import { MINHAP_FILE_NAME, type MinhapProblem } from '../../domain/documents/minhap';
import { parseIne10 } from '../../domain/identifiers';
import { dcocLineChanges } from '../../domain/documents/dcoc-line';
import {
  attachMinhapExcel,
  buildMinhapExcel,
  type AttachMinhapResponse,
  type MinhapExcelBody,
  buildTrackingRows,
  dcocLines,
  XLSX_CONTENT_TYPE,
  type Authorisation,
  type MinhapExcelResponse,
} from '../../shared/api';
import { trackingFileName, trackingTable, type TrackedAuthorisation } from '../../domain/documents/tracking';
import { parseCif } from '../../domain/identifiers';
import { checkAuthorisations } from '../checks/authorisations';
import { DCOC_SOURCE } from '../checks/dcoc';
import { DatabaseUnavailableError } from '../db/errors';
import { checkDir3 } from '../checks/dir3';
import type { AocSources } from '../checks/schemas';
import type { MinhapTemplateSource, ZendeskApiSettings } from '../config';
import { zendeskHttpError } from '../form/routes';
import { ZendeskAttachments, ZendeskCallError } from '../form/zendesk-client';
import { HttpError } from '../http/errors';
import { implement, ok, type RouteDefinition } from '../http/route';
import type { Agent } from '../store/agent';
import type { AuditWriter } from '../store/audit';
import { TemplateError } from './template-error';

export interface DocumentDependencies {
  readonly sources: AocSources;
  readonly minhapTemplate: MinhapTemplateSource | null;
  /** The DCOC module's dcoc.properties, as the DCOC check reads it. */
  readonly dcocFile: string;
  /** The proxy's Zendesk API credentials (the request form's): without them nothing is attached. */
  readonly zendesk?: ZendeskApiSettings | null;
}

/** A template larger than this is not MINHAP's (theirs is some tens of KB). */
const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

type MinhapBuilt = Extract<MinhapExcelResponse, { status: 'built' }>;
type MinhapRefused = Extract<MinhapExcelResponse, { status: 'refused' }>;
type MinhapFill =
  | { readonly refused: MinhapRefused; readonly built?: undefined; readonly bytes?: undefined }
  | { readonly refused?: undefined; readonly built: MinhapBuilt; readonly bytes: Uint8Array };

export function documentRoutes(deps: DocumentDependencies, audit: AuditWriter): RouteDefinition[] {
  const zendesk = deps.zendesk === null || deps.zendesk === undefined ? null : new ZendeskAttachments(deps.zendesk);
  // The spreadsheet library (about 17 MB resident) loads on the first workbook built, not at start.
  let synthetic: Promise<Uint8Array> | undefined;
  const template = async (): Promise<Uint8Array> => {
    const source = deps.minhapTemplate;
    if (source === null) {
      throw new HttpError(503, {
        error: 'NOT_CONFIGURED',
        message: 'The proxy has no MINHAP template (MINHAP_TEMPLATE_PATH); fill the Excel by hand.',
      });
    }
    if (source.kind === 'synthetic') {
      synthetic ??= import('./synthetic-template').then((m) => m.syntheticMinhapTemplate());
      return synthetic;
    }
    try {
      const bytes = await readFile(source.path);
      if (bytes.length > MAX_TEMPLATE_BYTES) throw new TemplateError('The MINHAP template file is larger than 5 MB.');
      return new Uint8Array(bytes);
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      throw new TemplateError(`The MINHAP template (MINHAP_TEMPLATE_PATH) cannot be read.`);
    }
  };

  /** Fills the template for the body, or the refusal naming every wrong value; audited as `action`. */
  const fillMinhap = async (body: MinhapExcelBody, agent: Agent, action: string): Promise<MinhapFill> => {
    let dir3 = body.dir3?.trim() === '' ? undefined : body.dir3;
    let dir3Info: { source: 'request' | 'table' | 'derived'; note: string | null } = {
      source: 'request',
      note: null,
    };
    let dir3Problem: string | undefined;
    const ine10 = parseIne10(body.ine10 ?? '');
    if (dir3 === undefined && ine10.ok) {
      const found = await checkDir3(deps.sources.PRO, { value: ine10.value, warnings: ine10.warnings });
      if (found.dir3 !== null && found.source !== 'none') {
        dir3 = found.dir3;
        dir3Info = { source: found.source, note: found.note };
      } else dir3Problem = found.note ?? undefined;
    }
    let built;
    try {
      const { buildMinhapWorkbook } = await import('./minhap-workbook');
      built = await buildMinhapWorkbook(await template(), {
        ensName: body.ensName,
        cif: body.cif,
        ine10: body.ine10,
        dir3,
        modalities: body.modalities,
      });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      throw new HttpError(503, { error: 'NOT_CONFIGURED', message: error.message });
    }
    const entry = { agent, ticket: body.ticket, action, subject: { ine10: body.ine10 ?? null } };
    if (!built.ok) {
      const problems: MinhapProblem[] = built.problems.map((p) =>
        p.value === 'dir3' && p.code === 'missing' && dir3Problem !== undefined ? { ...p, detail: dir3Problem } : p,
      );
      await audit.write({ ...entry, outcome: `refused: ${problems.map((p) => `${p.value} ${p.code}`).join(', ')}` });
      const refused: MinhapRefused = { status: 'refused', problems };
      return { refused };
    }
    await audit.write({ ...entry, outcome: `built: ${String(built.rows.length)} row(s)` });
    const response: MinhapBuilt = {
      status: 'built',
      file: {
        fileName: MINHAP_FILE_NAME,
        contentType: XLSX_CONTENT_TYPE,
        base64: Buffer.from(built.bytes).toString('base64'),
        size: built.bytes.length,
      },
      rows: built.rows.map((r) => ({ product: r.product, modality: r.modality, cells: { ...r.cells } })),
      dir3: { value: built.rows[0]?.cells.dir3 ?? '', ...dir3Info },
      notes: [...built.notes],
    };
    return { built: response, bytes: built.bytes };
  };

  return [
    implement(dcocLines, async ({ query, agent }) => {
      let content: string;
      try {
        content = await readFile(deps.dcocFile, 'utf8');
      } catch (err) {
        throw new DatabaseUnavailableError(DCOC_SOURCE, 'the dcoc.properties file cannot be read', { cause: err });
      }
      const lines = dcocLineChanges(content, query.ine10.value).map((l) => ({ ...l, added: [...l.added] }));
      await audit.write({
        agent,
        ticket: query.ticket,
        action: 'document.dcoc-lines',
        subject: { ine10: query.ine10.value },
        outcome: `${String(lines.filter((l) => l.added.length > 0).length)} of ${String(lines.length)} list(s) to change`,
      });
      return ok({ ine10: query.ine10.value, lines });
    }),
    implement(buildTrackingRows, async ({ body, agent }) => {
      // Via Oberta's lines say what each environment already holds: SIRI's authorisations, read
      // as the authorisations check reads them; without a valid INE10 or CIF they are not read.
      let authorisations: Record<'PRE' | 'PRO', TrackedAuthorisation[]> | undefined;
      let reason: string | null = null;
      const ine10 = parseIne10(body.ine10 ?? '');
      const cif = parseCif(body.cif ?? '');
      if (body.sheet === 'vo') {
        const key = ine10.ok
          ? ({ by: 'ine10', id: { value: ine10.value, warnings: ine10.warnings } } as const)
          : cif.ok
            ? ({ by: 'nif', id: { value: cif.value, warnings: cif.warnings } } as const)
            : undefined;
        if (key === undefined) reason = 'no valid INE10 or CIF to read the authorisations by';
        else {
          try {
            const [pre, pro] = await Promise.all([
              checkAuthorisations(deps.sources.PRE, key),
              checkAuthorisations(deps.sources.PRO, key),
            ]);
            authorisations = { PRE: pre.authorisations.map(tracked), PRO: pro.authorisations.map(tracked) };
          } catch (error) {
            if (!(error instanceof DatabaseUnavailableError)) throw error;
            reason = error.message;
          }
        }
      }
      const table = trackingTable({
        sheet: body.sheet,
        ticket: body.ticket,
        date: new Date().toISOString().slice(0, 10),
        environment: body.environment,
        ens: { name: body.ensName, cif: body.cif, ine10: body.ine10 },
        products: body.products,
        modalities: body.modalities,
        authorisations,
        elicita: body.elicita,
        userNif: body.userNif,
      });
      const { buildTrackingWorkbook } = await import('./tracking-workbook');
      const bytes = await buildTrackingWorkbook(table);
      await audit.write({
        agent,
        ticket: body.ticket,
        action: 'document.tracking',
        subject: { sheet: body.sheet, ine10: ine10.ok ? ine10.value : null },
        outcome: `${String(table.lines.length)} line(s)${authorisations === undefined ? '' : ', authorisations read'}`,
      });
      return ok({
        table: {
          sheet: table.sheet,
          columns: [...table.columns],
          lines: table.lines.map((l) => ({ cells: { ...l.cells }, state: l.state })),
          notes: table.notes.map((n) => ({ ...n })),
        },
        file: {
          fileName: trackingFileName(body.sheet, body.ticket, 'xlsx'),
          contentType: XLSX_CONTENT_TYPE,
          base64: Buffer.from(bytes).toString('base64'),
          size: bytes.length,
        },
        authorisations: { read: authorisations !== undefined, reason },
      });
    }),
    implement(buildMinhapExcel, async ({ body, agent }) => {
      const filled = await fillMinhap(body, agent, 'document.minhap');
      return ok(filled.refused ?? filled.built);
    }),
    implement(attachMinhapExcel, async ({ body, agent }) => {
      if (zendesk === null) {
        throw new HttpError(503, {
          error: 'NOT_CONFIGURED',
          message: 'The proxy has no Zendesk API credentials, so it cannot attach files; download the Excel instead.',
        });
      }
      const { note, ...request } = body;
      const filled = await fillMinhap(request, agent, 'document.minhap');
      if (filled.refused !== undefined) return ok(filled.refused);
      const entry = {
        agent,
        ticket: body.ticket,
        action: 'document.minhap.attach',
        subject: { ine10: body.ine10 ?? null },
      };
      try {
        const token = await zendesk.upload(MINHAP_FILE_NAME, XLSX_CONTENT_TYPE, filled.bytes);
        await zendesk.addInternalNote(body.ticket, note, [token]);
      } catch (error) {
        if (!(error instanceof ZendeskCallError)) throw error;
        await audit.write({ ...entry, outcome: `refused: ${error.kind}` }).catch(() => undefined);
        throw zendeskHttpError(error);
      }
      await audit.write({ ...entry, outcome: `attached: ${String(filled.built.rows.length)} row(s)` });
      const attached: AttachMinhapResponse = {
        status: 'attached',
        ticket: body.ticket,
        fileName: filled.built.file.fileName,
        size: filled.built.file.size,
        rows: filled.built.rows.length,
        dir3: filled.built.dir3,
        notes: filled.built.notes,
      };
      return ok(attached);
    }),
  ];
}

function tracked(a: Authorisation): TrackedAuthorisation {
  return {
    productCode: a.producte.codi,
    productName: a.producte.nom,
    modalityCode: a.modalitat.codi,
    modalityName: a.modalitat.nom,
    finalitatCode: a.finalitat.codi,
    finalitatName: a.finalitat.nom,
    date: a.dataAlta,
  };
}
