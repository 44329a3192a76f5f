import { allow, definePolicy, type Membership } from '../../platform/authz/index.ts';
import type { Province } from '../../territory/index.ts';

/** What the rules need to know about a place. */
export type PlaceSubject = { id: string; province: Province; managedBy: string | null };

const inScope = (m: Membership, p: PlaceSubject) => m.scopeProvince === null || m.scopeProvince === p.province;
const managesIt = (m: Membership, p: PlaceSubject) => p.managedBy !== null && m.organisationId === p.managedBy;

/**
 * Reading places is public (no rule needed). Place managers keep their own places right; coordinators (the
 * government's digital unit, or a province's) manage every place of their territory, merge duplicates and review
 * Case numérique applications; administrators can do everything.
 */
export const placesPolicy = definePolicy({
  name: 'places',
  rules: [
    allow('administrator', 'place.manage'),
    allow<PlaceSubject>('coordinator', 'place.manage', inScope),
    allow<PlaceSubject>('place_manager', 'place.manage', managesIt),
    allow('administrator', 'place.create'),
    allow<PlaceSubject>('coordinator', 'place.create', inScope),
    allow('administrator', 'place.merge'),
    allow<PlaceSubject>('coordinator', 'place.merge', inScope),
    allow('administrator', 'place.import'),
    allow('coordinator', 'place.import'),
    allow('administrator', 'label.criteria.manage'),
    allow('coordinator', 'label.criteria.manage'),
    allow<PlaceSubject>('place_manager', 'label.apply', managesIt),
    allow('administrator', 'label.review'),
    allow<PlaceSubject>('coordinator', 'label.review', inScope),
  ],
});
