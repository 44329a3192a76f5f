import type { TagColour } from '../../ui/index.ts';
import type { AgeBand, ConsentMethod, Gender, MandateCategory, MandateDuration, PersonStatus } from './beneficiaries.schema.ts';
import type { MandateState } from './mandates.states.ts';

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

export const mandateCategoryLabels = {
  papers: 'Papiers',
  family: 'Famille',
  social: 'Social',
  work: 'Travail',
  housing: 'Logement',
  transport: 'Transports',
  money: 'Argent',
  justice: 'Justice',
  foreigners: 'Étranger',
  leisure: 'Loisirs',
} as const satisfies Record<MandateCategory, string>;

/** Examples shown under each category, so that the person understands what they allow. */
export const mandateCategoryHints = {
  papers: 'Carte d’identité, passeport, élections',
  family: 'Allocations familiales, école, crèche',
  social: 'CAFAT, santé, aides sociales',
  work: 'Emploi, formation, entreprise',
  housing: 'Logement social, électricité, eau',
  transport: 'Permis, carte grise, transports',
  money: 'Impôts, banque, factures',
  justice: 'Tribunal, casier judiciaire',
  foreigners: 'Titre de séjour, visa',
  leisure: 'Sport, culture, associations',
} as const satisfies Record<MandateCategory, string>;

export const mandateDurationLabels = {
  one_day: '1 jour',
  one_month: '1 mois',
  six_months: '6 mois',
  one_year: '1 an',
} as const satisfies Record<MandateDuration, string>;

export const consentMethodLabels = {
  signed_paper: 'Papier signé (à joindre)',
  sms_reply: 'Réponse par SMS',
  in_person: 'En personne, devant l’aidant',
} as const satisfies Record<ConsentMethod, string>;

export const mandateStateLabels = {
  pending_consent: 'En attente de consentement',
  refused: 'Refusé',
  active: 'Actif',
  expired: 'Expiré',
  revoked: 'Révoqué',
  partly_revoked: 'Partiellement révoqué',
} as const satisfies Record<MandateState, string>;

export const mandateStateColours = {
  pending_consent: 'yellow',
  refused: 'red',
  active: 'green',
  expired: 'grey',
  revoked: 'red',
  partly_revoked: 'blue',
} as const satisfies Record<MandateState, TagColour>;
