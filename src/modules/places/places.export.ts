import type { Executor } from '../../db/client.ts';
import { localDay } from '../../platform/format.ts';
import { communeByCode, provinceLabels } from '../../territory/index.ts';
import {
  accessModeLabels,
  accessibilityFeatureLabels,
  equipmentFeatureLabels,
  feeLabels,
  itineranceLabels,
  languageLabels,
  nationalSchemeLabels,
  publicLabels,
  serviceLabels,
  specificSupportLabels,
  supportModeLabels,
  trainingLabelExportOverrides,
  trainingLabelLabels,
} from './places.labels.ts';
import { toCsv } from './places.csv.ts';
import { allPlaces, type Place } from './places.queries.ts';

/**
 * The columns of the national standard (schema.json v1.0.2), in its order. The export never adds, drops or moves
 * one: New Caledonia's extras go to a second, extended file whose first columns are these.
 */
export const standardColumns = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const;
export type StandardColumn = (typeof standardColumns)[number];

/** New Caledonia's columns, after the standard's, in the extended file. */
export const extendedColumns = [
  'ridet',
  'province',
  'tribu_lieu_dit',
  'point_conseil_numerique',
  'case_numerique',
  'postes_fixes',
  'postes_portables',
  'tablettes',
  'equipements',
  'capacite',
  'transports_en_commun',
  'langues',
  'accessibilite',
  'horaires_texte',
] as const;
export type ExtendedColumn = (typeof extendedColumns)[number];

/** What the national tooling writes where no SIRET, RNA or RIDET is known. */
export const unknownPivot = '00000000000000';

// The standard's telephone pattern: French and overseas prefixes only; a number elsewhere (+61…) is left out.
const standardPhone = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/;

const join = (values: readonly string[]) => values.join('|');

/** Typologies are exported as data·inclusion codes; multi-valued cells separated by `|` (not `;`, whatever the README says). */
export function standardRow(place: Place): Record<StandardColumn, string> {
  const commune = communeByCode(place.communeCode);
  const communeName = commune?.name ?? place.communeCode;
  // `adresse` is required: a place in a tribe without a street gives its tribu or lieu-dit, or else the commune.
  const address = place.address.trim() || place.locality?.trim() || communeName;
  const complement = [place.addressComplement, place.address.trim() ? place.locality : null].filter((v): v is string => Boolean(v?.trim())).join(', ');
  return {
    id: place.id,
    pivot: place.ridet ? place.ridet.replace(/\D/g, '') : unknownPivot,
    nom: place.name,
    commune: communeName,
    code_postal: place.postcode,
    code_insee: place.communeCode,
    adresse: address,
    complement_adresse: complement,
    latitude: place.latitude === null ? '' : String(place.latitude),
    longitude: place.longitude === null ? '' : String(place.longitude),
    typologie: join(place.typologies),
    telephone: place.phone && standardPhone.test(place.phone) ? place.phone : '',
    courriels: join(place.emails),
    site_web: join(place.websites),
    horaires: place.openingHours ?? '',
    presentation_resume: place.summary ?? '',
    presentation_detail: place.description ?? '',
    source: place.source ?? '',
    itinerance: join(place.itinerance.map((v) => itineranceLabels[v])),
    structure_parente: place.parentStructure ?? '',
    date_maj: localDay(place.updatedAt),
    services: join(place.services.map((v) => serviceLabels[v])),
    publics_specifiquement_adresses: join(place.publics.map((v) => publicLabels[v])),
    prise_en_charge_specifique: join(place.specificSupports.map((v) => specificSupportLabels[v])),
    frais_a_charge: join(place.fees.map((v) => feeLabels[v])),
    dispositif_programmes_nationaux: join(place.nationalSchemes.map((v) => nationalSchemeLabels[v])),
    // The schema's pattern misspells one label (no space before the parenthesis): written its way to validate.
    formations_labels: join(place.trainingLabels.map((v) => trainingLabelExportOverrides[v] ?? trainingLabelLabels[v])),
    autres_formations_labels: join(place.otherLabels),
    modalites_acces: join(place.accessModes.map((v) => accessModeLabels[v])),
    modalites_accompagnement: join(place.supportModes.map((v) => supportModeLabels[v])),
    fiche_acces_libre: place.acceslibreUrl ?? '',
    prise_rdv: place.appointmentUrl ?? '',
  };
}

const count = (n: number | null) => (n === null ? '' : String(n));

export function extendedRow(place: Place, labelled: ReadonlySet<string>): Record<ExtendedColumn, string> {
  return {
    ridet: place.ridet ?? '',
    province: provinceLabels[place.province],
    tribu_lieu_dit: place.locality ?? '',
    point_conseil_numerique: place.isAdviceCounter ? 'oui' : 'non',
    case_numerique: labelled.has(place.id) ? 'oui' : 'non',
    postes_fixes: count(place.fixedComputers),
    postes_portables: count(place.laptops),
    tablettes: count(place.tablets),
    equipements: join(place.equipment.map((v) => equipmentFeatureLabels[v])),
    capacite: count(place.capacity),
    transports_en_commun: place.transportLines ?? '',
    langues: join(place.languages.map((v) => languageLabels[v])),
    accessibilite: join(place.accessibility.map((v) => accessibilityFeatureLabels[v])),
    horaires_texte: place.openingHoursText ?? '',
  };
}

export type ExportFormat = 'csv' | 'json';
export type ExportOptions = { format: ExportFormat; extended?: boolean; labelled?: ReadonlySet<string> };

/**
 * The open-data file of every place (merged duplicates left out): CSV as the standard's example (every cell
 * quoted, `|` between values), or JSON (an array of objects with the same keys in the same order; empty cells
 * are null, latitude and longitude numbers).
 * @example const csv = await exportPlaces(db, { format: 'csv' })
 */
export async function exportPlaces(db: Executor, options: ExportOptions): Promise<string> {
  return renderExport(await allPlaces(db), options);
}

/** The same, from places already loaded (tests, the bench). */
export function renderExport(list: readonly Place[], options: ExportOptions): string {
  const labelled = options.labelled ?? new Set<string>();
  const columns: readonly string[] = options.extended ? [...standardColumns, ...extendedColumns] : standardColumns;
  const rows = list.map((place): Record<string, string> => (options.extended ? { ...standardRow(place), ...extendedRow(place, labelled) } : standardRow(place)));
  if (options.format === 'csv') return toCsv([columns, ...rows.map((row) => columns.map((c) => row[c] ?? ''))]);
  const numeric = new Set(['latitude', 'longitude', 'postes_fixes', 'postes_portables', 'tablettes', 'capacite']);
  const objects = rows.map((row) => Object.fromEntries(columns.map((c) => {
    const value = row[c] ?? '';
    return [c, value === '' ? null : numeric.has(c) ? Number(value) : value];
  })));
  return `${JSON.stringify(objects, null, 1)}\n`;
}
