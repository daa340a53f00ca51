/**
 * A TCP relay between the proxy and a database server, to make the network hang on demand:
 * - `pass`: bytes flow both ways;
 * - `hang`: connections already open stop carrying anything, in either direction, for good (as
 *   when a server vanishes behind a firewall that drops its packets), and new connections are
 *   accepted and never answered.
 * Back in `pass`, new connections flow again; the ones silenced stay silent.
 * It counts the proxy's connections open through it, and the most ever open at once.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpRelay {
  readonly port: number;
  /** Connections from the proxy open now. */
  readonly open: number;
  /** The most connections from the proxy open at the same time since the last `resetPeak`. */
  readonly peak: number;
  resetPeak(): void;
  hang(): void;
  pass(): void;
  close(): Promise<void>;
}

export async function startTcpRelay(upstreamPort: number, host = '127.0.0.1'): Promise<TcpRelay> {
  let mode: 'pass' | 'hang' = 'pass';
  const clients = new Set<Socket>();
  const upstreams = new Set<Socket>();
  const live = new Set<{ silence: () => void }>();
  let peak = 0;

  const server: Server = createServer((client) => {
    clients.add(client);
    peak = Math.max(peak, clients.size);
    client.on('error', () => undefined);
    client.on('close', () => {
      clients.delete(client);
    });
    // A connection made while hanging is never answered, even after the hang ends.
    if (mode === 'hang') {
      client.resume();
      return;
    }
    const upstream = createConnection({ host, port: upstreamPort });
    upstreams.add(upstream);
    upstream.on('error', () => undefined);
    upstream.on('close', () => {
      upstreams.delete(upstream);
      client.destroy();
    });
    client.on('close', () => upstream.destroy());
    let silenced = false;
    const link = {
      silence: () => {
        silenced = true;
      },
    };
    live.add(link);
    client.on('data', (chunk: Buffer) => {
      if (!silenced) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!silenced) client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('relay has no port');

  return {
    port: address.port,
    get open() {
      return clients.size;
    },
    get peak() {
      return peak;
    },
    resetPeak: () => {
      peak = clients.size;
    },
    hang: () => {
      mode = 'hang';
      for (const link of live) link.silence();
      live.clear();
    },
    pass: () => {
      mode = 'pass';
    },
    close: async () => {
      for (const s of [...clients, ...upstreams]) s.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
