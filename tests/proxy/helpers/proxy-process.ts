/**
 * The proxy as it runs in production: `scripts/proxy.ts` in a process of its own (what `npm run
 * proxy` starts), configured by environment variables, stopped by a signal. For the tests that
 * stop it mid-way and start another on the same databases.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AUDIENCE, ISSUER, SECRET } from './harness';
import { signAgentToken } from '../../../src/proxy/demo-token';

export interface ProxyProcess {
  readonly url: string;
  call(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    agentId?: string,
  ): Promise<{ status: number; body: unknown }>;
  /** Sends the signal and resolves with how the process ended. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnProxy(env: Record<string, string>): Promise<ProxyProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/proxy.ts'], {
    env: {
      ...process.env,
      JWT_SECRET: SECRET,
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
      PROXY_PORT: '0',
      // Fastify logs "Server listening at <url>" at info: how the test learns the port.
      PROXY_LOG_LEVEL: 'info',
      RATE_LIMIT_MAX: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let url: string | undefined;
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    if (match?.[1] !== undefined) {
      url = match[1];
      break;
    }
  }
  if (url === undefined) throw new Error(`The proxy exited before listening:\n${stderr}`);
  // Keep reading its log, so that a full pipe never blocks it.
  child.stdout.resume();
  const base = url;
  return {
    url: base,
    call: async (method, path, body, agentId = 'agent-durable') => {
      const token = await signAgentToken({
        secret: SECRET,
        issuer: ISSUER,
        audience: AUDIENCE,
        agentId,
        agentName: `Agent ${agentId}`,
      });
      const res = await fetch(base + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: await res.json() };
    },
    stop: async (signal) => {
      child.kill(signal);
      return exited;
    },
  };
}
