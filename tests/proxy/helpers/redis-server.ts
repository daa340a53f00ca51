/**
 * A throwaway Redis server for the tests of the shared rate-limit store: Debian's redis-server on
 * a free loopback port, nothing saved to disk, stopped at the end. `.ci/run` installs it when
 * missing.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { freePort } from './free-port';

export const REDIS_SERVER = '/usr/bin/redis-server';

export function hasRedisServer(): boolean {
  return existsSync(REDIS_SERVER);
}

export interface RedisServer {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  let log = '';
  for await (const line of createInterface({ input: child.stdout })) {
    log += `${line}\n`;
    if (line.includes('Ready to accept connections')) break;
  }
  if (!log.includes('Ready to accept connections')) throw new Error(`redis-server did not start:\n${log}`);
  child.stdout.resume();
  child.stderr.resume();
  return {
    url: `redis://127.0.0.1:${String(port)}/0`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
