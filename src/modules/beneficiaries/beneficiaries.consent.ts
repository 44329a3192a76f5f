import type { MandateCategory, MandateDuration } from './beneficiaries.schema.ts';
import { mandateCategoryLabels, mandateDurationLabels } from './beneficiaries.labels.ts';

/**
 * The texts read to the person (or given to read) before they agree. Each version is kept forever: a file stores
 * the version and the exact text shown, so that one can always say what the person agreed to. A new wording is a
 * new version added here, never an edit of an old one.
 */
export const followConsentTexts = {
  '2026-03':
    'J’accepte que la structure qui m’accompagne garde une fiche à mon nom dans Relais : mon prénom, mon nom, mon téléphone, mon année de naissance, ma commune, et l’aide que j’ai reçue. ' +
    'Seules les personnes de cette structure qui m’aident peuvent lire cette fiche. ' +
    'Je peux demander à la voir, à la corriger ou à l’effacer à tout moment. ' +
    'Si je ne reviens pas pendant longtemps, elle est effacée automatiquement. ' +
    'L’aide reçue reste comptée dans les statistiques, sans mon nom.',
} as const;
export type FollowConsentVersion = keyof typeof followConsentTexts;
export const currentFollowConsentVersion: FollowConsentVersion = '2026-03';

export function isFollowConsentVersion(value: string): value is FollowConsentVersion {
  return Object.keys(followConsentTexts).includes(value);
}

export const mandateConsentVersions = ['2026-03'] as const;
export type MandateConsentVersion = (typeof mandateConsentVersions)[number];
export const currentMandateConsentVersion: MandateConsentVersion = '2026-03';

/**
 * The mandate as the person reads it (or receives it by SMS), with the structure, the categories and the duration
 * filled in: stored as shown.
 * @example mandateConsentText('2026-03', { organisationName: 'Agence OPT de Koné', categories: ['papers'], duration: 'one_month' })
 */
export function mandateConsentText(version: MandateConsentVersion, m: { organisationName: string; categories: readonly MandateCategory[]; duration: MandateDuration }): string {
  const categories = m.categories.map((c) => mandateCategoryLabels[c].toLowerCase()).join(', ');
  switch (version) {
    case '2026-03':
      return (
        `J’autorise les aidants de « ${m.organisationName} » à faire pour moi des démarches en ligne (${categories}) pendant ${mandateDurationLabels[m.duration]}. ` +
        'Ils notent chaque démarche faite pour moi. Je ne donne jamais mes mots de passe ni mes codes : je les tape moi-même, ou je les change après. ' +
        'Je peux retirer mon accord à tout moment, en entier ou pour une partie.'
      );
  }
}

/** The outbox key of the SMS asking a person to confirm one mandate: erasing the file removes the message too. */
export const mandateConsentDedupeKey = (mandateId: string) => `mandate-consent:${mandateId}`;

/** The SMS asking for consent: short, one question, the answer expected. */
export function mandateConsentSms(text: string): string {
  return `Relais : ${text} Répondez OUI pour accepter ou NON pour refuser.`;
}

/** The mandate text as it will read, with placeholders while the form is not filled in yet. */
export function mandateConsentPreview(organisationName: string, categories: readonly MandateCategory[], duration: MandateDuration | null): string {
  const text = mandateConsentText(currentMandateConsentVersion, { organisationName, categories: categories.length ? categories : ['papers'], duration: duration ?? 'one_day' });
  return text
    .replace(/\(([^)]*)\) pendant/, categories.length ? '($1) pendant' : '(les démarches choisies) pendant')
    .replace(/pendant ([^.]*)\./, duration ? 'pendant $1.' : 'pendant la durée choisie.');
}
