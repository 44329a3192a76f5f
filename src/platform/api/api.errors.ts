import type { Context, MiddlewareHandler } from 'hono';
import type { z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.ts';

/** The shape of every error the API answers; 401 and 403 come from app.ts's error handler in the same shape. */
export type ApiError = { error: string; message: string; champs?: Record<string, string> };

/** Which part of the request a validation error is about, for the field names of `champs`. */
const targetNames: Record<string, string> = { json: 'corps', query: 'parametres', param: 'adresse', form: 'corps', header: 'en-tetes', cookie: 'cookies' };

/** One French message per field, named as the client sent it (`nom`, `code_commune`, `par_page`). */
export function fieldMessages(error: z.ZodError, target: string): Record<string, string> {
  const champs: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || (targetNames[target] ?? 'corps');
    champs[field] ??= issue.message;
  }
  return champs;
}

/**
 * OpenAPIHono's default hook: any request refused by a route's zod schemas answers 422 with one message per field.
 * @example new OpenAPIHono<AppEnv>({ defaultHook: invalidInput })
 */
export function invalidInput(result: { target: string } & ({ success: true } | { success: false; error: z.ZodError }), c: Context<AppEnv>): Response | undefined {
  if (result.success) return undefined;
  const body: ApiError = { error: 'donnees_invalides', message: 'Les données envoyées ne sont pas valides.', champs: fieldMessages(result.error, result.target) };
  return c.json(body, 422);
}

/** The same test as @hono/zod-openapi's media-type gate, so that nothing it would refuse (by throwing) gets past us. */
const jsonContentType = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/**
 * Placed after the access guard on routes that take a JSON body: answers 415 when the body is not declared as
 * JSON and 400 when it does not parse, in French, instead of letting the validators throw (which app.ts would turn
 * into a 500). The parsed body stays cached for the validator.
 * @example createRoute({ method: 'post', path: '/api/v1/organisations', middleware: [access.to('api.organisations.write'), jsonBody] as const, … })
 */
export const jsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!jsonContentType.test(c.req.header('content-type') ?? '')) {
    const body: ApiError = { error: 'type_de_contenu_refuse', message: 'Envoyez le corps de la requête en JSON, avec l’en-tête « Content-Type: application/json ».' };
    return c.json(body, 415);
  }
  try {
    await c.req.json();
  } catch {
    const body: ApiError = { error: 'json_invalide', message: 'Le corps de la requête n’est pas du JSON valide : vérifiez les guillemets, les virgules et les accolades.' };
    return c.json(body, 400);
  }
  await next();
};

/** True for PostgreSQL's unique_violation, however the driver wraps it (a race between two identical creations). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; typeof e === 'object' && e !== null && depth < 4; depth++) {
    if ('code' in e && e.code === '23505') return true;
    e = 'cause' in e ? e.cause : null;
  }
  return false;
}
