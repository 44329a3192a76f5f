import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../../db/client.ts';

export type JobDefinition = {
  name: string;
  /** Cron in the territory's zone, for recurring work. */
  cron?: string;
  /** Handlers must be idempotent: a job may run twice after a crash. */
  handle: () => Promise<void>;
};

export type Jobs = {
  /** Asks for a run of a queue now (coalesced: many calls within a second make one job). */
  trigger(name: string): void;
  queueSizes(): Promise<Record<string, number>>;
  stop(): Promise<void>;
};

/**
 * Starts pg-boss on the application's database — a PostgreSQL server through its connection string, or PGlite
 * through pg-boss's `db` option — and registers the jobs.
 */
export async function startJobs(database: Database, options: { url?: string | undefined; timeZone: string; logger: Logger }, definitions: JobDefinition[]): Promise<Jobs> {
  const boss = options.url
    ? new PgBoss({ connectionString: options.url, max: 3 })
    : new PgBoss({ db: { executeSql: (text: string, values: unknown[]) => database.executeSql(text, values) } });
  boss.on('error', (error) => options.logger.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const job of definitions) {
    await boss.createQueue(job.name, { name: job.name, policy: 'singleton', retryLimit: 3, retryDelay: 30 });
    await boss.work(job.name, { pollingIntervalSeconds: 2 }, async () => {
      await job.handle();
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: options.timeZone });
  }
  return {
    trigger(name) {
      boss.send(name, {}, { singletonSeconds: 1 }).catch((error: unknown) => options.logger.error({ err: error }, 'job trigger failed'));
    },
    async queueSizes() {
      const sizes: Record<string, number> = {};
      for (const job of definitions) sizes[job.name] = await boss.getQueueSize(job.name);
      return sizes;
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
