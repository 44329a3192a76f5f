import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { runRelais } from './support.ts';

/** The problems loadConfig reports for this environment (fails the test when it accepts it). */
function problemsWith(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.message;
  }
  assert.fail(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('configuration from the environment', () => {
  it('starts on port 3000 with data in ./data, in Nouméa’s time zone, in demo mode, when nothing is set', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, './data');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.timeZone, 'Pacific/Noumea');
    assert.equal(config.demo, true);
    assert.equal(config.jobs, true);
    assert.equal(config.smtpUrl, undefined);
    assert.equal(config.smsGateway, undefined);
  });

  it('turns the demo off by default on a PostgreSQL server, so fake people never mix with real ones', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://relais@127.0.0.1:5432/relais' });
    assert.equal(config.databaseUrl, 'postgres://relais@127.0.0.1:5432/relais');
    assert.equal(config.demo, false);
    assert.equal(loadConfig({ DATABASE_URL: 'postgresql://relais@db/relais', DEMO: 'oui' }).demo, true);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', TZ: '' });
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.timeZone, 'Pacific/Noumea');
  });

  it('reads the values it is given', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/srv/relais', TZ: 'Pacific/Efate', DEMO: 'false', JOBS: '0', BASE_URL: 'https://relais.nc/' });
    assert.equal(config.port, 8080);
    assert.equal(config.dataDir, '/srv/relais');
    assert.equal(config.timeZone, 'Pacific/Efate');
    assert.equal(config.demo, false);
    assert.equal(config.jobs, false);
    assert.equal(config.baseUrl, 'https://relais.nc');
  });

  const refusals: { env: Record<string, string>; variable: string; says: RegExp }[] = [
    { env: { PORT: 'abc' }, variable: 'PORT', says: /doit être un nombre/ },
    { env: { PORT: '70000' }, variable: 'PORT', says: /entre 0 et 65535/ },
    { env: { DATABASE_URL: 'mysql://x' }, variable: 'DATABASE_URL', says: /commençant par postgres:\/\/ ou postgresql:\/\/, par exemple postgres:\/\// },
    { env: { TZ: 'Mars/Olympus' }, variable: 'TZ', says: /fuseau horaire.*Pacific\/Noumea/ },
    { env: { DEMO: 'peut-être' }, variable: 'DEMO', says: /doit valoir « true » ou « false »/ },
    { env: { SMTP_URL: 'http://x' }, variable: 'SMTP_URL', says: /commençant par smtp:\/\/ ou smtps:\/\/, par exemple smtp:\/\// },
    { env: { SMS_GATEWAY_TOKEN: 'secret' }, variable: 'SMS_GATEWAY_URL', says: /n’est pas défini|ne l’est pas/ },
  ];
  for (const { env, variable, says } of refusals) {
    const [[name = '', value = ''] = []] = Object.entries(env);
    it(`refuses ${name}=${value} with a French message that names ${variable} and the value received`, () => {
      const message = problemsWith(env);
      assert.match(message, /^Configuration invalide :/);
      assert.match(message, new RegExp(`\\b${variable}\\b`));
      assert.match(message, says);
      if (name !== 'SMS_GATEWAY_TOKEN') assert.ok(message.includes(`« ${value} »`), message);
    });
  }

  it('lists every problem at once rather than one per attempt', () => {
    const message = problemsWith({ PORT: 'abc', TZ: 'Mars/Olympus' });
    assert.match(message, /PORT/);
    assert.match(message, /TZ/);
  });

  it('stops `relais serve` with exit code 1 and a message naming PORT when PORT is not a number', async () => {
    const result = await runRelais(['serve'], { PORT: 'abc' });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Configuration invalide/);
    assert.match(result.stderr, /PORT doit être un nombre/);
    // A configuration mistake is the operator's, not a crash: no stack trace.
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});
