/**
 * The integrator register of the manual's "Pas 7": the triplet ens + service + integrator company
 * (with the product for Via Oberta and MUX), written where the desk's own tool keeps it: a table
 * whose connection, name and column names are settings (`RegisterTarget`); the default is the
 * embedded store's `assistant.integrator_register`. Idempotent: a second submission of the same
 * triplet returns the existing row (`created: false`) instead of a duplicate; where the table has
 * a unique constraint (the default one has), two proxies submitting at the same instant cannot
 * both insert either (ON CONFLICT DO NOTHING, then the loser reads the winner's row).
 *
 * The audit entry goes to the assistant's store, after the write (the register may live in
 * another database, so the two cannot share a statement).
 */
import type { Database, Row } from '../db/types';
import { assertSqlIdentifier } from '../db/dialect';
import { int, iso, text, textOrNull } from '../checks/rows';
import type { AuditWriter } from './audit';
import type { Agent } from './agent';
import type { IntegratorRegistration, RegisterIntegratorBody, RegisterIntegratorResponse } from '../../shared/api';
import { ServiceCode } from '../../shared/api';

import { REGISTER_COLUMNS, type RegisterColumn } from './register-columns';
export { REGISTER_COLUMNS, type RegisterColumn };

export interface RegisterTarget {
  readonly db: Database;
  /** `schema.table` or `table`, plain identifiers (they are spliced into SQL). */
  readonly table: string;
  readonly columns: Readonly<Record<RegisterColumn, string>>;
}

export const DEFAULT_REGISTER_TABLE = 'assistant.integrator_register';
export const DEFAULT_REGISTER_COLUMNS: Readonly<Record<RegisterColumn, string>> = Object.fromEntries(
  REGISTER_COLUMNS.map((c) => [c, c]),
) as Record<RegisterColumn, string>;

/** Checks a configured table and columns: identifiers only, every column named. */
export function registerTarget(
  db: Database,
  table = DEFAULT_REGISTER_TABLE,
  columns: Partial<Record<RegisterColumn, string>> = {},
): RegisterTarget {
  const parts = table.split('.');
  if (parts.length > 2)
    throw new Error(`The integrator register table must be "schema.table" or "table", got "${table}"`);
  parts.forEach((p) => assertSqlIdentifier(p, 'Integrator register table'));
  const all = { ...DEFAULT_REGISTER_COLUMNS, ...columns };
  for (const c of REGISTER_COLUMNS) assertSqlIdentifier(all[c], `Integrator register column ${c}`);
  return { db, table, columns: all };
}

function selectList(t: RegisterTarget): string {
  return REGISTER_COLUMNS.map((c) => `${t.columns[c]} AS ${c}`).join(', ');
}

function toRegistration(r: Row): IntegratorRegistration {
  const product = textOrNull(r.product) ?? '';
  return {
    id: int(r.id),
    ensIne10: text(r.ens_ine10),
    ensNom: text(r.ens_nom),
    service: ServiceCode.parse(text(r.service)),
    product: product === '' ? null : product,
    integratorNif: text(r.integrator_nif),
    integratorNom: text(r.integrator_nom),
    observations: textOrNull(r.observations),
    ticket: int(r.ticket_id),
    registeredBy: text(r.registered_by),
    registeredAt: iso(r.registered_at),
  };
}

/**
 * What the register holds for a product the ens asks: the manual's one exception is Via Oberta's
 * SCT_DENUNCIES, registered as service VO, product SCT, observations "SCT_DENUNCIES".
 */
export function registerEntry(
  service: string,
  product: string | undefined,
  observations: string | undefined,
): { product: string | undefined; observations: string | undefined } {
  if (service === 'VO' && (product === 'SCT' || product === 'SCT_DENUNCIES')) {
    const note =
      observations === undefined || observations.includes('SCT_DENUNCIES')
        ? observations
        : `${observations} · SCT_DENUNCIES`;
    return { product: 'SCT', observations: note ?? 'SCT_DENUNCIES' };
  }
  return { product, observations };
}

export async function registerIntegrator(
  target: RegisterTarget,
  audit: AuditWriter,
  body: RegisterIntegratorBody,
  agent: Agent,
): Promise<RegisterIntegratorResponse> {
  const entry = registerEntry(body.service, body.product, body.observations);
  const c = target.columns;
  const key = {
    ens: body.ens.ine10.value,
    service: body.service,
    product: entry.product ?? '',
    integratorNif: body.integrator.nif.value,
  };
  const same = `${c.ens_ine10} = :ens AND ${c.service} = :service AND ${c.product} = :product AND ${c.integrator_nif} = :integratorNif`;
  const inserted = await target.db.query(
    `INSERT INTO ${target.table}
       (${c.ens_ine10}, ${c.ens_nom}, ${c.service}, ${c.product}, ${c.integrator_nif}, ${c.integrator_nom},
        ${c.observations}, ${c.ticket_id}, ${c.registered_by}, ${c.registered_by_name})
     SELECT CAST(:ens AS VARCHAR), CAST(:ensNom AS VARCHAR), CAST(:service AS VARCHAR), CAST(:product AS VARCHAR),
            CAST(:integratorNif AS VARCHAR), CAST(:integratorNom AS VARCHAR), CAST(:observations AS VARCHAR),
            CAST(:ticket AS BIGINT), CAST(:agent AS VARCHAR), CAST(:agentName AS VARCHAR)
      WHERE NOT EXISTS (SELECT 1 FROM ${target.table} WHERE ${same})
     ON CONFLICT DO NOTHING
     RETURNING ${selectList(target)}`,
    {
      ...key,
      ensNom: body.ens.nom,
      integratorNom: body.integrator.nom,
      observations: entry.observations ?? null,
      ticket: body.ticket,
      agent: agent.id,
      agentName: agent.name,
    },
  );
  const row = inserted[0];
  const created = row !== undefined;
  let registration: IntegratorRegistration;
  if (row !== undefined) registration = toRegistration(row);
  else {
    // A repeat, or lost the race: a new statement sees the committed winner.
    const existing = await target.db.query(`SELECT ${selectList(target)} FROM ${target.table} WHERE ${same}`, key);
    const found = existing[0];
    if (found === undefined) throw new Error('The integrator registration neither inserted nor found');
    registration = toRegistration(found);
  }
  await audit.write({
    agent,
    ticket: body.ticket,
    action: 'integrator.register',
    subject: {
      ensIne10: key.ens,
      service: key.service,
      product: entry.product ?? null,
      integratorNif: key.integratorNif,
    },
    outcome: created ? 'registered' : 'already registered',
  });
  return { created, registration };
}

export async function listRegistrations(target: RegisterTarget, ine10: string): Promise<IntegratorRegistration[]> {
  const rows = await target.db.query(
    `SELECT ${selectList(target)} FROM ${target.table} WHERE ${target.columns.ens_ine10} = :ine10
      ORDER BY ${target.columns.registered_at} DESC, ${target.columns.id} DESC FETCH FIRST 200 ROWS ONLY`,
    { ine10 },
  );
  return rows.map(toRegistration);
}
