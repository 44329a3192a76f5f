import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { createGzip, gunzip } from 'node:zlib';
import { z } from 'zod';
import type { Database } from '../db/client.ts';

/**
 * A logical backup: every table of the application's schema as JSON rows, in an order that respects foreign keys,
 * gzipped. The same file restores into PGlite or a PostgreSQL server (migrations first), so it also moves a
 * Relais from the embedded database to a server. pg-boss's own schema is not included: queued jobs are re-made
 * by the schedules.
 */
const format = 'relais-backup/1';

const backupSchema = z.object({
  format: z.string(),
  createdAt: z.string(),
  migrations: z.number().int().min(0),
  tables: z.array(z.object({ name: z.string(), rows: z.array(z.record(z.string(), z.unknown())) })),
});
type Backup = z.infer<typeof backupSchema>;

/** A backup that cannot be restored, explained in French for the operator; the database was not changed. */
export class BackupError extends Error {
  override name = 'BackupError';
}

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
  const names = tables.map((t) => String(t.name)).filter((name) => !derivedTables.has(name));
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

/**
 * Tables whose content is derived and rewritten by triggers (the places search token): never backed up, and left
 * to the triggers on restore — inserting the places bumps the token again.
 */
export const derivedTables: ReadonlySet<string> = new Set([
  'places_search_version',
  // Statistics aggregates: emptied by a TRUNCATE trigger on activities and refilled as the restore inserts them.
  'activity_stat_months',
  'activity_stat_changes',
  'activity_stat_commits',
  'activity_stats_people',
  // Its one row counts the folds (each one announces a change to the reports kept in memory): kept as it is.
  'activity_stat_state',
]);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes every application table to `file` (gzipped JSON).
 * @example await backupTo(database, '/var/backups/relais-2025-01-31.json.gz')
 */
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
  // Written beside the target then renamed: a failed backup never replaces a good one with half a file.
  const partial = `${file}.partiel`;
  try {
    await pipeline(Readable.from([JSON.stringify(backup)]), createGzip(), createWriteStream(partial));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw new BackupError(`Impossible d’écrire la sauvegarde dans « ${file} » : ${error instanceof Error ? error.message : String(error)}`);
  }
  return { tables: tables.length, rows: rowCount };
}

/**
 * Replaces every application table's content with the backup's, in one transaction: either all of it is
 * restored, or nothing changes. The database must be migrated to the same version as the backup. The whole file
 * is read and checked first; every expected failure is a BackupError with a French message.
 * @example await restoreFrom(database, '/var/backups/relais-2025-01-31.json.gz')
 */
export async function restoreFrom(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const backup = await readBackup(file);
  const { rows: migrations } = await database.executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
  if (Number(migrations[0]?.n ?? 0) !== backup.migrations) {
    throw new BackupError(`La sauvegarde vient d’une autre version du schéma (${backup.migrations} migrations, la base en a ${migrations[0]?.n}). Mettez Relais à la même version. La base n’a pas été modifiée.`);
  }
  const order = await tablesInDependencyOrder(database);
  const unknown = backup.tables.map((t) => t.name).filter((name) => !order.includes(name));
  if (unknown.length > 0) {
    throw new BackupError(`La sauvegarde contient des tables que cette base n’a pas (${unknown.join(', ')}). La base n’a pas été modifiée.`);
  }
  let rowCount = 0;
  let current = '';
  try {
    await database.rawTransaction(async (execute) => {
      await execute(`truncate ${order.map(quote).join(', ')} cascade`);
      for (const name of order) {
        current = name;
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
  } catch (error) {
    throw new BackupError(
      `La restauration a échoué sur la table « ${current} » : la base n’a pas été modifiée. Détail : ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return { tables: order.length, rows: rowCount };
}

/** Reads and checks a backup file completely before anything touches the database. */
async function readBackup(file: string): Promise<Backup> {
  let raw: string;
  try {
    // The whole backup is held in memory anyway (it is parsed as one JSON document).
    raw = (await promisify(gunzip)(await readFile(file))).toString('utf8');
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    throw new BackupError(
      missing
        ? `Le fichier « ${file} » n’existe pas. La base n’a pas été modifiée.`
        : `« ${file} » n’est pas une sauvegarde Relais lisible (fichier abîmé, tronqué ou pas au format .json.gz). La base n’a pas été modifiée.`,
      { cause: error },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new BackupError(`« ${file} » n’est pas une sauvegarde Relais lisible (contenu JSON invalide). La base n’a pas été modifiée.`, { cause: error });
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success || parsed.data.format !== format) {
    const found = parsed.success ? parsed.data.format : 'inconnu';
    throw new BackupError(`« ${file} » n’est pas une sauvegarde Relais (format « ${found} », attendu « ${format} »). La base n’a pas été modifiée.`);
  }
  return parsed.data;
}
