import { communeByCode } from '../../territory/index.ts';
import type { PlaceFieldName } from './places.forms.ts';
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
  trainingLabelLabels,
  typologyLabels,
} from './places.labels.ts';

/** The labels of each enumerated field of a place, by field: the form's checkboxes and every display use them. */
export const enumLabelsByField = {
  typologies: typologyLabels,
  itinerance: itineranceLabels,
  services: serviceLabels,
  publics: publicLabels,
  specificSupports: specificSupportLabels,
  fees: feeLabels,
  nationalSchemes: nationalSchemeLabels,
  trainingLabels: trainingLabelLabels,
  accessModes: accessModeLabels,
  supportModes: supportModeLabels,
  equipment: equipmentFeatureLabels,
  languages: languageLabels,
  accessibility: accessibilityFeatureLabels,
} as const satisfies Partial<Record<PlaceFieldName, Record<string, string>>>;

export type EnumField = keyof typeof enumLabelsByField;

const labelMaps = new Map<string, Map<string, string>>(Object.entries(enumLabelsByField).map(([field, labels]) => [field, new Map(Object.entries(labels))]));

/** The checkbox options of an enumerated field, in the enumeration's order. */
export function optionsOf(field: EnumField): { value: string; label: string }[] {
  return Object.entries(enumLabelsByField[field]).map(([value, label]) => ({ value, label }));
}

/**
 * A stored value of a place's field as people read it: labels for codes, the commune's name, « Oui »/« Non »,
 * « — » when empty. Used by the merge screen and the history.
 * @example displayValue('services', ['aide_demarches']) // 'Aide aux démarches administratives'
 */
export function displayValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (field === 'communeCode' && typeof value === 'string') return communeByCode(value)?.name ?? value;
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    const labels = labelMaps.get(field);
    return value.map((v) => (typeof v === 'string' ? (labels?.get(v) ?? v) : String(v))).join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Whether a stored value is empty (nothing to keep from it). */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}
