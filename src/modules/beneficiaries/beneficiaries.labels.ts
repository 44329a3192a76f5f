import type { AgeBand, Gender, PersonStatus } from './beneficiaries.schema.ts';

export const genderLabels = {
  female: 'Féminin',
  male: 'Masculin',
  not_communicated: 'Non communiqué',
} as const satisfies Record<Gender, string>;

export const ageBandLabels = {
  under_12: 'Moins de 12 ans',
  from_12_to_17: '12 à 17 ans',
  from_18_to_24: '18 à 24 ans',
  from_25_to_39: '25 à 39 ans',
  from_40_to_59: '40 à 59 ans',
  from_60_to_69: '60 à 69 ans',
  from_70: '70 ans et plus',
  not_communicated: 'Non communiqué',
} as const satisfies Record<AgeBand, string>;

export const personStatusLabels = {
  in_school: 'Scolarisé',
  unemployed: 'Sans emploi',
  employed: 'En emploi',
  retired: 'Retraité',
  not_communicated: 'Non communiqué',
} as const satisfies Record<PersonStatus, string>;
