/**
 * Creates the demo AOC tables (SIRI, DIR3, PSCP) for one environment and fills them. Runs on
 * PGlite and on a PostgreSQL server alike (the tests seed both). Table and column names follow
 * the desk's queries (`seeds/vo-integracio.txt`); PSCP and DIR3 columns are this project's
 * assumption about AOC's schemas, confined to the check modules that read them.
 */
import type { Database, SqlValue } from '../types';
import type { Environment } from '../../../shared/api';
import { demoData } from './demo-data';
import { aocSchemas } from '../../checks/schemas';

function ddl(prefix: string): string[] {
  const { siri, dir3, pscp } = aocSchemas(prefix);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${siri}`,
    `CREATE SCHEMA IF NOT EXISTS ${dir3}`,
    `CREATE SCHEMA IF NOT EXISTS ${pscp}`,
    `CREATE TABLE ${siri}.AOC_PCI_SIRI_ORGANISME (ID INTEGER PRIMARY KEY, CODI VARCHAR(20) NOT NULL, NOM VARCHAR(300), CIF VARCHAR(20))`,
    `CREATE INDEX ON ${siri}.AOC_PCI_SIRI_ORGANISME (CODI)`,
    `CREATE INDEX ON ${siri}.AOC_PCI_SIRI_ORGANISME ((REPLACE(REPLACE(UPPER(CIF), '-', ''), ' ', '')))`,
    `CREATE TABLE ${siri}.AOC_PCI_SIRI_PRODUCTE (ID INTEGER PRIMARY KEY, CODI VARCHAR(60) NOT NULL, NOM VARCHAR(300))`,
    `CREATE TABLE ${siri}.AOC_PCI_SIRI_MODALITAT (ID INTEGER PRIMARY KEY, ID_PRODUCTE INTEGER NOT NULL ` +
      `REFERENCES ${siri}.AOC_PCI_SIRI_PRODUCTE (ID), CODI VARCHAR(60) NOT NULL, NOM VARCHAR(300))`,
    `CREATE TABLE ${siri}.AOC_PCI_SIRI_FINALITAT (ID INTEGER PRIMARY KEY, CODI VARCHAR(64) NOT NULL, NOM ` +
      `VARCHAR(300), VIGENT_DATA_INICI TIMESTAMP, VIGENT_DATA_FI TIMESTAMP)`,
    `CREATE INDEX ON ${siri}.AOC_PCI_SIRI_FINALITAT (UPPER(CODI))`,
    `CREATE TABLE ${siri}.AOC_PCI_SIRI_AUTORITZACIO (ID INTEGER PRIMARY KEY, ID_ORGANISME INTEGER NOT NULL ` +
      `REFERENCES ${siri}.AOC_PCI_SIRI_ORGANISME (ID), ID_MODALITAT INTEGER NOT NULL REFERENCES ` +
      `${siri}.AOC_PCI_SIRI_MODALITAT (ID), ID_FINALITAT INTEGER NOT NULL REFERENCES ` +
      `${siri}.AOC_PCI_SIRI_FINALITAT (ID), DATA_ALTA TIMESTAMP)`,
    `CREATE INDEX ON ${siri}.AOC_PCI_SIRI_AUTORITZACIO (ID_ORGANISME)`,
    `CREATE TABLE ${dir3}.DIR3_2_INE10_UO (INE10 VARCHAR(10) NOT NULL, CODI_UO VARCHAR(9) NOT NULL, NOM_UO VARCHAR(300))`,
    `CREATE INDEX ON ${dir3}.DIR3_2_INE10_UO (INE10)`,
    `CREATE TABLE ${pscp}.ORGAN_CONTRACTACIO (ID INTEGER PRIMARY KEY, CIF VARCHAR(20) NOT NULL, NOM ` +
      `VARCHAR(300), SISTEMA_EXTERN_AOC SMALLINT NOT NULL)`,
    `CREATE INDEX ON ${pscp}.ORGAN_CONTRACTACIO (CIF)`,
    `CREATE TABLE ${pscp}.USUARI (ID INTEGER PRIMARY KEY, NIF VARCHAR(20) NOT NULL, NOM VARCHAR(300), ACTIU SMALLINT NOT NULL)`,
    `CREATE INDEX ON ${pscp}.USUARI (NIF)`,
    `CREATE TABLE ${pscp}.USUARI_PERMIS (ID_USUARI INTEGER NOT NULL REFERENCES ${pscp}.USUARI (ID), ID_ORGAN ` +
      `INTEGER NOT NULL REFERENCES ${pscp}.ORGAN_CONTRACTACIO (ID), PERMIS VARCHAR(40) NOT NULL)`,
    `CREATE INDEX ON ${pscp}.USUARI_PERMIS (ID_USUARI)`,
    `CREATE INDEX ON ${pscp}.USUARI_PERMIS (ID_ORGAN)`,
  ];
}

/** Multi-row parameterised INSERTs, a few hundred rows at a time. */
async function insertAll(
  db: Database,
  table: string,
  columns: readonly string[],
  rows: readonly object[],
): Promise<void> {
  const BATCH = 200;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const params: Record<string, SqlValue> = {};
    const tuples = batch.map((row, r) => {
      const values = row as Record<string, SqlValue>;
      return `(${columns
        .map((c) => {
          params[`${c}_${r}`] = values[c] ?? null;
          return `:${c}_${r}`;
        })
        .join(', ')})`;
    });
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}

/** Tells whether the demo tables of this prefix exist already (a persistent PGlite directory). */
async function alreadySeeded(db: Database, prefix: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 AS found FROM information_schema.tables WHERE UPPER(table_schema) = :schema AND UPPER(table_name) ` +
      `= 'AOC_PCI_SIRI_AUTORITZACIO'`,
    { schema: aocSchemas(prefix).siri.toUpperCase() },
  );
  return rows.length > 0;
}

/** Creates and fills the demo tables of one environment, under the given schema prefix. */
export async function seedDemoEnvironment(db: Database, env: Environment, prefix: string): Promise<void> {
  if (await alreadySeeded(db, prefix)) return;
  for (const statement of ddl(prefix)) await db.query(statement);
  const data = demoData(env);
  const { siri, dir3, pscp } = aocSchemas(prefix);
  await insertAll(db, `${siri}.AOC_PCI_SIRI_ORGANISME`, ['id', 'codi', 'nom', 'cif'], data.organismes);
  await insertAll(db, `${siri}.AOC_PCI_SIRI_PRODUCTE`, ['id', 'codi', 'nom'], data.productes);
  await insertAll(db, `${siri}.AOC_PCI_SIRI_MODALITAT`, ['id', 'id_producte', 'codi', 'nom'], data.modalitats);
  await insertAll(
    db,
    `${siri}.AOC_PCI_SIRI_FINALITAT`,
    ['id', 'codi', 'nom', 'vigent_data_inici', 'vigent_data_fi'],
    data.finalitats,
  );
  await insertAll(
    db,
    `${siri}.AOC_PCI_SIRI_AUTORITZACIO`,
    ['id', 'id_organisme', 'id_modalitat', 'id_finalitat', 'data_alta'],
    data.autoritzacions,
  );
  await insertAll(db, `${dir3}.DIR3_2_INE10_UO`, ['ine10', 'codi_uo', 'nom_uo'], data.dir3);
  await insertAll(db, `${pscp}.ORGAN_CONTRACTACIO`, ['id', 'cif', 'nom', 'sistema_extern_aoc'], data.organs);
  await insertAll(db, `${pscp}.USUARI`, ['id', 'nif', 'nom', 'actiu'], data.usuaris);
  await insertAll(db, `${pscp}.USUARI_PERMIS`, ['id_usuari', 'id_organ', 'permis'], data.permisos);
}
