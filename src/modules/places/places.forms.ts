import { z } from 'zod';
import { optionalPhoneField } from '../../platform/phone.ts';
import { communeByCode } from '../../territory/index.ts';
import { normaliseRidet } from '../organisations/index.ts';
import {
  accessModes,
  accessibilityFeatures,
  equipmentFeatures,
  fees,
  itinerances,
  languages,
  nationalSchemes,
  publics,
  services,
  specificSupports,
  supportModes,
  trainingLabels,
  typologies,
} from './places.enums.ts';

// One schema for the edit form, the import and the API. Form input comes as strings (and arrays of strings for
// repeated checkboxes); the import and the API may send arrays, numbers and booleans: both are accepted.

/** Empty or missing → [], one value → [value], already an array → as is. */
function toList(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value.filter((v) => v !== '') : [value];
}

function enumList<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess(toList, z.array(z.enum(values, { error: message }), { error: message })).transform((list) => [...new Set(list)]);
}

const optionalText = (max: number, tooLong: string) =>
  z
    .union([z.string(), z.null()], { error: tooLong })
    .optional()
    .transform((v) => (v ?? '').trim())
    .refine((v) => v.length <= max, tooLong)
    .transform((v) => (v === '' ? null : v));

/** Text that may hold several values, one per line or separated by `|`, `;` or `,` (import files); or an array. */
function splitList(value: unknown, separators: RegExp): unknown {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '');
  if (typeof value !== 'string') return value;
  return value
    .split(separators)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

const emailList = z
  .preprocess(
    (v) => splitList(v, /[\n|;,\s]+/),
    z
      .array(z.string().max(254, 'Entrez des adresses e-mail de 254 caractères au plus').pipe(z.email('Entrez des adresses e-mail valides, une par ligne, par exemple contact@mairie.nc')), {
        error: 'Entrez des adresses e-mail valides, une par ligne',
      })
      .max(5, 'Entrez 5 adresses e-mail au plus'),
  )
  .transform((list) => [...new Set(list.map((e) => e.toLowerCase()))]);

function toUrl(value: string): string | null {
  const candidate = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(candidate);
    return url.hostname.includes('.') ? url.toString() : null;
  } catch {
    return null;
  }
}

const urlMessage = 'Entrez une adresse de site web valide, par exemple https://www.mairie.nc';

const websiteList = z
  .preprocess(
    (v) => splitList(v, /[\n|;,\s]+/),
    z.array(z.string().max(500, 'Entrez des adresses de site web de 500 caractères au plus'), { error: urlMessage }).max(5, 'Entrez 5 sites web au plus'),
  )
  .transform((list, ctx) => {
    const urls: string[] = [];
    for (const item of list) {
      const url = toUrl(item);
      if (!url) {
        ctx.addIssue({ code: 'custom', message: `${urlMessage} (« ${item} » n’en est pas une)` });
        return z.NEVER;
      }
      urls.push(url);
    }
    return [...new Set(urls)];
  });

const optionalUrl = z
  .union([z.string(), z.null()], { error: urlMessage })
  .optional()
  .transform((v, ctx) => {
    const value = (v ?? '').trim();
    if (value === '') return null;
    const url = value.length <= 500 ? toUrl(value) : null;
    if (!url) {
      ctx.addIssue({ code: 'custom', message: urlMessage });
      return z.NEVER;
    }
    return url;
  });

const labelList = z
  .preprocess((v) => splitList(v, /[\n|]+/), z.array(z.string().max(200, 'Écrivez des noms de label de 200 caractères au plus'), { error: 'Écrivez un label par ligne' }))
  .transform((list) => [...new Set(list)]);

function optionalCount(what: string) {
  const message = `Entrez le nombre ${what} en chiffres, par exemple 4, ou laissez vide`;
  return z
    .union([z.string(), z.number(), z.null()], { error: message })
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === null) return null;
      const text = String(v).trim();
      if (text === '') return null;
      if (!/^\d{1,5}$/.test(text)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return Number(text);
    });
}

function optionalCoordinate(what: 'latitude' | 'longitude') {
  // New Caledonia, with its remote islands (Chesterfield, Walpole, Matthew and Hunter) and some margin.
  const [min, max] = what === 'latitude' ? [-24, -17] : [157, 173];
  const message =
    what === 'latitude'
      ? 'Entrez une latitude de Nouvelle-Calédonie en degrés décimaux, par exemple -22.2758, ou laissez vide'
      : 'Entrez une longitude de Nouvelle-Calédonie en degrés décimaux, par exemple 166.4580, ou laissez vide';
  return z
    .union([z.string(), z.number(), z.null()], { error: message })
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === null) return null;
      const text = String(v).trim().replace(',', '.');
      if (text === '') return null;
      const n = Number(text);
      if (!/^-?\d+(\.\d+)?$/.test(text) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });
}

const checkbox = z
  .union([z.boolean(), z.string(), z.array(z.string())])
  .optional()
  .transform((v) => {
    const value = Array.isArray(v) ? v.at(-1) : v;
    return value === true || (typeof value === 'string' && ['on', 'oui', 'true', '1'].includes(value.trim().toLowerCase()));
  });

export const ridetMessage = 'Entrez un RIDET de 7 chiffres suivis du rang de l’établissement sur 3 chiffres, par exemple 1234567.001';

const ridet = z
  .union([z.string(), z.null()], { error: ridetMessage })
  .optional()
  .transform((v, ctx) => {
    const value = (v ?? '').trim();
    if (value === '') return null;
    const normalised = normaliseRidet(value);
    if (!normalised) {
      ctx.addIssue({ code: 'custom', message: ridetMessage });
      return z.NEVER;
    }
    return normalised;
  });

/**
 * Every field of a place a person may change, shared by the edit form, the import and the API. Output is what the
 * commands store (codes, E.164 phone, RIDET with its dot, arrays without duplicates).
 * `openingHours` is checked here for shape only; its OSM syntax is checked by places.hours.ts where it is written.
 * @example placeFields.safeParse({ name: 'Médiathèque de Bourail', communeCode: '98811', postcode: '98870', services: ['aide_demarches'] })
 */
export const placeFields = z.object({
  name: z
    .string({ error: 'Entrez le nom du lieu' })
    .trim()
    .min(2, 'Entrez le nom du lieu (2 caractères au moins)')
    .max(200, 'Entrez un nom de 200 caractères au plus'),
  ridet,
  communeCode: z
    .string({ error: 'Choisissez la commune' })
    .trim()
    .min(1, 'Choisissez la commune')
    .refine((code) => communeByCode(code) !== undefined, 'Choisissez une commune de Nouvelle-Calédonie dans la liste'),
  postcode: z
    .string({ error: 'Entrez le code postal' })
    .trim()
    .min(1, 'Entrez le code postal, par exemple 98800')
    .regex(/^988\d{2}$/, 'Entrez un code postal de Nouvelle-Calédonie à 5 chiffres, par exemple 98800'),
  address: optionalText(300, 'Entrez une adresse de 300 caractères au plus').transform((v) => v ?? ''),
  addressComplement: optionalText(300, 'Entrez un complément d’adresse de 300 caractères au plus'),
  locality: optionalText(150, 'Entrez un nom de tribu ou de lieu-dit de 150 caractères au plus'),
  latitude: optionalCoordinate('latitude'),
  longitude: optionalCoordinate('longitude'),
  typologies: enumList(typologies, 'Choisissez des types de structure dans la liste'),
  phone: z
    .union([z.null(), optionalPhoneField])
    .optional()
    .transform((v) => v ?? null),
  emails: emailList,
  websites: websiteList,
  openingHours: optionalText(1000, 'Entrez des horaires de 1 000 caractères au plus'),
  openingHoursText: optionalText(2000, 'Écrivez des horaires en texte de 2 000 caractères au plus'),
  summary: optionalText(280, 'Écrivez une présentation courte de 280 caractères au plus'),
  description: optionalText(5000, 'Écrivez une présentation détaillée de 5 000 caractères au plus'),
  source: optionalText(200, 'Écrivez une source de 200 caractères au plus'),
  itinerance: enumList(itinerances, 'Choisissez « Fixe » ou « Itinérant »'),
  parentStructure: optionalText(200, 'Écrivez une structure parente de 200 caractères au plus'),
  services: enumList(services, 'Choisissez des services dans la liste'),
  publics: enumList(publics, 'Choisissez des publics dans la liste'),
  specificSupports: enumList(specificSupports, 'Choisissez des prises en charge spécifiques dans la liste'),
  fees: enumList(fees, 'Choisissez les frais à charge dans la liste'),
  nationalSchemes: enumList(nationalSchemes, 'Choisissez des dispositifs nationaux dans la liste'),
  trainingLabels: enumList(trainingLabels, 'Choisissez des formations et labels dans la liste'),
  otherLabels: labelList,
  accessModes: enumList(accessModes, 'Choisissez des modalités d’accès dans la liste'),
  supportModes: enumList(supportModes, 'Choisissez des modalités d’accompagnement dans la liste'),
  acceslibreUrl: optionalUrl,
  appointmentUrl: optionalUrl,
  isAdviceCounter: checkbox,
  fixedComputers: optionalCount('d’ordinateurs fixes'),
  laptops: optionalCount('d’ordinateurs portables'),
  tablets: optionalCount('de tablettes'),
  equipment: enumList(equipmentFeatures, 'Choisissez des équipements dans la liste'),
  capacity: optionalCount('de places'),
  transportLines: optionalText(300, 'Écrivez des lignes de transport de 300 caractères au plus'),
  languages: enumList(languages, 'Choisissez des langues dans la liste'),
  accessibility: enumList(accessibilityFeatures, 'Choisissez des équipements d’accessibilité dans la liste'),
});
export type PlaceFields = z.output<typeof placeFields>;
export type PlaceFieldName = keyof PlaceFields;

/** The fields in the order of the form (and of the error summary). */
export const placeFieldOrder = Object.keys(placeFields.shape).filter((k): k is PlaceFieldName => k in placeFields.shape);

/** French names of the fields, for messages that must name one (import report, history). */
export const placeFieldLabels = {
  name: 'Nom',
  ridet: 'RIDET',
  communeCode: 'Commune',
  postcode: 'Code postal',
  address: 'Adresse',
  addressComplement: 'Complément d’adresse',
  locality: 'Tribu ou lieu-dit',
  latitude: 'Latitude',
  longitude: 'Longitude',
  typologies: 'Type de structure',
  phone: 'Téléphone',
  emails: 'Adresses e-mail',
  websites: 'Sites web',
  openingHours: 'Horaires',
  openingHoursText: 'Horaires (texte)',
  summary: 'Présentation courte',
  description: 'Présentation détaillée',
  source: 'Source',
  itinerance: 'Itinérance',
  parentStructure: 'Structure parente',
  services: 'Services',
  publics: 'Publics',
  specificSupports: 'Prise en charge spécifique',
  fees: 'Frais à charge',
  nationalSchemes: 'Dispositifs nationaux',
  trainingLabels: 'Formations et labels',
  otherLabels: 'Autres formations et labels',
  accessModes: 'Modalités d’accès',
  supportModes: 'Modalités d’accompagnement',
  acceslibreUrl: 'Fiche Accès libre',
  appointmentUrl: 'Prise de rendez-vous',
  isAdviceCounter: 'Point Conseil Numérique',
  fixedComputers: 'Ordinateurs fixes',
  laptops: 'Ordinateurs portables',
  tablets: 'Tablettes',
  equipment: 'Équipements',
  capacity: 'Capacité',
  transportLines: 'Lignes de transport en commun',
  languages: 'Langues parlées',
  accessibility: 'Accessibilité',
} as const satisfies Record<PlaceFieldName, string>;
