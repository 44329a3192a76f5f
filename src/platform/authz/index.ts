import type { MiddlewareHandler } from 'hono';
import type { Province } from '../../territory/index.ts';
import type { Role } from './roles.ts';

export { roles, roleLabels, rolesRequiringSecondFactor, type Role } from './roles.ts';

export type Membership = {
  id: string;
  organisationId: string;
  organisationName: string;
  role: Role;
  /** For coordinators: the province they coordinate; null means the whole territory. */
  scopeProvince: Province | null;
};

/** Who is acting: a signed-in person with their memberships, or an API token with its scopes. */
export type Actor =
  | { kind: 'person'; userId: string; name: string; email: string; memberships: Membership[] }
  | { kind: 'token'; tokenId: string; name: string; scopes: string[] };

/** A rule: people holding `role` may do `action`, if `when` (given the membership and the subject) says so. */
export type Rule<S> = {
  role: Role;
  action: string;
  when?: (membership: Membership, subject: S, actor: Actor & { kind: 'person' }) => boolean;
};

/**
 * Declares one rule of a module's policy.
 * @example allow('coordinator', 'organisation.update', (m, org: { province: Province }) => m.scopeProvince === null || m.scopeProvince === org.province)
 */
export function allow<S = undefined>(role: Role, action: string, when?: Rule<S>['when']): Rule<S> {
  return when ? { role, action, when } : { role, action };
}

export type Policy = { name: string; rules: Rule<never>[]; scopes?: Record<string, string> };

const registry = new Map<string, Rule<never>[]>();
/** Which API scope grants an action to a token. */
const scopeRegistry = new Map<string, string>();

/**
 * Registers a module's rules: an action not registered anywhere is refused to everyone, and that is tested.
 * @example definePolicy({ name: 'audit', rules: [allow('administrator', 'audit.search')] })
 */
export function definePolicy<const P extends { name: string; rules: Rule<never>[]; scopes?: Record<string, string> }>(policy: P): P {
  for (const rule of policy.rules) {
    const list = registry.get(rule.action) ?? [];
    list.push(rule);
    registry.set(rule.action, list);
  }
  for (const [action, scope] of Object.entries(policy.scopes ?? {})) scopeRegistry.set(action, scope);
  return policy;
}

/** Every action a policy has declared. */
export function declaredActions(): string[] {
  return [...registry.keys(), ...scopeRegistry.keys()];
}

/**
 * May the actor do this? Without a subject, asks whether the actor may do it to at least some subject
 * (what a route checks before loading anything); rules with a condition then count as "maybe".
 * @example can(actor, 'organisation.update', org)
 */
export function can(actor: Actor | null, action: string, ...subject: [] | [unknown]): boolean {
  if (!actor) return false;
  if (actor.kind === 'token') {
    const scope = scopeRegistry.get(action);
    return scope !== undefined && actor.scopes.includes(scope);
  }
  const rules = registry.get(action) ?? [];
  return actor.memberships.some((m) =>
    rules.some((r) => r.role === m.role && (!r.when || subject.length === 0 || r.when(m, subject[0] as never, actor))),
  );
}

export class ForbiddenError extends Error {
  constructor(readonly action: string) {
    super(`forbidden: ${action}`);
  }
}

/** Throws ForbiddenError unless the actor may act; the error handler answers 403 (or 404 when hidden). */
export function authorize(actor: Actor | null, action: string, ...subject: [] | [unknown]): void {
  if (!can(actor, action, ...subject)) throw new ForbiddenError(action);
}

/** What a route declares about who may call it. */
export type RouteAccess =
  | { kind: 'public' }
  /** A browser session, even one still waiting for its second factor (the second-factor pages). */
  | { kind: 'session' }
  | { kind: 'signed-in' }
  | { kind: 'action'; action: string };

export const routeAccessKey = Symbol.for('relais.routeAccess');

export type Guard = MiddlewareHandler & { [routeAccessKey]: RouteAccess };

function isRouteAccess(value: unknown): value is RouteAccess {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  if (value.kind === 'public' || value.kind === 'session' || value.kind === 'signed-in') return true;
  return value.kind === 'action' && 'action' in value && typeof value.action === 'string';
}

/** The access rule a route's guard declares, if any: read by the route walk test. */
export function routeAccessOf(handler: unknown): RouteAccess | undefined {
  if (typeof handler !== 'function' || !(routeAccessKey in handler)) return undefined;
  const declared: unknown = handler[routeAccessKey];
  return isRouteAccess(declared) ? declared : undefined;
}
