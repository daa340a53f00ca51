/**
 * One server under load for `npm run bench:proxy`, in its own process so that its memory is its
 * own. Modes:
 * - bare-static: a bare Fastify route returning a fixed JSON document (no auth, no database);
 * - bare-query:  a bare Fastify route running the authorisations SQL directly (no auth, no
 *                validation, no audit) on the database the environment names;
 * - proxy:       the real proxy (`startProxy`) with the configuration from the environment.
 * Prints `READY <url>` when listening; on SIGTERM prints `MAXRSS <kilobytes>` and exits.
 */
import Fastify from 'fastify';

const mode = process.argv[2];

async function bare(withQuery: boolean): Promise<string> {
  const app = Fastify({ logger: false });
  if (withQuery) {
    // Loaded only here, so that the bare-static server's memory is Fastify's alone.
    const { default: pino } = await import('pino');
    const { loadConfig } = await import('../src/proxy/config');
    const { openDatabases } = await import('../src/proxy/db/connect');
    const { authorisationsSql } = await import('../src/proxy/checks/authorisations');
    const databases = await openDatabases(loadConfig(), pino({ level: 'warn' }));
    const source = databases.sources.PRO;
    const sql = authorisationsSql(source.schemas.siri, 'o.CODI IN (:ine10, :ine10short)');
    app.get('/bare', async () => ({
      authorisations: await source.db.query(sql, { ine10: '0801930008', ine10short: '801930008' }),
    }));
  } else {
    const body = {
      env: 'PRO',
      lookup: { by: 'ine10', value: '0801930008', warnings: [] },
      authorisations: [{ producte: { codi: 'AEAT' } }],
      truncated: false,
    };
    app.get('/bare', () => body);
  }
  return app.listen({ host: '127.0.0.1', port: 0 });
}

let url: string;
if (mode === 'bare-static') url = await bare(false);
else if (mode === 'bare-query') url = await bare(true);
else if (mode === 'proxy') {
  const { loadConfig } = await import('../src/proxy/config');
  const { startProxy } = await import('../src/proxy/main');
  url = (await startProxy(loadConfig())).url;
} else throw new Error(`unknown mode ${String(mode)}`);

process.stdout.write(`READY ${url}\n`);
process.once('SIGTERM', () => {
  process.stdout.write(`MAXRSS ${process.resourceUsage().maxRSS}\n`);
  process.exit(0);
});
