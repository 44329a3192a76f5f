import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * Files of the public pages of places, served from our own /static/lieux/ under names that carry their hash (cached
 * for a year): the pages' small stylesheet, the map loader (a few hundred bytes, on /lieux only), and the map itself
 * (Leaflet + our code) with Leaflet's stylesheet, fetched only when someone presses "Afficher la carte".
 */

export type PlaceAsset = { body: string; contentType: string; name: string };

const require = createRequire(import.meta.url);
const clientDirectory = resolve(import.meta.dirname, '../../client');

function named(base: string, extension: 'js' | 'css', body: string): PlaceAsset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const contentType = extension === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
  return { body, contentType, name: `${base}.${hash}.${extension}` };
}

function bundle(entry: string): string {
  const result = buildSync({
    entryPoints: [resolve(clientDirectory, entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2019'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

let assets: { styles: PlaceAsset; loader: PlaceAsset; map: PlaceAsset; mapStyles: PlaceAsset } | undefined;

/** Built once per process, at the first request that needs them. */
export function placeAssets(): { styles: PlaceAsset; loader: PlaceAsset; map: PlaceAsset; mapStyles: PlaceAsset } {
  assets ??= {
    styles: named('lieux', 'css', readFileSync(resolve(import.meta.dirname, 'views/public/places-public.css'), 'utf8')),
    loader: named('carte-bouton', 'js', bundle('places-map-loader.ts')),
    map: named('carte', 'js', bundle('places-map.ts')),
    // Leaflet's own stylesheet; its few image references are never used (circles, no image markers, no layer switcher).
    mapStyles: named('leaflet', 'css', readFileSync(require.resolve('leaflet/dist/leaflet.css'), 'utf8')),
  };
  return assets;
}

export const placeAssetBase = '/static/lieux';

/** @example placeAssetHref('styles') // '/static/lieux/lieux.3f9a0c12be.css' */
export function placeAssetHref(which: 'styles' | 'loader' | 'map' | 'mapStyles'): string {
  return `${placeAssetBase}/${placeAssets()[which].name}`;
}

/** A file of /static/lieux/ by name, or null. */
export function placeAssetByName(name: string): PlaceAsset | null {
  return Object.values(placeAssets()).find((a) => a.name === name) ?? null;
}
