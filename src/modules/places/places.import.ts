import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authorize, type Actor } from '../../platform/authz/index.ts';
import { fail, ok, type Result } from '../../platform/result.ts';
import { toE164 } from '../../platform/phone.ts';
import { communeByCode, communeByName, foldName, type Commune } from '../../territory/index.ts';
import { normaliseRidet } from '../organisations/index.ts';
import { diffPlace, sameUnmapped, upsertImportedPlaces, type ImportedPlace } from './places.commands.ts';
import { parseCsv } from './places.csv.ts';
import {
  accessModes,
  fees,
  itinerances,
  nationalSchemes,
  publics,
  services,
  specificSupports,
  supportModes,
  trainingLabels,
  typologies,
  type AccessibilityFeature,
  type EquipmentFeature,
  type NationalScheme,
  type Public,
  type Service,
  type SupportMode,
  type Typology,
} from './places.enums.ts';
import { placeFieldLabels, placeFieldOrder, placeFields, type PlaceFieldName, type PlaceFields } from './places.forms.ts';
import { hoursFromFreeText, validateOpeningHours } from './places.hours.ts';
import {
  accessModeLabels,
  feeLabels,
  itineranceLabels,
  nationalSchemeLabels,
  publicLabels,
  serviceLabels,
  specificSupportLabels,
  supportModeLabels,
  trainingLabelExportOverrides,
  trainingLabelLabels,
  typologyLabels,
} from './places.labels.ts';
import { findPlaces, placesByImportKeys, type Place } from './places.queries.ts';
import { places, type Unmapped } from './places.schema.ts';

// Reads three kinds of files into places, first as a dry run (a report, nothing written), then for real in one
// transaction: the national standard as CSV or JSON, and the 2023–2024 collection of New Caledonia's places (92
// records, free text everywhere: see the shared data README).

export type ImportFormat = 'nc-2024' | 'standard-csv' | 'standard-json';
export const importFormatLabels = {
  'nc-2024': 'Recensement des lieux de Nouvelle-Calédonie (2023–2024)',
  'standard-csv': 'Standard national des lieux de médiation numérique (CSV)',
  'standard-json': 'Standard national des lieux de médiation numérique (JSON)',
} as const satisfies Record<ImportFormat, string>;

export type RowOutcome = 'create' | 'update' | 'unchanged' | 'merged' | 'duplicate' | 'error';

export type ImportRow = {
  /** How people find the record in their file: line number for CSV (header is line 1), position for JSON. */
  row: number;
  name: string;
  communeName: string | null;
  outcome: RowOutcome;
  /** Blocking: the whole import waits until they are fixed. */
  errors: string[];
  /** Not blocking: what was corrected, dropped or needs a check (postcode 98800 outside Nouméa…). */
  warnings: string[];
  /** Fields that will change, for an update. */
  changed: string[];
  record: ImportedPlace | null;
};

export type UnmappedValue = { field: keyof Unmapped; value: string; rows: number[] };

export type ImportPlan = {
  format: ImportFormat | null;
  /** A problem with the whole file (unreadable, unknown format, empty). */
  fileError: string | null;
  rows: ImportRow[];
  counts: Record<RowOutcome, number>;
  /** Every value that could not be mapped to the standard's enumerations, with the rows it came from. */
  unmapped: UnmappedValue[];
  /** Rows whose postcode was 98800 although the commune is not Nouméa. */
  postcodeFlags: number[];
};

export const unmappedFieldLabels = {
  typologie: 'Typologie',
  services: 'Services et thématiques',
  publics: 'Publics',
  horaires: 'Horaires',
  autres: 'Autres informations',
} as const satisfies Record<keyof Unmapped, string>;

/** The 92 places of the 2023–2024 collection (a copy of the shared data file): what the demo seed imports. */
export const demoPlacesFile = resolve(import.meta.dirname, 'data/lieux-nouvelle-caledonie-2024.json');

/** Where a file cannot hold more: a protection, far above the territory's few hundred places. */
export const maxImportRows = 5000;

// --- Reading the file ---------------------------------------------------------------------------------------------

/** Not a column name anyone uses: where the reader notes a CSV row of the wrong length. */
const cellCountKey = '\u0000cellules';

type RawRecord = { row: number; values: Record<string, unknown> };
type ParsedFile = { ok: true; format: ImportFormat; records: RawRecord[] } | { ok: false; error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Finds the format from the content (the file name only breaks a tie) and reads the records.
 * @example parseImportFile('[{"nom": "…", "horaires_lundi": "…"}]') // { ok: true, format: 'nc-2024', records: [...] }
 */
export function parseImportFile(text: string, filename = ''): ParsedFile {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, error: 'Le fichier est vide.' };
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      const detail = error instanceof Error ? error.message : '';
      return { ok: false, error: `Le fichier JSON est illisible (${detail}). Vérifiez qu’il s’agit bien d’un export JSON.` };
    }
    // Some exports wrap the list: { "lieux": [...] } or { "data": [...] }.
    const list = Array.isArray(data) ? data : isRecord(data) ? Object.values(data).find((v) => Array.isArray(v)) : undefined;
    if (!Array.isArray(list)) return { ok: false, error: 'Le fichier JSON doit contenir une liste de lieux.' };
    if (list.length === 0) return { ok: false, error: 'Le fichier ne contient aucun lieu.' };
    if (list.length > maxImportRows) return { ok: false, error: `Le fichier contient ${list.length} lieux : ${maxImportRows} au plus par import.` };
    const records: RawRecord[] = [];
    for (const [i, item] of list.entries()) {
      if (!isRecord(item)) return { ok: false, error: `Fiche ${i + 1} : ce n’est pas un lieu (un objet JSON est attendu).` };
      records.push({ row: i + 1, values: item });
    }
    const first = records[0]?.values ?? {};
    const isNc = 'horaires_lundi' in first || 'geolocalisation' in first || 'date_soumission' in first;
    return { ok: true, format: isNc ? 'nc-2024' : 'standard-json', records };
  }
  if (/\.json$/i.test(filename)) return { ok: false, error: 'Le fichier JSON est illisible : il doit commencer par [ ou {.' };
  let rows: string[][];
  try {
    const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
    // Some spreadsheets write semicolons: the header tells.
    const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
    rows = parseCsv(trimmed, delimiter);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'Le fichier CSV est illisible.' };
  }
  const [header, ...body] = rows;
  if (!header) return { ok: false, error: 'Le fichier est vide.' };
  const columns = header.map((h) => h.trim());
  const missing = ['nom', 'commune'].filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return { ok: false, error: `La première ligne du fichier doit nommer les colonnes du standard national ; il manque : ${missing.join(', ')}.` };
  }
  if (body.length === 0) return { ok: false, error: 'Le fichier ne contient aucun lieu.' };
  if (body.length > maxImportRows) return { ok: false, error: `Le fichier contient ${body.length} lieux : ${maxImportRows} au plus par import.` };
  const records = body.map((cells, i) => {
    const values: Record<string, unknown> = {};
    columns.forEach((c, j) => {
      values[c] = cells[j] ?? '';
    });
    // A row with more or fewer cells than the header is broken (a stray comma or quote): the mapper reports it.
    if (cells.length !== columns.length) values[cellCountKey] = `${cells.length}/${columns.length}`;
    return { row: i + 2, values };
  });
  return { ok: true, format: 'standard-csv', records };
}

// --- Shared helpers -----------------------------------------------------------------------------------------------

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Values meaning "nothing" in the collection. */
const nothing = new Set(['', 'neant', 'aucun', 'aucune', 'non', 'non concerne', 'n a', 'na', '-', '0']);
const isNothing = (value: string) => nothing.has(foldName(value));

function fingerprint(parts: string[]): string {
  return createHash('sha256').update(parts.map(foldName).join('|')).digest('hex').slice(0, 24);
}

/**
 * The main postcode of each commune (COG code → OPT postcode), used when the collection wrote 98800 (Nouméa's)
 * for a place elsewhere. Several communes have more than one; the place's own address wins when it holds one.
 */
export const mainPostcodes: Record<string, string> = {
  '98801': '98811', // Bélep
  '98802': '98812', // Bouloupari
  '98803': '98870', // Bourail
  '98804': '98813', // Canala
  '98805': '98835', // Dumbéa
  '98806': '98881', // Farino
  '98807': '98815', // Hienghène
  '98808': '98816', // Houaïlou
  '98809': '98832', // L'Île-des-Pins
  '98810': '98817', // Kaala-Gomen
  '98811': '98860', // Koné
  '98812': '98850', // Koumac
  '98813': '98880', // La Foa
  '98814': '98820', // Lifou
  '98815': '98828', // Maré
  '98816': '98819', // Moindou
  '98817': '98810', // Le Mont-Dore
  '98818': '98800', // Nouméa
  '98819': '98821', // Ouégoa
  '98820': '98814', // Ouvéa
  '98821': '98890', // Païta
  '98822': '98822', // Poindimié
  '98823': '98823', // Ponérihouen
  '98824': '98824', // Pouébo
  '98825': '98825', // Pouembout
  '98826': '98826', // Poum
  '98827': '98827', // Poya
  '98828': '98882', // Sarraméa
  '98829': '98829', // Thio
  '98830': '98831', // Touho
  '98831': '98833', // Voh
  '98832': '98834', // Yaté
  '98833': '98818', // Kouaoua
};

const nouméa = '98818';

/**
 * 98800 is Nouméa's postcode; the 2023–2024 collection wrote it everywhere. Outside Nouméa, the postcode written in
 * the address is taken when there is one, otherwise the commune's main postcode; either way the row is flagged.
 */
/** The row's postcode, corrected when it is Nouméa's outside Nouméa; a correction is a warning and a flag. */
function checkedPostcode(given: string, commune: Commune | null, address: string, warnings: string[]): { postcode: string; postcodeFlag: boolean } {
  if (!commune) return { postcode: given, postcodeFlag: false };
  const fixed = fixPostcode(given, commune, address);
  if (fixed.warning) warnings.push(fixed.warning);
  return { postcode: fixed.postcode, postcodeFlag: fixed.warning !== null };
}

function fixPostcode(postcode: string, commune: Commune, address: string): { postcode: string; warning: string | null } {
  const given = postcode.replace(/\s/g, '');
  if (commune.code === nouméa) return { postcode: given || '98800', warning: null };
  if (given !== '' && given !== '98800') return { postcode: given, warning: null };
  const inAddress = [...address.matchAll(/\b98\s?(\d{3})\b/g)].map((m) => `98${m[1]}`).find((p) => p !== '98800');
  const fixed = inAddress ?? mainPostcodes[commune.code] ?? '';
  const origin = inAddress ? 'celui écrit dans l’adresse' : 'le code postal principal de la commune, à vérifier';
  const before = given === '' ? 'Code postal absent' : 'Code postal 98800 (celui de Nouméa)';
  return { postcode: fixed, warning: `${before} pour un lieu de ${commune.name} : remplacé par ${fixed} (${origin}).` };
}

function resolveCommune(codeInsee: string, name: string): Commune | undefined {
  return (codeInsee ? communeByCode(codeInsee) : undefined) ?? (name ? communeByName(name) : undefined) ?? communeByName(name.replace(/\(.*\)/, ''));
}

/** Splits a free-text list: commas, line breaks, semicolons and pipes. */
function splitFree(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(splitFree);
  return text(value)
    .split(/[\n,;|]+/)
    .map((v) => v.trim().replace(/[.;]+$/, '').trim())
    .filter((v) => v !== '');
}

type Mapping = { services?: Service[]; publics?: Public[]; supportModes?: SupportMode[]; typologies?: Typology[]; nationalSchemes?: NationalScheme[] };

function table(entries: [string, Mapping][]): Map<string, Mapping> {
  return new Map(entries.map(([k, v]) => [foldName(k), v]));
}

// The collection's free-text vocabulary → the standard's codes. An entry mapping to {} is understood but carries
// nothing the standard can say (e.g. "Tout types de publics": no public is specifically addressed).
const ncTypologies = table([
  ['Bibliothèque / Médiathèque', { typologies: ['BIB'] }],
  ['Association', { typologies: ['ASSO'] }],
  ['Province', { typologies: ['DEPT'] }],
  ['Point et bureau information jeunesse (PIJ/BIJ)', { typologies: ['PIJ_BIJ'] }],
  ['Maison de quartier/maison commune', { typologies: ['MQ'] }],
  ['Entreprise privée', { typologies: ['ENTREPRISE'] }],
  ['Autre', { typologies: ['AUTRE'] }],
  ['Centre communal d’action sociale (CCAS)', { typologies: ['CCAS'] }],
  ['Municipalité', { typologies: ['MUNI'] }],
  ['Mairie', { typologies: ['MUNI'] }],
  ['Chambre consulaire', { typologies: ['CCONS'] }],
  ['Organisme de formation', { typologies: ['OF'] }],
  ['Tiers-lieu', { typologies: ['TIERS_LIEUX'] }],
  ['Tiers lieux', { typologies: ['TIERS_LIEUX'] }],
  ['Agence OPT', { typologies: ['LA_POSTE'] }],
]);

const ncServices = table([
  ['Accès-libre à un espace équipé ou connecté', { services: ['acces_internet_materiel'], supportModes: ['en_autonomie'] }],
  ['Assistance sur les services administratifs en ligne', { services: ['aide_demarches'] }],
  ['Accompagnement individuel', { supportModes: ['accompagnement_individuel'] }],
  ['Ateliers collectif ou formations', { supportModes: ['atelier_collectif'] }],
  ['Accéder à une connexion internet', { services: ['acces_internet_materiel'] }],
  ['Accéder à du matériel', { services: ['acces_internet_materiel'] }],
  ['Réaliser des démarches administratives avec un accompagnement', { services: ['aide_demarches'] }],
  ['Devenir autonome dans les démarches administratives', { services: ['aide_demarches'] }],
  ['Accompagner les démarches de santé', { services: ['aide_demarches'] }],
  ['Vente solidaire de matériel', { services: ['materiel_prix_solidaire'] }],
  ['S’équiper en matériel informatique', { services: ['materiel_prix_solidaire'] }],
  ['Favoriser mon insertion professionnelle', { services: ['insertion_professionnelle'] }],
  ['Créer et développer mon entreprise', { services: ['insertion_professionnelle'] }],
  ['Promouvoir la citoyenneté numérique', { services: ['comprehension_monde'] }],
  ['Approfondir ma culture numérique', { services: ['comprehension_monde'] }],
  ['Soutenir la parentalité et l’éducation avec le numérique', { services: ['parentalite_education'] }],
  ['Prendre en main un ordinateur', { services: ['outils_quotidien'] }],
  ['Prendre en main un smartphone ou une tablette', { services: ['outils_quotidien'] }],
  ['Utiliser le numérique au quotidien', { services: ['outils_quotidien'] }],
  ['Créer avec le numérique', { services: ['loisirs_creations'] }],
  // Thematics (thematiques_proposees)
  ['Administration en ligne', { services: ['aide_demarches'] }],
  ['Scolarité et parentalité', { services: ['parentalite_education'] }],
  ['Insertion professionnelle', { services: ['insertion_professionnelle'] }],
  ['Formation aux bases du numérique', { services: ['outils_quotidien'] }],
  ['Culture', { services: ['loisirs_creations'] }],
  ['loisirs et divertissement', { services: ['loisirs_creations'] }],
  ['Médiation culturelle', { services: ['loisirs_creations'] }],
  ['Logement', { services: ['aide_demarches'] }],
  ['Santé', { services: ['aide_demarches'] }],
  ['accès aux soins', { services: ['aide_demarches'] }],
  ['réseaux sociaux & communication', { services: ['outils_quotidien'] }],
  ['courrier électronique', { services: ['outils_quotidien'] }],
  ['Formation bureautique (pack office)', { services: ['outils_quotidien'] }],
  ['Citoyenneté numérique', { services: ['comprehension_monde'] }],
  ['Emploi', { services: ['insertion_professionnelle'] }],
  ['Entreprenariat', { services: ['insertion_professionnelle'] }],
  ['Formation professionnelle continue', { services: ['insertion_professionnelle'] }],
]);

const ncPublics = table([
  ['Tout types de publics', {}],
  ['Adultes', {}],
  ['Jeunes (16-26 ans)/Etudiants', { publics: ['jeunes', 'etudiants'] }],
  ['Jeunes (16-26 ans)', { publics: ['jeunes'] }],
  ['Jeunes', { publics: ['jeunes'] }],
  ['Etudiants', { publics: ['etudiants'] }],
  ['Seniors (+ 65 ans)', { publics: ['seniors'] }],
  ['Seniors', { publics: ['seniors'] }],
  ['Familles/enfants', { publics: ['familles_enfants'] }],
  ['Uniquement femmes', { publics: ['femmes'] }],
  ['Femmes', { publics: ['femmes'] }],
]);

const ncSupportModes = table([
  ['Point numérique (ordinateurs et accompagnement ponctuel)', { supportModes: ['en_autonomie', 'accompagnement_individuel'] }],
  ['Espace public numérique (accès ordinateurs et accompagnement dédié)', { supportModes: ['en_autonomie', 'accompagnement_individuel'] }],
  ['Simple accès (ordinateurs sans accompagnement)', { supportModes: ['en_autonomie'] }],
  ['Seul : j’ai accès à du matériel et une connexion', { supportModes: ['en_autonomie'] }],
  ['Avec de l’aide : je suis accompagné seul dans l’usage du numérique', { supportModes: ['accompagnement_individuel'] }],
  ['Dans un atelier : j’apprends collectivement à utiliser le numérique', { supportModes: ['atelier_collectif'] }],
  ['Formation/ateliers thématiques', { supportModes: ['atelier_collectif'] }],
  ['Guichet numérique (poste de l’accompagnant)', { supportModes: ['accompagnement_individuel'] }],
  ['Fourniture de matériel reconditionné', { services: ['materiel_prix_solidaire'] }],
  ['Tiers lieux', { typologies: ['TIERS_LIEUX'] }],
  ['Non concerné', {}],
]);

const ncEquipment = new Map<string, EquipmentFeature | null>(
  (
    [
      ['Accès WIFI', 'wifi'],
      ['Scan de documents', 'numerisation'],
      ['scanner', 'numerisation'],
      ['Copie de document', 'impression'],
      ['Impression de documents', 'impression'],
      ['impression', 'impression'],
      ['Postes informatiques avec internet', null],
      ['Pas d’équipement disponible', null],
    ] as const
  ).map(([k, v]) => [foldName(k), v]),
);

const ncLabels = table([['Certificateur Pix', { nationalSchemes: ['certification_pix'] }]]);

type Collected = Required<Mapping> & { unmapped: Required<Unmapped> };

function emptyCollected(): Collected {
  return { services: [], publics: [], supportModes: [], typologies: [], nationalSchemes: [], unmapped: { typologie: [], services: [], publics: [], horaires: [], autres: [] } };
}

function collect(into: Collected, values: string[], mapping: Map<string, Mapping>, unmappedField: keyof Unmapped): void {
  for (const value of values) {
    const found = mapping.get(foldName(value));
    if (!found) {
      into.unmapped[unmappedField].push(value);
      continue;
    }
    into.services.push(...(found.services ?? []));
    into.publics.push(...(found.publics ?? []));
    into.supportModes.push(...(found.supportModes ?? []));
    into.typologies.push(...(found.typologies ?? []));
    into.nationalSchemes.push(...(found.nationalSchemes ?? []));
  }
}

/** Reads accessibility features from a free-text description; the text itself is always kept (it says more). */
function accessibilityFromText(value: string): AccessibilityFeature[] {
  const t = foldName(value);
  const found: AccessibilityFeature[] = [];
  if (/\b(pmr|rampe|plain pied|rez de chaussee|fauteuil|accessible|accessibilite|handicap|hanticap)/.test(t)) found.push('entree_plain_pied');
  if (/toilettes?/.test(t)) found.push('toilettes_accessibles');
  if (/(parking|stationnement)/.test(t) && /(reserv|pmr|handicap)/.test(t)) found.push('stationnement_reserve');
  return found;
}

function summaryAndDescription(summary: string, description: string): { summary: string; description: string; warning: string | null } {
  if (summary.length <= 280) return { summary, description, warning: null };
  const cut = summary.slice(0, 279);
  const short = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 200)).trim()}…`;
  return {
    summary: short,
    description: description === '' ? summary : `${summary}\n\n${description}`,
    warning: `Présentation de ${summary.length} caractères : le standard en accepte 280 ; elle est raccourcie et le texte entier passe dans la présentation détaillée.`,
  };
}

function cleanPhone(value: string, warnings: string[]): string {
  if (value === '') return '';
  const e164 = toE164(value);
  if (e164) return e164;
  warnings.push(`Téléphone « ${value} » incomplet ou invalide : il n’est pas repris.`);
  return '';
}

function dateOf(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  // A day in New Caledonia (UTC+11): noon there, so the date reads the same in every zone that matters.
  const d = new Date(`${value.slice(0, 10)}T12:00:00+11:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const uniq = <T>(list: T[]): T[] => [...new Set(list)];

type Mapped = { input: Record<string, unknown>; commune: Commune | null; importKey: string; unmapped: Unmapped; updatedAt: Date | null; errors: string[]; warnings: string[]; postcodeFlag: boolean };

function compactUnmapped(u: Required<Unmapped>): Unmapped {
  const out: Unmapped = {};
  for (const key of ['typologie', 'services', 'publics', 'horaires', 'autres'] as const) {
    const values = uniq(u[key]);
    if (values.length > 0) out[key] = values;
  }
  return out;
}

// --- The 2023–2024 collection ---------------------------------------------------------------------------------------

function mapNcRecord(raw: Record<string, unknown>): Mapped {
  const errors: string[] = [];
  const warnings: string[] = [];
  const name = text(raw.nom);
  const communeText = text(raw.commune);
  const commune = resolveCommune(text(raw.code_insee), communeText) ?? null;
  if (!commune) errors.push(communeText === '' ? 'Commune : absente.' : `Commune : « ${communeText} » n’est pas une commune de Nouvelle-Calédonie connue.`);
  const address = text(raw.adresse);
  const c = emptyCollected();

  collect(c, splitFree(raw.typologie), ncTypologies, 'typologie');
  collect(c, splitFree(raw.services), ncServices, 'services');
  collect(c, splitFree(raw.thematiques_proposees), ncServices, 'services');
  collect(c, splitFree(raw.publics_accueillis), ncPublics, 'publics');
  collect(c, splitFree(raw.modalites_accompagnement0), ncSupportModes, 'autres');
  collect(c, splitFree(raw.modalites_accompagnement), ncSupportModes, 'autres');

  const equipment: EquipmentFeature[] = [];
  for (const item of splitFree(raw.equipements)) {
    const found = ncEquipment.get(foldName(item));
    if (found) equipment.push(found);
    else if (found === undefined) c.unmapped.autres.push(`Équipement : ${item}`);
  }

  const otherLabels: string[] = [];
  for (const label of splitFree(raw.labels_autres)) {
    const found = ncLabels.get(foldName(label));
    if (found) c.nationalSchemes.push(...(found.nationalSchemes ?? []));
    else if (/en.cours/i.test(label)) c.unmapped.autres.push(`Label : ${label}`);
    else otherLabels.push(label);
  }

  const accessibilityText = text(raw.accessibilite);
  const accessibility = isNothing(accessibilityText) ? [] : accessibilityFromText(accessibilityText);
  if (accessibilityText !== '' && !isNothing(accessibilityText)) c.unmapped.autres.push(`Accessibilité : ${accessibilityText}`);

  for (const [key, label] of [
    ['adresse_postale', 'Adresse postale'],
    ['conditions_acces_detail', 'Conditions d’accès'],
    ['reseaux_sociaux', 'Réseaux sociaux'],
    ['etp_mediateur', 'Médiateurs (équivalent temps plein)'],
  ] as const) {
    const value = text(raw[key]);
    if (value !== '' && !isNothing(value)) c.unmapped.autres.push(`${label} : ${value}`);
  }

  // Hours: per day, in free text; B's parser turns them into one OSM string or says which day it could not read.
  const perDay = {
    lundi: text(raw.horaires_lundi),
    mardi: text(raw.horaires_mardi),
    mercredi: text(raw.horaires_mercredi),
    jeudi: text(raw.horaires_jeudi),
    vendredi: text(raw.horaires_vendredi),
    samedi: text(raw.horaires_samedi),
    dimanche: text(raw.horaires_dimanche),
  };
  const hours = hoursFromFreeText(perDay);
  let openingHoursText = '';
  if (hours.openingHours === null && hours.unparsed.length > 0) {
    openingHoursText = Object.entries(perDay)
      .filter(([, v]) => v !== '')
      .map(([day, v]) => `${day} : ${v}`)
      .join('\n');
    c.unmapped.horaires.push(...hours.unparsed);
    warnings.push(`Horaires illisibles (${hours.unparsed.join(' ; ')}) : gardés en texte, à reprendre dans le formulaire.`);
  }

  // Contacts: the collection mixes them up (an e-mail in the website column, "NEANT", "+687" alone).
  const emails = splitFree(raw.courriel);
  const websites: string[] = [];
  for (const site of splitFree(raw.site_web)) {
    if (isNothing(site)) continue;
    if (site.includes('@') && !site.includes('/')) emails.push(site);
    else websites.push(site);
  }
  const phone = cleanPhone(text(raw.telephone), warnings);

  const ridetText = text(raw.ridet) || text(raw.pivot);
  let ridet = '';
  if (ridetText !== '' && /^0+$/.test(ridetText)) warnings.push(`RIDET « ${ridetText} » : inconnu, il n’est pas repris.`);
  else if (ridetText !== '') ridet = ridetText;

  const { summary, description, warning } = summaryAndDescription(text(raw.presentation_resume), '');
  if (warning) warnings.push(warning);

  const { postcode, postcodeFlag } = checkedPostcode(text(raw.code_postal), commune, address, warnings);

  const geo = isRecord(raw.geolocalisation) ? raw.geolocalisation : {};
  const fee = text(raw.conditions_acces);
  const fees = splitFree(fee).flatMap((f) => {
    const code = feeByLabel.get(foldName(f));
    if (!code) c.unmapped.autres.push(`Frais : ${f}`);
    return code ? [code] : [];
  });
  const parent = text(raw.structure_parente);
  const transport = text(raw.transport_en_commun);
  const locality = /\btribu\b/i.test(address) ? (address.split(/[,–-]/).find((p) => /\btribu\b/i.test(p))?.trim() ?? '') : '';

  const input: Record<string, unknown> = {
    name,
    ridet,
    communeCode: commune?.code ?? '',
    postcode,
    address,
    addressComplement: text(raw.complement_adresse),
    locality,
    latitude: geo.lat ?? null,
    longitude: geo.lon ?? null,
    typologies: uniq(c.typologies),
    phone,
    emails,
    websites,
    openingHours: hours.openingHours ?? '',
    openingHoursText,
    summary,
    description,
    parentStructure: isNothing(parent) ? '' : parent,
    services: uniq(c.services),
    publics: uniq(c.publics),
    fees,
    nationalSchemes: uniq(c.nationalSchemes),
    otherLabels,
    supportModes: uniq(c.supportModes),
    fixedComputers: raw.nbre_postes_fixes ?? null,
    laptops: raw.nbre_postes_portables ?? null,
    tablets: raw.nbre_postes_tablettes ?? null,
    equipment: uniq(equipment),
    capacity: /^\d+$/.test(text(raw.capacite_ateliers_collectifs)) ? text(raw.capacite_ateliers_collectifs) : null,
    transportLines: isNothing(transport) || foldName(transport) === 'oui' ? '' : transport,
    accessibility: uniq(accessibility),
  };
  const capacityText = text(raw.capacite_ateliers_collectifs);
  if (capacityText !== '' && input.capacity === null) c.unmapped.autres.push(`Capacité : ${capacityText}`);

  return {
    input,
    commune,
    // The collection has no identifier: name, commune and address identify a record (the university has two sites).
    importKey: `nc-2024:${fingerprint([name, commune?.code ?? communeText, address])}`,
    unmapped: compactUnmapped(c.unmapped),
    updatedAt: dateOf(text(raw.date_soumission)),
    errors,
    warnings,
    postcodeFlag,
  };
}

// --- The national standard ----------------------------------------------------------------------------------------

/** Label (folded) → code, for the standard's own strings, our codes, and the schema's misspelled variants. */
function reverse<T extends string>(codes: readonly T[], labels: Record<T, string>, extra: Partial<Record<T, string>> = {}): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(foldName(code), code);
    map.set(foldName(labels[code]), code);
    const variant = extra[code];
    if (variant) map.set(foldName(variant), code);
  }
  return map;
}

const feeByLabel = reverse(fees, feeLabels);
const standardEnums = {
  typologie: { field: 'typologies', map: reverse(typologies, typologyLabels), unmapped: 'typologie' },
  itinerance: { field: 'itinerance', map: reverse(itinerances, itineranceLabels), unmapped: 'autres' },
  services: { field: 'services', map: reverse(services, serviceLabels), unmapped: 'services' },
  publics_specifiquement_adresses: { field: 'publics', map: reverse(publics, publicLabels), unmapped: 'publics' },
  prise_en_charge_specifique: { field: 'specificSupports', map: reverse(specificSupports, specificSupportLabels), unmapped: 'autres' },
  frais_a_charge: { field: 'fees', map: feeByLabel, unmapped: 'autres' },
  dispositif_programmes_nationaux: { field: 'nationalSchemes', map: reverse(nationalSchemes, nationalSchemeLabels), unmapped: 'autres' },
  formations_labels: { field: 'trainingLabels', map: reverse(trainingLabels, trainingLabelLabels, trainingLabelExportOverrides), unmapped: 'autres' },
  modalites_acces: { field: 'accessModes', map: reverse(accessModes, accessModeLabels), unmapped: 'autres' },
  modalites_accompagnement: { field: 'supportModes', map: reverse(supportModes, supportModeLabels), unmapped: 'autres' },
} as const satisfies Record<string, { field: PlaceFieldName; map: Map<string, string>; unmapped: keyof Unmapped }>;

/** Multi-valued cells: `|` as the schema says; `;` as the standard's README still says; arrays in JSON. */
function splitStandard(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(splitStandard);
  return text(value)
    .split(/[|;]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function mapStandardRecord(raw: Record<string, unknown>): Mapped {
  const errors: string[] = [];
  const warnings: string[] = [];
  const cellCount = text(raw[cellCountKey]);
  if (cellCount !== '') {
    const [cells, columns] = cellCount.split('/');
    errors.push(`La ligne a ${cells} cellules alors que l’en-tête a ${columns} colonnes : vérifiez les guillemets et les virgules.`);
  }
  const name = text(raw.nom);
  const communeText = text(raw.commune);
  const codeInsee = text(raw.code_insee);
  const commune = resolveCommune(codeInsee, communeText) ?? null;
  if (!commune) {
    if (codeInsee !== '' && !communeByCode(codeInsee)) errors.push(`Code INSEE : « ${codeInsee} » n’est pas le code d’une commune de Nouvelle-Calédonie (988xx).`);
    else errors.push(communeText === '' ? 'Commune : absente.' : `Commune : « ${communeText} » n’est pas une commune de Nouvelle-Calédonie connue.`);
  }
  const address = text(raw.adresse);
  const c = emptyCollected();
  const enumValues: Record<string, string[]> = {};
  for (const [column, spec] of Object.entries(standardEnums)) {
    const codes: string[] = [];
    for (const value of splitStandard(raw[column])) {
      const code = spec.map.get(foldName(value));
      if (code) codes.push(code);
      else {
        c.unmapped[spec.unmapped].push(spec.unmapped === 'autres' ? `${column} : ${value}` : value);
      }
    }
    enumValues[spec.field] = uniq(codes);
  }

  const pivot = text(raw.pivot);
  let ridet = '';
  if (pivot !== '' && !/^0+$/.test(pivot)) {
    if (normaliseRidet(pivot)) ridet = pivot;
    else if (/^\d{14}$/.test(pivot) || /^W\d{9}$/i.test(pivot)) c.unmapped.autres.push(`Identifiant (SIRET ou RNA) : ${pivot}`);
    else ridet = pivot; // refused by the form with the RIDET message
  }

  const phone = cleanPhone(text(raw.telephone), warnings);
  const { summary, description, warning } = summaryAndDescription(text(raw.presentation_resume), text(raw.presentation_detail));
  if (warning) warnings.push(warning);

  const { postcode, postcodeFlag } = checkedPostcode(text(raw.code_postal), commune, address, warnings);

  const id = text(raw.id);
  if (id === '') errors.push('Identifiant (id) : absent ; le standard l’exige pour reconnaître le lieu à l’import suivant.');
  const horaires = text(raw.horaires);

  const input: Record<string, unknown> = {
    name,
    ridet,
    communeCode: commune?.code ?? '',
    postcode,
    address,
    addressComplement: text(raw.complement_adresse),
    // The extended file's column, when a file carries it.
    ...('tribu_lieu_dit' in raw ? { locality: text(raw.tribu_lieu_dit) } : {}),
    latitude: raw.latitude ?? null,
    longitude: raw.longitude ?? null,
    phone,
    emails: splitStandard(raw.courriels),
    websites: splitStandard(raw.site_web),
    openingHours: horaires,
    summary,
    description,
    source: text(raw.source),
    parentStructure: text(raw.structure_parente),
    otherLabels: splitStandard(raw.autres_formations_labels),
    acceslibreUrl: text(raw.fiche_acces_libre),
    appointmentUrl: text(raw.prise_rdv),
    ...enumValues,
  };
  return {
    input,
    commune,
    importKey: `standard:${id}`,
    unmapped: compactUnmapped(c.unmapped),
    updatedAt: dateOf(text(raw.date_maj)),
    errors,
    warnings,
    postcodeFlag,
  };
}

// --- Planning and applying ------------------------------------------------------------------------------------------

function emptyCounts(): Record<RowOutcome, number> {
  return { create: 0, update: 0, unchanged: 0, merged: 0, duplicate: 0, error: 0 };
}

/** An OSM string is kept in its normalised spelling; one the library refuses is kept as text and listed. */
function checkHours(mapped: Mapped): void {
  const hours = text(mapped.input.openingHours);
  if (hours === '') return;
  const checked = validateOpeningHours(hours);
  if (checked.ok) {
    mapped.input.openingHours = checked.value;
    return;
  }
  mapped.input.openingHours = '';
  mapped.input.openingHoursText = [text(mapped.input.openingHoursText), hours].filter((v) => v !== '').join('\n');
  mapped.unmapped.horaires = [...(mapped.unmapped.horaires ?? []), hours];
  mapped.warnings.push(`Horaires : ${checked.message} Ils sont gardés en texte, à reprendre dans le formulaire.`);
}

function keepField<K extends PlaceFieldName>(fields: PlaceFields, place: Place, key: K): void {
  fields[key] = place[key];
}

function mergeUnmapped(before: Unmapped, added: Unmapped): Unmapped {
  const out: Unmapped = {};
  for (const key of ['typologie', 'services', 'publics', 'horaires', 'autres'] as const) {
    const values = uniq([...(before[key] ?? []), ...(added[key] ?? [])]);
    if (values.length > 0) out[key] = values;
  }
  return out;
}

function isFieldName(key: unknown): key is PlaceFieldName {
  return typeof key === 'string' && key in placeFieldLabels;
}

/** A field error named for people: « Code postal : Entrez un code postal… ». */
function fieldMessage(path: PropertyKey[], message: string): string {
  const key = path[0];
  const label = isFieldName(key) ? placeFieldLabels[key] : String(key ?? 'Fiche');
  return `${label} : ${message}`;
}

/**
 * The dry run: reads the file, maps each record, checks it with the same rules as the form, and says for each
 * whether it would be created, updated or left as is. Nothing is written.
 * @example const plan = await planImport(db, await file.text(), file.name); plan.counts.create // 92
 */
export async function planImport(db: Executor, content: string, filename = ''): Promise<ImportPlan> {
  const parsed = parseImportFile(content, filename);
  if (!parsed.ok) return { format: null, fileError: parsed.error, rows: [], counts: emptyCounts(), unmapped: [], postcodeFlags: [] };
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  const unmapped = new Map<string, UnmappedValue>();
  const postcodeFlags: number[] = [];
  const providedFields = new Map<ImportedPlace, Set<string>>();
  for (const { row, values } of parsed.records) {
    const mapped = parsed.format === 'nc-2024' ? mapNcRecord(values) : mapStandardRecord(values);
    const base = { row, name: text(values.nom) || '(sans nom)', communeName: mapped.commune?.name ?? (text(values.commune) || null), changed: [] as string[] };
    const errors = [...mapped.errors];
    checkHours(mapped);
    const validated = placeFields.safeParse(mapped.input);
    if (!validated.success) {
      for (const issue of validated.error.issues) {
        const message = fieldMessage(issue.path, issue.message);
        // A commune already reported is not reported twice.
        if (!(issue.path[0] === 'communeCode' && !mapped.commune)) errors.push(message);
      }
    }
    if (errors.length > 0 || !validated.success) {
      rows.push({ ...base, outcome: 'error', errors, warnings: mapped.warnings, record: null });
      continue;
    }
    for (const [field, values] of Object.entries(mapped.unmapped)) {
      if (field !== 'typologie' && field !== 'services' && field !== 'publics' && field !== 'horaires' && field !== 'autres') continue;
      for (const value of values) {
        const key = `${field}\u0000${value}`;
        const entry = unmapped.get(key) ?? { field, value, rows: [] };
        entry.rows.push(row);
        unmapped.set(key, entry);
      }
    }
    if (mapped.postcodeFlag) postcodeFlags.push(row);
    const record: ImportedPlace = { importKey: mapped.importKey, fields: validated.data, unmapped: mapped.unmapped, updatedAt: mapped.updatedAt };
    providedFields.set(record, new Set(Object.keys(mapped.input)));
    const earlier = seen.get(mapped.importKey);
    if (earlier !== undefined) {
      rows.push({ ...base, outcome: 'duplicate', errors: [], warnings: [...mapped.warnings, `Même lieu que la ligne ${earlier} : cette ligne est ignorée.`], record: null });
      continue;
    }
    seen.set(mapped.importKey, row);
    // 'create' until the lookup below finds the place.
    rows.push({ ...base, outcome: 'create', errors: [], warnings: mapped.warnings, record });
  }
  // One query for every record's place, rather than one per record.
  const existing = await placesByImportKeys(db, [...seen.keys()]);
  // A Relais export imported back names its places by their ids.
  const ownIds = [...seen.keys()].flatMap((key) => (key.startsWith('standard:') ? [key.slice('standard:'.length)] : []));
  const byId = new Map((await findPlaces(db, ownIds)).map((p) => [p.id, p]));
  for (const row of rows) {
    if (row.outcome !== 'create' || !row.record) continue;
    const sameId = byId.get(row.record.importKey.slice('standard:'.length));
    if (sameId) row.record.placeId = sameId.id;
    const place = existing.get(row.record.importKey) ?? sameId;
    if (!place) continue;
    if (place.mergedInto) {
      row.outcome = 'merged';
      row.warnings = [...row.warnings, 'Ce lieu a été fusionné avec un autre : il n’est pas réimporté.'];
      continue;
    }
    // What the file does not say is kept: a standard file has no New Caledonian fields, the collection no labels.
    const record = row.record;
    const provided = providedFields.get(record) ?? new Set<string>();
    for (const key of placeFieldOrder) if (!provided.has(key)) keepField(record.fields, place, key);
    if (parsed.format !== 'nc-2024') {
      record.unmapped = mergeUnmapped(place.unmapped, record.unmapped);
      // The standard file writes the tribu or lieu-dit into complement_adresse (it has no column of its own).
      const exported = [place.addressComplement, place.address.trim() ? place.locality : null].filter((v) => Boolean(v?.trim())).join(', ');
      if (record.fields.addressComplement === exported && exported !== '') record.fields.addressComplement = place.addressComplement;
    }
    row.changed = Object.keys(diffPlace(place, record.fields));
    row.outcome = row.changed.length > 0 || !sameUnmapped(place.unmapped, row.record.unmapped) ? 'update' : 'unchanged';
  }
  const counts = emptyCounts();
  for (const r of rows) counts[r.outcome]++;
  return { format: parsed.format, fileError: null, rows, counts, unmapped: [...unmapped.values()], postcodeFlags };
}

export type ImportSummary = { created: number; updated: number; unchanged: number; skipped: number; ids: string[] };
export type ImportError = 'file_error' | 'row_errors' | 'empty';

/**
 * Writes a plan, all or nothing: call it inside one transaction. A plan with any row in error is refused whole
 * (the report says which rows to fix), so a file is never half-imported. `actor` null is the system (seed, CLI).
 * @example await database.db.transaction((tx) => applyImport(tx, actor, plan, { requestId }))
 */
export async function applyImport(
  tx: Executor,
  actor: Actor | null,
  plan: ImportPlan,
  context: { requestId?: string; managedBy?: (record: ImportedPlace) => string | null } = {},
): Promise<Result<ImportSummary, ImportError>> {
  if (actor) authorize(actor, 'place.import');
  if (plan.fileError) return fail('file_error');
  if (plan.counts.error > 0) return fail('row_errors');
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, skipped: 0, ids: [] };
  const records: ImportedPlace[] = [];
  for (const row of plan.rows) {
    if (row.record && row.outcome !== 'merged' && row.outcome !== 'duplicate') records.push(row.record);
    else summary.skipped++;
  }
  for (const result of await upsertImportedPlaces(tx, actor, records, context)) {
    summary.ids.push(result.id);
    if (result.outcome === 'created') summary.created++;
    else if (result.outcome === 'updated') summary.updated++;
    else if (result.outcome === 'unchanged') summary.unchanged++;
    else summary.skipped++;
  }
  if (summary.ids.length === 0 && summary.skipped === 0) return fail('empty');
  return ok(summary);
}

/** How many places an import created, for tests and the CLI. */
export async function countImported(db: Executor, importKey: string): Promise<number> {
  return (await db.select({ id: places.id }).from(places).where(eq(places.importKey, importKey))).length;
}

/**
 * The report as plain French text, for the CLI (the upload page shows the same plan as HTML).
 */
export function planReport(plan: ImportPlan): string {
  if (plan.fileError) return `Fichier refusé : ${plan.fileError}`;
  const lines: string[] = [];
  const where = plan.format === 'standard-csv' ? 'Ligne' : 'Fiche';
  lines.push(`Format reconnu : ${plan.format ? importFormatLabels[plan.format] : 'inconnu'}`);
  lines.push(
    `${plan.rows.length} lieux lus : ${plan.counts.create} à créer, ${plan.counts.update} à mettre à jour, ${plan.counts.unchanged} inchangés, ` +
      `${plan.counts.duplicate} en double, ${plan.counts.merged} fusionnés, ${plan.counts.error} en erreur.`,
  );
  const errorRows = plan.rows.filter((r) => r.errors.length > 0);
  if (errorRows.length > 0) {
    lines.push('', 'Erreurs (à corriger avant d’importer) :');
    for (const r of errorRows) for (const e of r.errors) lines.push(`  ${where} ${r.row} (« ${r.name} ») : ${e}`);
  }
  if (plan.postcodeFlags.length > 0) lines.push('', `Code postal 98800 hors de Nouméa, corrigé (à vérifier) : ${where.toLowerCase()}s ${plan.postcodeFlags.join(', ')}.`);
  const warned = plan.rows.filter((r) => r.warnings.length > 0);
  if (warned.length > 0) {
    lines.push('', 'Avertissements :');
    for (const r of warned) for (const w of r.warnings) lines.push(`  ${where} ${r.row} (« ${r.name} ») : ${w}`);
  }
  if (plan.unmapped.length > 0) {
    lines.push('', 'Valeurs non reconnues, gardées telles quelles sur la fiche du lieu :');
    for (const u of plan.unmapped) lines.push(`  [${unmappedFieldLabels[u.field]}] ${u.value.replace(/\s+/g, ' ').slice(0, 160)} — ${where.toLowerCase()}s ${u.rows.join(', ')}`);
  }
  return lines.join('\n');
}
