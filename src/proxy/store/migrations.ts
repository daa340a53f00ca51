/**
 * The assistant's own tables (PostgreSQL: PGlite or a server). Idempotent, and safe when several
 * copies of the proxy start at once against one database: the script first takes a
 * transaction-scoped advisory lock, so the copies create the tables one after another.
 */
import type { Database } from '../db/types';
import { CORRECTIONS_SCHEMA } from './corrections';

/** Arbitrary constant naming "the assistant's schema migration" lock. */
const MIGRATION_LOCK = 720_401_2026;

export const STORE_SCHEMA = `
SELECT pg_advisory_xact_lock(${MIGRATION_LOCK});
CREATE SCHEMA IF NOT EXISTS assistant;
CREATE TABLE IF NOT EXISTS assistant.step_progress (
  ticket_id     BIGINT       NOT NULL,
  step_id       VARCHAR(64)  NOT NULL,
  procedure_id  VARCHAR(64)  NOT NULL,
  done          BOOLEAN      NOT NULL,
  agent_id      VARCHAR(128) NOT NULL,
  agent_name    VARCHAR(200),
  changed_at    TIMESTAMPTZ  NOT NULL,
  note          VARCHAR(500),
  PRIMARY KEY (ticket_id, step_id)
);
CREATE TABLE IF NOT EXISTS assistant.audit_log (
  id            BIGSERIAL    PRIMARY KEY,
  at            TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
  agent_id      VARCHAR(128) NOT NULL,
  agent_name    VARCHAR(200),
  ticket_id     BIGINT       NOT NULL,
  action        VARCHAR(64)  NOT NULL,
  subject       TEXT         NOT NULL,
  outcome       VARCHAR(200) NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_by_ticket ON assistant.audit_log (ticket_id, id);
CREATE TABLE IF NOT EXISTS assistant.integrator_register (
  id                 BIGSERIAL    PRIMARY KEY,
  ens_ine10          VARCHAR(10)  NOT NULL,
  ens_nom            VARCHAR(200) NOT NULL,
  service            VARCHAR(16)  NOT NULL,
  -- '' when the service has no product: a NULL would escape the unique constraint.
  product            VARCHAR(64)  NOT NULL DEFAULT '',
  integrator_nif     VARCHAR(9)   NOT NULL,
  integrator_nom     VARCHAR(200) NOT NULL,
  observations       VARCHAR(1000),
  ticket_id          BIGINT       NOT NULL,
  registered_by      VARCHAR(128) NOT NULL,
  registered_by_name VARCHAR(200),
  registered_at      TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT integrator_register_triplet UNIQUE (ens_ine10, service, product, integrator_nif)
);
CREATE INDEX IF NOT EXISTS integrator_register_by_ens ON assistant.integrator_register (ens_ine10);
CREATE TABLE IF NOT EXISTS assistant.ticket_answers (
  ticket_id     BIGINT       NOT NULL,
  question_id   VARCHAR(64)  NOT NULL,
  -- NULL: the answer was withdrawn (who and when are kept).
  value         BOOLEAN,
  procedure_id  VARCHAR(64)  NOT NULL,
  agent_id      VARCHAR(128) NOT NULL,
  agent_name    VARCHAR(200),
  changed_at    TIMESTAMPTZ  NOT NULL,
  PRIMARY KEY (ticket_id, question_id)
);
${CORRECTIONS_SCHEMA}`;

export async function migrateStore(db: Database): Promise<void> {
  await db.exec(STORE_SCHEMA);
}
