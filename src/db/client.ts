import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, types, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database itself or an open transaction. */
export type Executor = Db | Tx;

export const migrationsFolder = resolve(import.meta.dirname, '../../drizzle');

/** Extensions the migrations create (word search with typos: pg_trgm); every PGlite must be opened with them. */
export const pgliteExtensions = { pg_trgm };

export type RawExecute = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** One handle on the database, whichever engine is behind it. */
export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Raw parameterised SQL, for pg-boss and for hand-written maintenance (backup, restore). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Raw SQL inside one transaction on one connection (restore). */
  rawTransaction<T>(work: (execute: RawExecute) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Only for PGlite: a copy of an in-memory database, to make tests fast. */
  pglite?: PGlite;
};

// Drizzle sends its own parsers (dates, timestamps and intervals left as text) with every query, and PGlite merges
// them into its table of some 400 parsers, one per type and array type, by object spread: about 0.4 ms of every
// query, most of the cost of a small one. So the drizzle parsers are installed once on the PGlite and drizzle talks
// to a view of it that leaves them out; raw SQL (pg-boss, backup) asks for PGlite's own date parsers back.
const asText = (value: string) => value;
const drizzleParsers = Object.fromEntries(
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((oid) => [oid, asText]),
);
const rawOptions: QueryOptions = {
  parsers: Object.fromEntries([types.TIMESTAMP, types.TIMESTAMPTZ, types.DATE].map((oid) => [oid, types.parsers[oid] ?? asText])),
};
const withoutParsers = (options?: QueryOptions) => (options ? { ...options, parsers: undefined } : options);

function drizzleView(pglite: PGlite): PGlite {
  Object.assign(pglite.parsers, drizzleParsers);
  const queries = (target: PGlite | Transaction) => ({
    query: <T>(text: string, params?: unknown[], options?: QueryOptions) => target.query<T>(text, params, withoutParsers(options)),
  });
  const view = {
    ...queries(pglite),
    transaction: <T>(work: (tx: Transaction) => Promise<T>) => pglite.transaction((tx) => work({ ...tx, ...queries(tx) })),
  };
  // Drizzle's PGlite session calls only query and transaction.
  return view as unknown as PGlite;
}

/**
 * Opens PostgreSQL: a server when `url` is given, otherwise PGlite in `dataDir` (or in memory for `memory://`).
 * @example const database = await openDatabase({ dataDir: './data' });
 */
export async function openDatabase(options: { url?: string; dataDir?: string; pglite?: PGlite }): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // A server restart or a dropped connection must not crash the process: the pool reconnects.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema });
    return {
      kind: 'postgres',
      db,
      async executeSql(text, values = []) {
        const result = await pool.query(text, values);
        return { rows: result.rows };
      },
      async rawTransaction(work) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const result = await work(async (text, values = []) => ({ rows: (await client.query(text, values)).rows }));
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback');
          throw error;
        } finally {
          client.release();
        }
      },
      migrate: () => migratePg(db, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  let client = options.pglite;
  if (!client) {
    const dir = options.dataDir ?? 'memory://';
    if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir.startsWith('memory://') ? undefined : resolve(dir), { extensions: pgliteExtensions });
  }
  const pglite = client;
  // One process owns a PGlite and its notifications tell it every change: the log of statistics commits that
  // processes sharing a PostgreSQL need (migration 0035) would only cost each write an insert.
  await pglite.exec("set relais.statistics_commits = 'off'");
  const db = Object.assign(drizzlePglite({ client: drizzleView(pglite), schema }), { $client: pglite });
  return {
    kind: 'pglite',
    db,
    pglite,
    async executeSql(text, values = []) {
      // PGlite's extended protocol takes one statement; pg-boss sends parameterless multi-statement scripts.
      if (values.length === 0 && text.includes(';')) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await pglite.query<Record<string, unknown>>(text, values, rawOptions);
      return { rows: result.rows };
    },
    rawTransaction: (work) =>
      pglite.transaction((tx) => work(async (text, values = []) => ({ rows: (await tx.query<Record<string, unknown>>(text, values, rawOptions)).rows }))),
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => pglite.close(),
  };
}
