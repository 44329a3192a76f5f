import { serve, type ServerType } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { setDisplayTimeZone } from './platform/format.ts';
import type { Services } from './platform/http/env.ts';
import { startJobs, type Jobs } from './platform/jobs/index.ts';
import { syncCommunes } from './territory/territory.commands.ts';
import { jobDefinitions } from './jobs.ts';
import { isEmptyDatabase, seedDemo } from './cli/seed.ts';

/**
 * Opens the database, applies migrations and keeps reference data in line with its files. Shared by the server,
 * the CLI and the tests.
 */
export async function prepareDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  await database.migrate();
  await syncCommunes(database.db);
  return database;
}

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'relais' } });
}

/** The services every request sees; jobs are optional (tests run without them). */
export function buildServices(config: Config, database: Database, logger: Logger, jobs: Jobs | null): Services {
  return {
    config,
    database,
    logger,
    notifyOutbox: () => jobs?.trigger('outbox.deliver'),
    queueSizes: () => jobs?.queueSizes() ?? Promise.resolve({}),
  };
}

export type RunningServer = { server: ServerType; url: string; stop: () => Promise<void> };

/**
 * Starts Relais: database, demo data on a new database in demo mode, jobs, HTTP. Stops gracefully on SIGTERM and
 * SIGINT: no new connections, requests in flight finish, jobs stop, the database closes (PGlite flushes to disk).
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const started = performance.now();
  setDisplayTimeZone(config.timeZone);
  const logger = createLogger(config);
  const database = await prepareDatabase(config);
  if (config.demo && (await isEmptyDatabase(database.db))) {
    logger.info('new database in demo mode: seeding demonstration data');
    await seedDemo(database.db, logger, { baseUrl: config.baseUrl });
  }
  const jobs = config.jobs ? await startJobs(database, { url: config.databaseUrl, timeZone: config.timeZone, logger }, jobDefinitions(config, database, logger)) : null;
  const app = createApp(buildServices(config, database, logger, jobs));
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, database: database.kind, demo: config.demo, startupMs: Math.round(performance.now() - started) }, `Relais est prêt : ${url}`);

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('stopping');
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs?.stop();
      await database.close();
      logger.info('stopped');
    })();
    return stopping;
  };
  return { server, url, stop };
}

/** Wires the process signals to a graceful stop (the CLI's `serve`). */
export function stopOnSignals(running: RunningServer): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // A second signal, or a stop that hangs, ends the process anyway.
      setTimeout(() => process.exit(1), 15_000).unref();
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
