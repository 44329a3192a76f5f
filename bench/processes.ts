import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');

const children = new Set<ChildProcess>();

/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export type Child = { process: ChildProcess; output: () => string; stop: () => Promise<void> };

/** Starts a child process whose output is kept (the last 20 000 characters) to explain a failure. */
export function startChild(args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', () => children.delete(child));
  return { process: child, output: () => output, stop: () => stopChild(child) };
}

/** SIGTERM (Relais stops gracefully and PGlite flushes), then SIGKILL after 10 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...children].map(stopChild));
}

/** Last resort on exit: nothing started by the benchmark outlives it. */
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Polls `url` every 20 ms until it answers 200; fails if the child exits or after `timeoutMs`. */
export async function waitForOk(url: string, child: Child, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`the process stopped before ${url} answered:\n${child.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s:\n${child.output()}`);
}

/** The environment of a Relais server started by the benchmark. */
export function relaisEnv(port: number, dataDir: string, databaseUrl: string | undefined): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
    DEMO: 'true',
    JOBS: 'false',
    LOG_LEVEL: 'warn',
    BASE_URL: `http://127.0.0.1:${port}`,
  };
}

export function startRelais(env: Record<string, string>): Child {
  return startChild(['bin/relais.mjs', 'serve'], env);
}

export function startHello(port: number): Child {
  return startChild(['--import', 'tsx', 'bench/hello.ts'], { PORT: String(port) });
}
