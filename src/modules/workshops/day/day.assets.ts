import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * Files of the workshop-day pages, served from /static/ateliers-suivi/ under names that carry their hash (cached for
 * a year): one small stylesheet (roster, pictogram scale, printable pages) and the "Écouter" script of the feedback
 * form (a few hundred bytes, loaded on that form only).
 */
export type DayAsset = { body: string; contentType: string; name: string };

function named(base: string, extension: 'js' | 'css', body: string): DayAsset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { body, contentType: extension === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8', name: `${base}.${hash}.${extension}` };
}

function bundle(entry: string): string {
  const result = buildSync({ entryPoints: [resolve(import.meta.dirname, '../../../client', entry)], bundle: true, minify: true, format: 'iife', target: ['es2019'], write: false, logLevel: 'silent' });
  return result.outputFiles[0]?.text ?? '';
}

let assets: { styles: DayAsset; listen: DayAsset } | undefined;

function dayAssets(): { styles: DayAsset; listen: DayAsset } {
  assets ??= {
    styles: named('ateliers-suivi', 'css', readFileSync(resolve(import.meta.dirname, 'day.css'), 'utf8')),
    listen: named('ecouter', 'js', bundle('read-aloud.ts')),
  };
  return assets;
}

export const dayAssetBase = '/static/ateliers-suivi';

/** @example dayAssetHref('styles') // '/static/ateliers-suivi/ateliers-suivi.3f9a0c12be.css' */
export function dayAssetHref(which: 'styles' | 'listen'): string {
  return `${dayAssetBase}/${dayAssets()[which].name}`;
}

export function dayAssetByName(name: string): DayAsset | null {
  return Object.values(dayAssets()).find((a) => a.name === name) ?? null;
}
