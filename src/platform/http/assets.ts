import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { stylesheet } from '../../ui/styles.ts';

export type Asset = { body: string; contentType: string; hash: string };

let script: Asset | undefined;

/**
 * The browser script, bundled and minified from `src/client/` once per process. Served under a name with its
 * hash, so that it can be cached for a year.
 */
export function clientScript(): Asset {
  if (!script) {
    const result = buildSync({
      entryPoints: [resolve(import.meta.dirname, '../../client/main.ts')],
      bundle: true,
      minify: true,
      format: 'iife',
      target: ['es2019'],
      write: false,
      logLevel: 'silent',
    });
    const body = result.outputFiles[0]?.text ?? '';
    script = { body, contentType: 'text/javascript; charset=utf-8', hash: createHash('sha256').update(body).digest('hex').slice(0, 10) };
  }
  return script;
}

export function clientScriptHref(): string {
  return `/static/relais.${clientScript().hash}.js`;
}

/** Finds a static asset by its hashed file name. */
export function assetByName(file: string): Asset | null {
  const css = stylesheet();
  if (file === `relais.${css.hash}.css`) return { body: css.css, contentType: 'text/css; charset=utf-8', hash: css.hash };
  const js = clientScript();
  if (file === `relais.${js.hash}.js`) return js;
  return null;
}
