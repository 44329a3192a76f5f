import { allow, can, definePolicy, type Actor } from '../../platform/authz/index.ts';
// The label's rules are the places module's (label.criteria.manage, label.apply, label.review); importing the
// policy registers them even when the places index has not been loaded yet.
import type { PlaceSubject } from '../places/places.policy.ts';
import '../places/places.policy.ts';

/**
 * `label.workspace` only opens the "Label Case numérique" page to those who may apply or review there; every record
 * on it is then checked with label.apply or label.review against its place.
 */
export const caseLabelPolicy = definePolicy({
  name: 'case-label',
  rules: [allow('administrator', 'label.workspace'), allow('coordinator', 'label.workspace'), allow('place_manager', 'label.workspace')],
});

/** May this person see an application of this place (and its files)? Its applicants and its reviewers. */
export function canSeeApplication(actor: Actor | null, place: PlaceSubject): boolean {
  return can(actor, 'label.apply', place) || can(actor, 'label.review', place);
}

export type { PlaceSubject };
