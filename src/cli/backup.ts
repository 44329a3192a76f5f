import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { text } from 'node:stream/consumers';
import type { Database } from '../db/client.ts';

/**
 * A logical backup: every table of the application's schema as JSON rows, in an order that respects foreign keys,
 * gzipped. The same file restores into PGlite or a PostgreSQL server (migrations first), so it also moves a
 * Relais from the embedded database to a server. pg-boss's own schema is not included: queued jobs are re-made
 * by the schedules.
 */
const format = 'relais-backup/1';

type Backup = { format: string; createdAt: string; migrations: number; tables: { name: string; rows: Record<string, unknown>[] }[] };

/** Tables of the public schema, parents before children. */
async function tablesInDependencyOrder(database: Database): Promise<string[]> {
  const { rows: tables } = await database.executeSql(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const { rows: edges } = await database.executeSql(
    `select tc.table_name as child, ccu.table_name as parent
       from information_schema.table_constraints tc
       join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`,
  );
  const names = tables.map((t) => String(t.name));
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(String(e.child))?.add(String(e.parent));
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const p of parents.get(name) ?? []) visit(p, path);
    ordered.push(name);
  };
  for (const n of names) visit(n, new Set());
  return ordered;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function backupTo(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const tables: Backup['tables'] = [];
  let rowCount = 0;
  for (const name of await tablesInDependencyOrder(database)) {
    const { rows } = await database.executeSql(`select coalesce(json_agg(t), '[]'::json) as rows from ${quote(name)} t`);
    const list = rows[0]?.rows;
    const parsed: Record<string, unknown>[] = typeof list === 'string' ? JSON.parse(list) : Array.isArray(list) ? list : [];
    tables.push({ name, rows: parsed });
    rowCount += parsed.length;
  }
  const { rows: migrations } = await database.executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
  const backup: Backup = { format, createdAt: new Date().toISOString(), migrations: Number(migrations[0]?.n ?? 0), tables };
  await pipeline(Readable.from([JSON.stringify(backup)]), createGzip(), createWriteStream(file));
  return { tables: tables.length, rows: rowCount };
}

/**
 * Replaces every application table's content with the backup's, in one transaction: either all of it is
 * restored, or nothing changes. The database must be migrated to the same version as the backup.
 */
export async function restoreFrom(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const raw = await text(createReadStream(file).pipe(createGunzip()));
  const backup: Backup = JSON.parse(raw);
  if (backup.format !== format) throw new Error(`Ce fichier n’est pas une sauvegarde Relais (format « ${backup.format} »).`);
  const { rows: migrations } = await database.executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
  if (Number(migrations[0]?.n ?? 0) !== backup.migrations) {
    throw new Error(`La sauvegarde vient d’une autre version du schéma (${backup.migrations} migrations, la base en a ${migrations[0]?.n}). Mettez Relais à la même version.`);
  }
  const order = await tablesInDependencyOrder(database);
  let rowCount = 0;
  await database.rawTransaction(async (execute) => {
    await execute(`truncate ${order.map(quote).join(', ')} cascade`);
    for (const name of order) {
      const table = backup.tables.find((t) => t.name === name);
      if (!table || table.rows.length === 0) continue;
      // json_populate_recordset converts every column to its own type, enums and arrays included.
      for (let i = 0; i < table.rows.length; i += 500) {
        const chunk = table.rows.slice(i, i + 500);
        await execute(`insert into ${quote(name)} select * from json_populate_recordset(null::${quote(name)}, $1::json)`, [JSON.stringify(chunk)]);
      }
      rowCount += table.rows.length;
    }
  });
  return { tables: order.length, rows: rowCount };
}
