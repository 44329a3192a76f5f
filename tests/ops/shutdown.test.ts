import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { databaseTarget, ensureStopped, startRelais, type RunningRelais } from './support.ts';

/** pino's JSON lines; anything else on stdout fails the test. */
function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        assert.fail(`a log line is not JSON: ${line}`);
      }
    });
}

describe('graceful shutdown', () => {
  it('answers /healthz while up, logs each request as JSON with its request id, and exits 0 soon after SIGTERM', async () => {
    const target = await databaseTarget({ migrated: true });
    let relais: RunningRelais | undefined;
    try {
      // Jobs on: stopping must also stop the queue's workers and timers, or the process would hang.
      relais = await startRelais({ ...target.env, DEMO: 'false', JOBS: 'true', LOG_LEVEL: 'info' });
      const health = await fetch(`${relais.url}/healthz`);
      assert.equal(health.status, 200);
      const served = health.headers.get('x-request-id');
      assert.ok(served, 'every answer carries its request id');
      const chosen = await fetch(`${relais.url}/page-qui-n-existe-pas`, { headers: { 'x-request-id': 'essai-arret-123' } });
      assert.equal(chosen.status, 404);
      assert.equal(chosen.headers.get('x-request-id'), 'essai-arret-123');

      const asked = Date.now();
      relais.child.kill('SIGTERM');
      const code = await relais.exited;
      const tookMs = Date.now() - asked;
      assert.equal(code, 0, relais.output().stderr);
      assert.ok(tookMs < 8_000, `stopping took ${tookMs} ms`);
      await assert.rejects(fetch(`${relais.url}/healthz`), 'nothing listens after the stop');

      const lines = jsonLines(relais.output().stdout);
      const requests = lines.filter((l) => l.msg === 'request');
      const health200 = requests.find((l) => l.requestId === served);
      assert.ok(health200, `the /healthz request is logged with id ${served}`);
      assert.equal(health200.status, 200);
      assert.equal(health200.path, '/healthz');
      assert.equal(typeof health200.ms, 'number');
      assert.ok(requests.some((l) => l.requestId === 'essai-arret-123' && l.status === 404));
      const messages = lines.map((l) => l.msg);
      assert.ok(messages.indexOf('stopping') < messages.indexOf('stopped') && messages.includes('stopping'), `logs: ${messages.join(' | ')}`);
      for (const line of lines) assert.equal(line.service, 'relais');
    } finally {
      await ensureStopped(relais);
      await target.cleanup();
    }
  });
});
