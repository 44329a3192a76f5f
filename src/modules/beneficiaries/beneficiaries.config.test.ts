import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { ConfigError, loadConfig } from '../../config.ts';
import { tmpdir } from 'node:os';
import { testDatabase } from '../../../tests/support/test-app.ts';
import { jobDefinitions } from '../../jobs.ts';

function problemsWith(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.message;
  }
  assert.fail(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('retention of followed people’s files', () => {
  it('keeps inactive files 24 months by default, or the months configured', () => {
    assert.equal(loadConfig({}).beneficiaryRetentionMonths, 24);
    assert.equal(loadConfig({ BENEFICIARY_RETENTION_MONTHS: '36' }).beneficiaryRetentionMonths, 36);
  });

  it('refuses a period that is not a whole number of months between 1 and 120, in French', () => {
    assert.match(problemsWith({ BENEFICIARY_RETENTION_MONTHS: 'deux ans' }), /BENEFICIARY_RETENTION_MONTHS doit être un nombre de mois, par exemple 24/);
    assert.match(problemsWith({ BENEFICIARY_RETENTION_MONTHS: '1.5' }), /BENEFICIARY_RETENTION_MONTHS doit être un nombre entier de mois/);
    assert.match(problemsWith({ BENEFICIARY_RETENTION_MONTHS: '0' }), /BENEFICIARY_RETENTION_MONTHS doit être d’au moins 1 mois/);
    assert.match(problemsWith({ BENEFICIARY_RETENTION_MONTHS: '500' }), /BENEFICIARY_RETENTION_MONTHS doit être de 120 mois au plus/);
  });

  it('runs the purge as a daily job, and the job does nothing on a database without old files', async () => {
    const { database, drop } = await testDatabase();
    try {
      const jobs = jobDefinitions(loadConfig({ DATA_DIR: tmpdir() }), database, pino({ level: 'silent' }));
      const purge = jobs.find((j) => j.name === 'beneficiaries.purge');
      assert.ok(purge);
      assert.match(purge.cron ?? '', /^\d+ \d+ \* \* \*$/);
      await purge.handle();
    } finally {
      await drop();
    }
  });
});
