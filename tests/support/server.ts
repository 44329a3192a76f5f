import { createServer } from 'node:net';
import pino from 'pino';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { buildServices } from '../../src/server.ts';
import { seedDemo } from '../../src/cli/seed.ts';
import { testDatabase } from './test-app.ts';

export type RunningTestServer = {
  /** The origin the browser opens, e.g. `http://127.0.0.1:43817` (no trailing slash). */
  url: string;
  /** The database behind the server, to read what a test needs (a second-factor secret, a record's id). */
  database: Database;
  close: () => Promise<void>;
};

/** A free TCP port on 127.0.0.1: listen on port 0, read the port the system gave, close. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * The real application over HTTP on 127.0.0.1, for browser tests: a fresh database with the demonstration data,
 * demo mode on, no jobs. The port is chosen first so that BASE_URL (which the CSRF check compares the Origin with)
 * is the address the browser uses.
 * @example const server = await startTestServer(); await page.goto(`${server.url}/connexion`); … await server.close();
 */
export async function startTestServer(): Promise<RunningTestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { database, drop } = await testDatabase();
  await seedDemo(database.db);
  const config = loadConfig({ DEMO: 'true', BASE_URL: url, JOBS: 'false', LOG_LEVEL: 'silent' });
  const app = createApp(buildServices(config, database, pino({ level: 'silent' }), null));
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  let closing: Promise<void> | null = null;
  return {
    url,
    database,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          // Browsers keep connections alive: close them, or close() waits for their timeout.
          if ('closeAllConnections' in server) server.closeAllConnections();
          server.close(() => resolve());
        });
        await drop();
      })();
      return closing;
    },
  };
}
