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

/** Self-hosted fonts from their npm packages, sent only to people who choose them in "Paramètres d'affichage". */
const fontFamilies = {
  atkinson: { family: 'Atkinson Hyperlegible', folder: '@fontsource/atkinson-hyperlegible/files', prefix: 'atkinson-hyperlegible' },
  opendyslexic: { family: 'OpenDyslexic', folder: '@fontsource/opendyslexic/files', prefix: 'opendyslexic' },
} as const;
export type ChosenFont = keyof typeof fontFamilies;

const fontFiles = new Map<string, string>();
for (const { folder, prefix } of Object.values(fontFamilies)) {
  for (const weight of ['400', '700']) {
    for (const style of ['normal', 'italic']) {
      const file = `${prefix}-latin-${weight}-${style}.woff2`;
      fontFiles.set(file, resolve(import.meta.dirname, '../../../node_modules', folder, file));
    }
  }
}

function fontStylesheet(font: ChosenFont): string {
  const { family, prefix } = fontFamilies[font];
  return ['400', '700']
    .flatMap((weight) =>
      ['normal', 'italic'].map(
        (style) =>
          `@font-face{font-family:"${family}";font-style:${style};font-weight:${weight};font-display:swap;src:url(/static/fonts/${prefix}-latin-${weight}-${style}.woff2) format("woff2")}`,
      ),
    )
    .join('\n');
}

/** The stylesheet declaring a chosen font, or none for the system font. */
export function fontStylesheetHref(font: 'system' | ChosenFont): string | null {
  return font === 'system' ? null : `/static/fonts-${font}.css`;
}

/** A font file or a font stylesheet by name, or null. */
export function fontAsset(file: string): { path: string } | { css: string } | null {
  const css = /^fonts-(atkinson|opendyslexic)\.css$/.exec(file)?.[1];
  if (css === 'atkinson' || css === 'opendyslexic') return { css: fontStylesheet(css) };
  const path = fontFiles.get(file);
  return path ? { path } : null;
}
