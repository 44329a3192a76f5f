import { readFile, writeFile } from 'node:fs/promises';
import type { Database } from '../db/client.ts';
import { labelledPlaceIds } from '../modules/case-label/index.ts';
import { applyImport, exportPlaces, planImport, planReport } from '../modules/places/index.ts';

/**
 * `relais import lieux FICHIER [--appliquer]`: prints the dry-run report; with --appliquer, writes everything in one
 * transaction, or nothing when a row is in error. Returns the exit code.
 */
export async function importPlacesCommand(database: Database, file: string, options: { apply: boolean }): Promise<number> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch {
    console.error(`Impossible de lire le fichier « ${file} ».`);
    return 1;
  }
  const plan = await planImport(database.db, content, file);
  console.log(planReport(plan));
  if (plan.fileError || plan.counts.error > 0) {
    console.error(options.apply ? '\nRien n’a été importé : corrigez les erreurs ci-dessus, puis relancez.' : '\nCorrigez les erreurs ci-dessus avant d’importer.');
    return 1;
  }
  if (!options.apply) {
    console.log('\nSimulation : rien n’a été écrit. Relancez avec --appliquer pour importer.');
    return 0;
  }
  const applied = await database.db.transaction((tx) => applyImport(tx, null, plan));
  if (!applied.ok) {
    console.error('\nRien n’a été importé.');
    return 1;
  }
  const { created, updated, unchanged, skipped } = applied.value;
  console.log(`\nImport terminé : ${created} lieux créés, ${updated} mis à jour, ${unchanged} inchangés, ${skipped} ignorés.`);
  return 0;
}

/** `relais export lieux [--format csv|json] [--etendu] [--sortie FICHIER]`: to the file, or to standard output. */
export async function exportPlacesCommand(database: Database, options: { format: 'csv' | 'json'; extended: boolean; output: string | undefined }): Promise<number> {
  const labelled = options.extended ? new Set(await labelledPlaceIds(database.db)) : new Set<string>();
  const content = await exportPlaces(database.db, { format: options.format, extended: options.extended, labelled });
  if (options.output) {
    await writeFile(options.output, content, 'utf8');
    console.error(`Export écrit dans « ${options.output} ».`);
  } else process.stdout.write(content);
  return 0;
}
