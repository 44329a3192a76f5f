import type { Executor } from '../src/db/client.ts';
import { searchTextOf } from '../src/modules/places/places.commands.ts';
import { accessibilityFeatures, publics, services, type AccessibilityFeature, type Public, type Service, type Typology } from '../src/modules/places/places.enums.ts';
import { places } from '../src/modules/places/places.schema.ts';
import { newId } from '../src/platform/ids.ts';
import { communes, type Commune } from '../src/territory/index.ts';

/**
 * `count` generated places for the benchmark, spread over the 33 communes (about half in Greater Nouméa, as the
 * population), with the arrays and hours strings the forms write. The search text is computed by the command's own
 * `searchTextOf`, so that word search sees exactly what it would after `createPlace`. Deterministic: the same
 * `count` always gives the same places (ids aside).
 */
export async function generatePlaces(db: Executor, count: number): Promise<{ firstId: string | null }> {
  const random = seeded(20_260_924);
  const pick = <T>(list: readonly T[]): T => {
    const value = list[Math.floor(random() * list.length)];
    if (value === undefined) throw new Error('empty list');
    return value;
  };
  const some = <T>(list: readonly T[], chance: number, atLeastOne: boolean): T[] => {
    const chosen = list.filter(() => random() < chance);
    return chosen.length === 0 && atLeastOne ? [pick(list)] : chosen;
  };
  const weighted = communeWeights();
  const communeAt = (): Commune => {
    const r = random();
    const found = weighted.find((w) => r < w.upTo) ?? weighted[weighted.length - 1];
    if (!found) throw new Error('no communes');
    return found.commune;
  };

  let firstId: string | null = null;
  const batch: (typeof places.$inferInsert)[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await db.insert(places).values(batch);
    batch.length = 0;
  };
  for (let i = 1; i <= count; i++) {
    const commune = communeAt();
    const kind = pick(kinds);
    const locality = random() < 0.3 ? pick(localities) : null;
    const fields = {
      name: `${kind.name} ${pick(['de', 'de', 'de', 'du quartier de'])} ${locality ?? commune.name}${i % 7 === 0 ? ` (antenne ${1 + (i % 5)})` : ''}`,
      communeCode: commune.code,
      locality,
      address: locality ? '' : `${1 + (i % 120)} ${pick(streets)}`,
      parentStructure: random() < 0.2 ? pick(['Province Sud', 'Province Nord', 'Province des îles Loyauté', 'OPT-NC', 'Gouvernement de la Nouvelle-Calédonie']) : null,
      services: some<Service>(services, 0.3, true),
      typologies: [kind.typology],
    };
    const id = newId();
    firstId ??= id;
    const hasCoordinates = random() < 0.9;
    batch.push({
      id,
      ...fields,
      province: commune.province,
      postcode: commune.code === '98818' ? '98800' : `988${String(10 + (i % 90)).padStart(2, '0')}`,
      latitude: hasCoordinates ? round(commune.latitude + (random() - 0.5) * 0.12, 6) : null,
      longitude: hasCoordinates ? round(commune.longitude + (random() - 0.5) * 0.12, 6) : null,
      phone: random() < 0.8 ? `+687${String(200_000 + Math.floor(random() * 799_999))}` : null,
      emails: random() < 0.6 ? [`contact${i}@lieux.banc.nc`] : [],
      websites: random() < 0.3 ? [`https://lieu-${i}.banc.nc`] : [],
      openingHours: random() < 0.85 ? pick(hours) : null,
      openingHoursText: null,
      summary: random() < 0.5 ? `${kind.name} : accueil, aide et ateliers pour tous les publics.` : null,
      publics: some<Public>(publics, 0.15, false),
      fees: [random() < 0.6 ? 'gratuit' : random() < 0.5 ? 'gratuit_sous_condition' : 'payant'],
      accessibility: some<AccessibilityFeature>(accessibilityFeatures, 0.25, false),
      accessModes: ['se_presenter'],
      supportModes: some(['en_autonomie', 'accompagnement_individuel', 'atelier_collectif', 'a_distance'] as const, 0.4, true),
      languages: ['francais'],
      fixedComputers: Math.floor(random() * 12),
      searchText: searchTextOf(fields),
      createdAt: new Date(Date.now() - i * 3_600_000),
      updatedAt: new Date(Date.now() - i * 1_800_000),
    });
    if (batch.length === 500) await flush();
  }
  await flush();
  return { firstId };
}

const kinds: { name: string; typology: Typology }[] = [
  { name: 'Médiathèque', typology: 'BIB' },
  { name: 'Bibliothèque', typology: 'BIB' },
  { name: 'Cyberbase', typology: 'TIERS_LIEUX' },
  { name: 'Espace public numérique', typology: 'TIERS_LIEUX' },
  { name: 'Case numérique', typology: 'TIERS_LIEUX' },
  { name: 'Maison de quartier', typology: 'MQ' },
  { name: 'Mairie annexe', typology: 'MUNI' },
  { name: 'Centre communal d’action sociale', typology: 'CCAS' },
  { name: 'Point information jeunesse', typology: 'PIJ_BIJ' },
  { name: 'Agence OPT', typology: 'LA_POSTE' },
  { name: 'Association Lien numérique', typology: 'ASSO' },
  { name: 'Atelier solidaire', typology: 'ASSO' },
];

const localities = ['Tribu de Gohapin', 'Tribu de Néami', 'Tribu de Wagap', 'Tribu de Hnathalo', 'Tribu de Tiga', 'Vallée-du-Tir', 'Rivière-Salée', 'Magenta', 'Ducos', 'Saint-Louis', 'Plum', 'Tontouta', 'Népoui', 'Tiéa', 'La Foa village'];
const streets = ['rue de la République', 'avenue du Maréchal Foch', 'route Territoriale 1', 'rue Jules Ferry', 'rue des Cocotiers', 'route de la Mission', 'rue du Dock', 'allée des Flamboyants'];

/** Strings as the per-day form writes them (lunch breaks, Saturday mornings, closed on public holidays). */
const hours = [
  'Mo-Fr 07:30-11:30,12:15-16:00; PH off',
  'Mo-Fr 07:30-16:00; PH off',
  'Mo-Fr 08:00-12:00,13:00-17:00; Sa 08:00-12:00; PH off',
  'Mo,Tu,Th,Fr 07:30-11:30,13:00-16:00; We 07:30-12:00; PH off',
  'Tu-Sa 09:00-12:00,13:30-17:30; PH off',
  'Mo-Fr 07:00-15:00; PH off',
  'Mo-Fr 08:00-11:30,13:00-16:30; Sa 08:00-11:00; PH off',
  'We 13:00-17:00; Sa 09:00-12:00; PH off',
  'Mo-Th 07:30-11:30,12:30-16:30; Fr 07:30-11:30,12:30-15:30; PH off',
  'Mo-Fr 07:30-11:30,12:15-16:00; Sa 07:30-11:30; PH off',
  'Mo-Fr 09:00-17:00; Sa-Su 09:00-12:00',
  'Mo-Fr 07:30-11:30; PH off',
];

/** Communes drawn by rough population: Nouméa a third, the rest of Greater Nouméa a fifth, the others evenly. */
function communeWeights(): { commune: Commune; upTo: number }[] {
  const weightOf = (c: Commune) => (c.code === '98818' ? 12 : ['98805', '98817', '98821'].includes(c.code) ? 2.5 : 0.8);
  const total = communes.reduce((sum, c) => sum + weightOf(c), 0);
  let upTo = 0;
  return communes.map((commune) => {
    upTo += weightOf(commune) / total;
    return { commune, upTo };
  });
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** mulberry32: a small seeded generator, so that runs compare. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
