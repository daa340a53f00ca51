/**
 * The integrator register of the manual's "Pas 7": the triplet ens + service + integrator company
 * (with the product for Via Oberta and MUX). Idempotent: a second submission of the same triplet,
 * even at the same instant from another copy of the proxy, returns the existing row
 * (`created: false`) instead of a duplicate. The unique constraint decides; INSERT … ON CONFLICT
 * DO NOTHING never raises on the loser, which then reads the winner's row.
 */
import type { Database, Row } from '../db/types';
import { int, iso, text, textOrNull } from '../checks/rows';
import { auditParams } from './audit';
import type { Agent } from './agent';
import type { IntegratorRegistration, RegisterIntegratorBody, RegisterIntegratorResponse } from '../../shared/api';
import { ServiceCode } from '../../shared/api';

const COLUMNS = `id, ens_ine10, ens_nom, service, product, integrator_nif, integrator_nom, observations,
       ticket_id, registered_by, registered_at`;

function toRegistration(r: Row): IntegratorRegistration {
  const product = text(r.product);
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

export async function registerIntegrator(
  db: Database,
  body: RegisterIntegratorBody,
  agent: Agent,
): Promise<RegisterIntegratorResponse> {
  const key = {
    ens: body.ens.ine10.value,
    service: body.service,
    product: body.product ?? '',
    integratorNif: body.integrator.nif.value,
  };
  const subject = {
    ensIne10: key.ens,
    service: key.service,
    product: body.product ?? null,
    integratorNif: key.integratorNif,
  };
  const inserted = await db.query(
    `WITH ins AS (
       INSERT INTO assistant.integrator_register
         (ens_ine10, ens_nom, service, product, integrator_nif, integrator_nom, observations, ticket_id, registered_by, registered_by_name)
       VALUES (:ens, :ensNom, :service, :product, :integratorNif, :integratorNom, :observations, :ticket, :agent, :agentName)
       ON CONFLICT ON CONSTRAINT integrator_register_triplet DO NOTHING
       RETURNING ${COLUMNS}
     ), logged AS (
       INSERT INTO assistant.audit_log (agent_id, agent_name, ticket_id, action, subject, outcome)
       SELECT :auditAgent, :auditAgentName, :auditTicket, :auditAction, :auditSubject,
              CASE WHEN EXISTS (SELECT 1 FROM ins) THEN 'registered' ELSE 'already registered' END
     )
     SELECT ${COLUMNS} FROM ins`,
    {
      ...key,
      ensNom: body.ens.nom,
      integratorNom: body.integrator.nom,
      observations: body.observations ?? null,
      ticket: body.ticket,
      agent: agent.id,
      agentName: agent.name,
      ...auditParams({ agent, ticket: body.ticket, action: 'integrator.register', subject, outcome: '' }),
    },
  );
  const row = inserted[0];
  if (row !== undefined) return { created: true, registration: toRegistration(row) };
  // Lost the race (or a repeat): a new statement sees the committed winner.
  const existing = await db.query(
    `SELECT ${COLUMNS} FROM assistant.integrator_register
      WHERE ens_ine10 = :ens AND service = :service AND product = :product AND integrator_nif = :integratorNif`,
    key,
  );
  const found = existing[0];
  if (found === undefined) throw new Error('The integrator registration neither inserted nor found');
  return { created: false, registration: toRegistration(found) };
}

export async function listRegistrations(db: Database, ine10: string): Promise<IntegratorRegistration[]> {
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM assistant.integrator_register WHERE ens_ine10 = :ine10 ORDER BY registered_at DESC, ` +
      `id DESC FETCH FIRST 200 ROWS ONLY`,
    { ine10 },
  );
  return rows.map(toRegistration);
}
