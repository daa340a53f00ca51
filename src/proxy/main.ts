/**
 * Starts the proxy: configuration from the environment, databases, HTTP server, and a clean stop
 * on SIGINT/SIGTERM (in-flight requests finish, pools close).
 *
 * Demo mode (every database embedded, the default): with no JWT_SECRET set, an ephemeral random
 * secret is made and a ready-to-use token printed, so that one command gives a working proxy.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import pino from 'pino';
import { ConfigError, loadConfig, type ProxyConfig } from './config';
import { openDatabases } from './db/connect';
import { signAgentToken } from './demo-token';
import { buildServer } from './http/server';
import { registerTarget } from './store/integrator-register';
import { CorrectionsStore, startRetention } from './store/corrections';

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

export async function startProxy(config: ProxyConfig): Promise<{ url: string; stop: () => Promise<void> }> {
  const logger = pino({
    level: config.logLevel,
    // Tokens and secrets never reach the log.
    redact: ['req.headers.authorization', 'headers.authorization'],
  });
  let secret = config.jwt.secret;
  let demoSecret = false;
  if (secret === undefined) {
    secret = randomBytes(32).toString('base64url');
    demoSecret = true;
  }
  const databases = await openDatabases(config, logger);
  // The Redis client (about 20 MB resident once loaded) only for a copy that shares its limits.
  const limits =
    config.rateLimit.redisUrl === undefined
      ? undefined
      : (await import('./http/rate-limit-store')).sharedRateLimitStore({
          url: config.rateLimit.redisUrl,
          windowMs: config.rateLimit.windowMs,
          logger,
        });
  // A copy that cannot reach Redis still starts (and limits on its own) rather than stay down.
  if (limits !== undefined && !(await limits.ready(5000)))
    logger.warn('rate limits: no answer from RATE_LIMIT_REDIS_URL within 5 s; counting in this copy until it answers');
  const app = await buildServer({
    ...(limits === undefined ? {} : { rateLimitStore: limits.store }),
    settings: { ...config, jwt: { ...config.jwt, secret } },
    deps: {
      sources: databases.sources,
      store: databases.store,
      health: databases.health,
      dcocFile: config.dcocPropertiesFile,
      zendesk: config.zendesk,
      minhapTemplate: config.documents.minhapTemplate,
      version: version(),
      register: registerTarget(databases.register, config.integratorRegister.table, config.integratorRegister.columns),
      corrections: { ...config.corrections, everyoneReviews: config.demo },
    },
    logger: logger,
  });
  // Expired classification corrections go at start-up, then hourly.
  const retention = startRetention(new CorrectionsStore(databases.store, config.corrections), logger);
  const address = await app.listen({ host: config.host, port: config.port });
  if (demoSecret) {
    const token = await signAgentToken({
      secret,
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      agentId: 'demo-agent',
      agentName: 'Demo agent',
      expiresIn: 8 * 3600,
    });
    process.stdout.write(
      `\nDemo mode: embedded database with demo data; JWT_SECRET is not set, so this run uses an ephemeral secret.\n` +
        `A token for agent "demo-agent", valid 8 hours (iss=${config.jwt.issuer}, aud=${config.jwt.audience}):\n\n  ${token}\n\n` +
        `Try:\n  curl -H "Authorization: Bearer ${token}" "${address}/v1/checks/authorisations?env=PRO&ine10=0801930008&ticket=1"\n\n`,
    );
  }
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      retention.stop();
      await app.close();
      await limits?.close();
      await databases.close();
    })();
    return stopping;
  };
  return { url: address, stop };
}

export async function main(): Promise<void> {
  let config: ProxyConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
      process.exit(2);
    }
    throw err;
  }
  const { stop } = await startProxy(config);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
