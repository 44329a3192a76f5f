import { allow, can, definePolicy, type Actor } from '../../../platform/authz/index.ts';

/** A partner whose procedures' statistics are asked for. */
export type PartnerSubject = { partnerOrganisationId: string };

/**
 * Who sees which statistics: a helper their own records; coordinators and administrators any team's and the whole
 * network's; a partner référent the records of its own organisation's procedures (coordinators and administrators
 * any partner's). `statistics.view` opens the page to all of them.
 */
export const statisticsPolicy = definePolicy({
  name: 'statistics',
  rules: [
    allow('helper', 'statistics.view'),
    allow('coordinator', 'statistics.view'),
    allow('administrator', 'statistics.view'),
    allow('partner_referent', 'statistics.view'),
    allow('helper', 'statistics.own'),
    allow('coordinator', 'statistics.team'),
    allow('administrator', 'statistics.team'),
    allow('coordinator', 'statistics.network'),
    allow('administrator', 'statistics.network'),
    allow<PartnerSubject>('partner_referent', 'statistics.partner', (m, s) => m.organisationId === s.partnerOrganisationId),
    allow('coordinator', 'statistics.partner'),
    allow('administrator', 'statistics.partner'),
  ],
});

/** The views of /statistiques, in their URL spelling. */
export const statisticsViews = ['moi', 'equipe', 'reseau', 'partenaire'] as const;
export type StatisticsView = (typeof statisticsViews)[number];

export const statisticsViewLabels = {
  moi: 'Mes accompagnements',
  equipe: 'Une équipe',
  reseau: 'Tout le réseau',
  partenaire: 'Les démarches d’un partenaire',
} as const satisfies Record<StatisticsView, string>;

const viewActions = { moi: 'statistics.own', equipe: 'statistics.team', reseau: 'statistics.network', partenaire: 'statistics.partner' } as const satisfies Record<StatisticsView, string>;

/** The views this person may open, in order; the first is their default. */
export function viewsFor(actor: Actor | null): StatisticsView[] {
  return statisticsViews.filter((v) => can(actor, viewActions[v]));
}

/** The partner organisations a référent holds the role in (their partner view is limited to these). */
export function referentPartners(actor: Actor | null): string[] {
  if (!actor || actor.kind !== 'person') return [];
  return [...new Set(actor.memberships.filter((m) => m.role === 'partner_referent').map((m) => m.organisationId))];
}
