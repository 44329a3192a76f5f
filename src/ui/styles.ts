import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const uiDirectory = fileURLToPath(new URL('.', import.meta.url));

let cached: { css: string; hash: string } | undefined;

/** Component stylesheets, as paths relative to `src/ui`, in alphabetical order. */
function componentStylesheets(): string[] {
  const componentsDirectory = join(uiDirectory, 'components');
  const files: string[] = [];
  for (const entry of readdirSync(componentsDirectory, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of readdirSync(join(componentsDirectory, entry.name))) {
      if (file.endsWith('.css')) files.push(`components/${entry.name}/${file}`);
    }
  }
  // Code-point order, so the result does not depend on the machine's locale.
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The whole stylesheet of the interface: `base.css`, then every component's CSS in alphabetical order.
 * Read once, at the first call; `hash` (10 hex digits of SHA-256) names the file so it can be cached forever.
 *
 * @example
 * app.get(stylesheetHref(), (c) => c.body(stylesheet().css, 200, { 'content-type': 'text/css; charset=utf-8' }));
 */
export function stylesheet(): { css: string; hash: string } {
  if (cached) return cached;
  const parts = ['base.css', ...componentStylesheets()].map(
    (path) => `/* ${path} */\n${readFileSync(join(uiDirectory, path), 'utf8').trim()}\n`,
  );
  const css = parts.join('\n');
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 10);
  cached = { css, hash };
  return cached;
}

/**
 * The URL of the stylesheet, which changes whenever its content does.
 *
 * @example
 * <link rel="stylesheet" href={stylesheetHref()} /> // /static/relais.3f9a0c12be.css
 */
export function stylesheetHref(): string {
  return `/static/relais.${stylesheet().hash}.css`;
}
