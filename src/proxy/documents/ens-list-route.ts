/**
 * `POST /v1/documents/ens-list`: an .xlsx list of ens attached to the ticket. The proxy fetches the
 * attachment with its own Zendesk credentials (only from that ticket, never one Zendesk flagged
 * as malware, at most the archive limit), passes `inspectXlsx`, reads the list's rules
 * (`src/domain/documents/ens-list.ts`) and looks each valid row's ens up in SIRI (PRO): the ens by
 * INE10, CIF or exact name, and for a row that asks for Via Oberta products the authorisations PRO
 * already holds. A workbook that cannot be read is a refusal with its reason, never an error page.
 */
import { readEnsList, type EnsListRow } from '../../domain/documents/ens-list';
import { DEFAULT_ARCHIVE_LIMITS, inspectXlsx } from '../../domain/documents/xlsx-archive';
import { DEFAULT_READ_LIMITS, readWorkbookRows, SheetReadError } from '../../domain/documents/xlsx-cells';
import {
  ENS_ROW_STATES,
  readEnsListOperation,
  type EnsListRowResult,
  type EnsRowState,
  type ReadEnsListResponse,
} from '../../shared/api';
import { checkAuthorisations } from '../checks/authorisations';
import { coverage } from '../checks/coverage';
import { findEnsByName } from '../checks/ens-by-name';
import type { EnsKey } from '../checks/ens-lookup';
import { checkOrganisme } from '../checks/organisme';
import type { AocSource, AocSources } from '../checks/schemas';
import type { ZendeskApiSettings } from '../config';
import { zendeskHttpError } from '../form/routes';
import { ZendeskAttachments, ZendeskCallError } from '../form/zendesk-client';
import { HttpError } from '../http/errors';
import { implement, ok, type RouteDefinition } from '../http/route';
import type { AuditWriter } from '../store/audit';

/** Rows read from a list: more than the ajuntaments of a province, fewer than a slow answer. */
export const ENS_LIST_MAX_ROWS = 1000;
/** Look-ups run a few at a time so that one list does not hold every database connection. */
const CONCURRENCY = 4;

type Found = Pick<EnsListRowResult, 'state' | 'ens' | 'candidates' | 'heldInPro'>;

async function lookUp(source: AocSource, row: EnsListRow): Promise<Found> {
  const none: Found = { state: 'notFound', ens: null, candidates: 0, heldInPro: null };
  const key = row.key;
  if (key === null) return { ...none, state: 'invalid' };
  let ensKey: EnsKey;
  let ens: Found['ens'];
  if (key.by === 'name') {
    const answer = await findEnsByName(source, key.value);
    const exact = answer.candidates.filter((c) => c.exact);
    if (exact.length !== 1 || exact[0] === undefined) return { ...none, candidates: answer.candidates.length };
    ens = { ine10: exact[0].ine10, nom: exact[0].nom, cif: exact[0].cif };
    ensKey = { by: 'ine10', id: { value: exact[0].ine10, warnings: [] } };
  } else {
    ensKey = { by: key.by, id: { value: key.value, warnings: [] } };
    const answer = await checkOrganisme(source, ensKey);
    const first = answer.organismes[0];
    if (first === undefined) return none;
    ens = { ine10: first.codi.padStart(10, '0'), nom: first.nom, cif: first.cif };
  }
  if (row.products.length === 0) return { state: 'found', ens, candidates: 1, heldInPro: null };
  const held = await checkAuthorisations(source, ensKey);
  const cover = coverage({ products: row.products, modalities: [] }, held.authorisations, []);
  const heldInPro = row.products.filter((p) => !cover.missingInPro.includes(p));
  return {
    state: heldInPro.length === row.products.length ? 'authorised' : 'found',
    ens,
    candidates: 1,
    heldInPro,
  };
}

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let at = 0; at < items.length; at += size) out.push(...(await Promise.all(items.slice(at, at + size).map(run))));
  return out;
}

/** The first row of the same ens (by INE10, else CIF, else name), for a row that repeats one. */
function repeatsOf(rows: readonly EnsListRow[]): (number | null)[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const id = r.ine10 ?? r.cif ?? r.name?.toLowerCase() ?? null;
    if (id === null || r.key === null) return null;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, r.row);
    return first ?? null;
  });
}

export function ensListRoutes(
  sources: AocSources,
  zendesk: ZendeskApiSettings | null | undefined,
  audit: AuditWriter,
): RouteDefinition[] {
  const client = zendesk === null || zendesk === undefined ? null : new ZendeskAttachments(zendesk);
  return [
    implement(readEnsListOperation, async ({ body, agent }) => {
      if (client === null) {
        throw new HttpError(503, {
          error: 'NOT_CONFIGURED',
          message: 'The proxy has no Zendesk API credentials, so it cannot fetch attachments; read the list by hand.',
        });
      }
      const entry = {
        agent,
        ticket: body.ticket,
        action: 'document.ens-list',
        subject: { attachment: body.attachment },
      };
      let bytes: Uint8Array;
      let attachment;
      try {
        const found = await client.findOnTicket(body.ticket, body.attachment);
        if (found === null)
          throw new ZendeskCallError(
            'refused',
            `Attachment ${String(body.attachment)} is not on ticket ${String(body.ticket)}; not fetched.`,
          );
        if (found.malware_scan_result === 'malware_found')
          throw new ZendeskCallError('refused', 'Zendesk found malware in this attachment; it is not fetched.');
        if (found.size > DEFAULT_ARCHIVE_LIMITS.fileBytes)
          throw new ZendeskCallError(
            'refused',
            `The attachment has ${String(found.size)} bytes; lists of at most ${String(DEFAULT_ARCHIVE_LIMITS.fileBytes)} are read.`,
          );
        attachment = found;
        bytes = await client.download(found, DEFAULT_ARCHIVE_LIMITS.fileBytes);
      } catch (error) {
        if (!(error instanceof ZendeskCallError)) throw error;
        await audit.write({ ...entry, outcome: `refused: ${error.kind}` }).catch(() => undefined);
        throw zendeskHttpError(error);
      }
      const file = { id: attachment.id, name: attachment.file_name, size: bytes.length };
      const refuse = async (reason: (ReadEnsListResponse & { status: 'refused' })['reason'], message: string) => {
        await audit.write({ ...entry, subject: { ...entry.subject, file: file.name }, outcome: `refused: ${reason}` });
        const refused: ReadEnsListResponse = { status: 'refused', attachment: file, reason, message };
        return ok(refused);
      };

      const archive = inspectXlsx(bytes);
      if (!archive.ok) return refuse(archive.refusal, archive.message);
      let reading;
      try {
        const sheets = readWorkbookRows(bytes, { ...DEFAULT_READ_LIMITS, maxRows: ENS_LIST_MAX_ROWS + 1 });
        reading = readEnsList(sheets, archive.facts, {
          services: body.services ?? [],
          products: body.products ?? [],
        });
      } catch (error) {
        if (!(error instanceof SheetReadError)) throw error;
        return refuse(/DTD/.test(error.message) ? 'dtd' : 'damaged', error.message);
      }
      if (!reading.ok) return refuse(reading.reason, reading.message);

      const found = await inBatches(reading.rows, CONCURRENCY, (r) => lookUp(sources.PRO, r));
      const repeats = repeatsOf(reading.rows);
      const rows: EnsListRowResult[] = reading.rows.map((r, i) => ({
        row: r.row,
        name: r.name,
        ine10: r.ine10,
        cif: r.cif,
        services: [...r.services],
        products: [...r.products],
        ...(found[i] ?? { state: 'invalid', ens: null, candidates: 0, heldInPro: null }),
        repeats: repeats[i] ?? null,
        problems: r.problems.map((p) => ({ ...p })),
        notes: r.notes.map((n) => ({ ...n })),
      }));
      const counts = Object.fromEntries(ENS_ROW_STATES.map((s) => [s, 0])) as Record<EnsRowState, number>;
      for (const r of rows) counts[r.state]++;
      await audit.write({
        ...entry,
        subject: { ...entry.subject, file: file.name },
        outcome: ENS_ROW_STATES.map((s) => `${String(counts[s])} ${s}`).join(', '),
      });
      const response: ReadEnsListResponse = {
        status: 'read',
        attachment: file,
        sheet: reading.sheet,
        headerRow: reading.headerRow,
        columns: reading.columns.map((c) => ({ ...c })),
        unknownColumns: reading.unknownColumns.map((c) => ({ ...c })),
        notes: reading.notes.map((n) => ({ ...n })),
        rows,
        counts,
      };
      return ok(response);
    }),
  ];
}
