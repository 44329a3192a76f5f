import { allow, can, definePolicy, type Actor, type Membership } from '../../platform/authz/index.ts';
import type { Province } from '../../territory/index.ts';

/** What the rules need to know about a record: whose it is, for which structure, in which province. */
export type ActivitySubject = { organisationId: string; helperUserId: string; province: Province };
/** Recording for a structure: the helper must hold the helper role there. */
export type RecordingSubject = { organisationId: string };

const ofTheirOrganisation = (m: Membership, s: { organisationId: string }) => m.organisationId === s.organisationId;
const ownOrOrganisations = (m: Membership, s: ActivitySubject, actor: { userId: string }) => s.helperUserId === actor.userId || m.organisationId === s.organisationId;
const inScope = (m: Membership, s: ActivitySubject) => m.scopeProvince === null || m.scopeProvince === s.province;

/**
 * Helpers record for the structures where they hold the helper role, and see, change and delete their own records
 * and their structure's. Coordinators read every record of their province (or of the territory); administrators
 * read, change and delete everything. API tokens read with `activites:lire` and record with `activites:ecrire`.
 */
export const activitiesPolicy = definePolicy({
  name: 'activities',
  rules: [
    allow<RecordingSubject>('helper', 'activity.record', ofTheirOrganisation),
    allow('helper', 'activity.list'),
    allow('coordinator', 'activity.list'),
    allow('administrator', 'activity.list'),
    allow<ActivitySubject>('helper', 'activity.view', ownOrOrganisations),
    allow<ActivitySubject>('helper', 'activity.update', ownOrOrganisations),
    allow<ActivitySubject>('helper', 'activity.delete', ownOrOrganisations),
    allow<ActivitySubject>('coordinator', 'activity.view', inScope),
    allow('administrator', 'activity.view'),
    allow('administrator', 'activity.update'),
    allow('administrator', 'activity.delete'),
    // Personal tags belong to the helper who made them.
    allow('helper', 'activity.tag.create'),
    allow('helper', 'api.activities.read'),
    allow('coordinator', 'api.activities.read'),
    allow('administrator', 'api.activities.read'),
    allow('helper', 'api.activities.write'),
  ],
  scopes: {
    'api.activities.read': 'activites:lire',
    'activity.list': 'activites:lire',
    'activity.view': 'activites:lire',
    'api.activities.write': 'activites:ecrire',
    'activity.record': 'activites:ecrire',
  },
});

/** The organisations where this person may record (helper role), in membership order. */
export function recordingOrganisations(actor: Actor | null): { id: string; name: string }[] {
  if (!actor || actor.kind !== 'person') return [];
  const seen = new Set<string>();
  return actor.memberships.filter((m) => m.role === 'helper' && !seen.has(m.organisationId) && seen.add(m.organisationId)).map((m) => ({ id: m.organisationId, name: m.organisationName }));
}

/** What a page may offer on one record: the same rules as the routes. */
export function activityPermissions(actor: Actor | null, subject: ActivitySubject): { view: boolean; update: boolean; delete: boolean; duplicate: boolean } {
  return {
    view: can(actor, 'activity.view', subject),
    update: can(actor, 'activity.update', subject),
    delete: can(actor, 'activity.delete', subject),
    duplicate: can(actor, 'activity.record', { organisationId: subject.organisationId }),
  };
}
