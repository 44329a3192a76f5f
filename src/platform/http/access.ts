import type { Context, MiddlewareHandler } from 'hono';
import { can, routeAccessKey, type Guard, type RouteAccess } from '../authz/index.ts';
import type { AppEnv } from './env.ts';
import { ForbiddenError } from '../authz/index.ts';

export class UnauthenticatedError extends Error {
  constructor() {
    super('unauthenticated');
  }
}

function guard(accessRule: RouteAccess, check: (c: Context<AppEnv>) => void): Guard {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    check(c);
    await next();
  };
  return Object.assign(middleware, { [routeAccessKey]: accessRule });
}

function requireActor(c: Context<AppEnv>) {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/**
 * Every route starts with one of these: it says who may call the route, and the route walk test reads it.
 * @example app.get('/admin/journal', access.to('audit.search'), (c) => …)
 */
export const access = {
  /** Anyone, signed in or not. */
  public: () => guard({ kind: 'public' }, () => {}),
  /** Anyone with a browser session, even before the second factor: only for the second-factor pages. */
  session: () =>
    guard({ kind: 'session' }, (c) => {
      if (!c.get('session')) throw new UnauthenticatedError();
    }),
  /** Any signed-in person; an API token is refused (these are a person's own pages). */
  signedIn: () =>
    guard({ kind: 'signed-in' }, (c) => {
      if (requireActor(c).kind !== 'person') throw new ForbiddenError('signed-in');
    }),
  /** Whoever a policy allows to do `action` to at least some subject; the handler then checks the record. */
  to: (action: string) =>
    guard({ kind: 'action', action }, (c) => {
      const actor = requireActor(c);
      if (!can(actor, action)) throw new ForbiddenError(action);
    }),
};
