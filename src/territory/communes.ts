import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Province } from './provinces.ts';

const provinceFromFile: Record<string, Province> = { Sud: 'sud', Nord: 'nord', 'Îles Loyauté': 'iles' };

export type Commune = {
  /** COG code, 988xx. */
  code: string;
  name: string;
  province: Province;
  latitude: number;
  longitude: number;
  variants: string[];
};

function parseCommunes(csv: string): Commune[] {
  const [, ...lines] = csv.trim().split(/\r?\n/);
  return lines.map((line) => {
    const [code, name, province, latitude, longitude, variants] = line.split(',');
    const p = provinceFromFile[province ?? ''];
    if (!code || !name || !p) throw new Error(`communes.csv: ligne illisible « ${line} »`);
    return {
      code,
      name,
      province: p,
      latitude: Number(latitude),
      longitude: Number(longitude),
      variants: variants ? variants.split('|').filter(Boolean) : [],
    };
  });
}

/** The 33 communes, from `communes.csv` (a copy of the shared reference file), sorted by name. */
export const communes: readonly Commune[] = parseCommunes(
  readFileSync(resolve(import.meta.dirname, 'communes.csv'), 'utf8'),
).sort((a, b) => a.name.localeCompare(b.name, 'fr'));

const byCode = new Map(communes.map((c) => [c.code, c]));

/** @example communeByCode('98818')?.name // 'Nouméa' */
export function communeByCode(code: string): Commune | undefined {
  return byCode.get(code);
}

/** Lower case, no accents, no punctuation: how people's spellings of a name are compared. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const byFoldedName = new Map<string, Commune>();
for (const c of communes) for (const n of [c.name, ...c.variants]) byFoldedName.set(foldName(n), c);

/** Finds a commune from any usual spelling. @example communeByName('Mont-Dore')?.code // '98817' */
export function communeByName(name: string): Commune | undefined {
  return byFoldedName.get(foldName(name));
}
