import type { Db } from '../../db/client.ts';
import { deleteStoredFile } from '../../platform/files.ts';
import { purgeInactiveBeneficiaries } from './beneficiaries.commands.ts';

/**
 * The daily job: erases the files of people who received no help for `months` months (their records stay in the
 * statistics, anonymised; each erasure is audited), then removes their signed mandate papers from disk once the
 * erasure is committed. Idempotent: a second run the same day finds nothing to do.
 * @example await runBeneficiaryPurge(db, { months: 24, dataDir: './data' }) // { erased: 2 }
 */
export async function runBeneficiaryPurge(db: Db, options: { months: number; dataDir: string; now?: Date }): Promise<{ erased: number }> {
  let erased = 0;
  // In batches, so that one transaction stays small even the first time the job meets years of files.
  for (;;) {
    const batch = await db.transaction((tx) => purgeInactiveBeneficiaries(tx, { months: options.months, now: options.now, batch: 200 }));
    for (const key of batch.fileKeys) await deleteStoredFile(options.dataDir, key);
    erased += batch.erased;
    if (batch.erased < 200) return { erased };
  }
}
