import { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../../platform/authz/index.ts';
import { access, UnauthenticatedError } from '../../platform/http/access.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { redirectWithFlash } from '../../platform/http/flash.ts';
import { inputValue, readForm, type FieldErrors } from '../../platform/http/forms.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import { localDay, nextDay, startOfLocalDay } from '../../platform/format.ts';
import { apiScopes, createApiToken, revokeApiToken } from './api-tokens.commands.ts';
import { findApiToken, listApiTokens } from './api-tokens.queries.ts';
import { ApiTokenCreatedPage, ApiTokensPage, NewApiTokenPage, RevokeApiTokenPage } from './views/api-tokens.tsx';

registerNav({ href: '/admin/jetons', label: 'Jetons d’API', shownTo: 'apiToken.manage', order: 92 });

/** A date typed as 2026-12-31 (date field) or 31/12/2026 (browsers without a date picker), as YYYY-MM-DD. */
function isoDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

/** The creation form; the expiry is a local day, the token works until the end of it. `today` is in the territory's zone. */
function newTokenForm(today: string) {
  return z.object({
    name: z
      .string({ error: 'Entrez le nom du jeton' })
      .trim()
      .min(1, 'Entrez le nom du jeton, par exemple « Tableau de bord CAFAT »')
      .max(100, 'Entrez un nom de 100 caractères au plus'),
    scopes: z
      .union([z.string(), z.array(z.string())], { error: 'Choisissez au moins un droit pour ce jeton' })
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.enum(apiScopes, { error: 'Choisissez des droits dans la liste' })).min(1, 'Choisissez au moins un droit pour ce jeton')),
    expiresOn: z
      .string({ error: 'Entrez une date d’expiration valide, par exemple 31/12/2026' })
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const day = isoDay(v);
        if (!day) {
          ctx.addIssue({ code: 'custom', message: 'Entrez une date d’expiration valide, par exemple 31/12/2026' });
          return z.NEVER;
        }
        if (day < today) {
          ctx.addIssue({ code: 'custom', message: 'Choisissez une date d’expiration à partir d’aujourd’hui : une date passée rendrait le jeton inutilisable' });
          return z.NEVER;
        }
        return day;
      }),
  });
}

function personOf(c: { get: (key: 'actor') => Actor | null }): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

const breadcrumbs = [{ href: '/admin/jetons', label: 'Jetons d’API' }];

export const apiTokenRoutes = new Hono<AppEnv>();

apiTokenRoutes.get('/admin/jetons', access.to('apiToken.manage'), async (c) => {
  const actor = personOf(c);
  const requested = Number(c.req.query('page') ?? '1');
  const pageNumber = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  const list = await listApiTokens(c.get('services').database.db, actor, { page: pageNumber });
  return page(c, { title: pageNumber > 1 ? `Jetons d’API, page ${pageNumber}` : 'Jetons d’API' }, <ApiTokensPage rows={list.rows} page={pageNumber} pageCount={list.pageCount} total={list.total} />);
});

apiTokenRoutes.get('/admin/jetons/nouveau', access.to('apiToken.manage'), (c) => {
  const today = localDay(new Date());
  return page(c, { title: 'Créer un jeton d’API', breadcrumbs }, <NewApiTokenPage name="" scopes={[]} expiresOn="" errors={{}} today={today} />);
});

apiTokenRoutes.post('/admin/jetons/nouveau', access.to('apiToken.manage'), async (c) => {
  const actor = personOf(c);
  const { config, database } = c.get('services');
  const today = localDay(new Date());
  const form = await readForm(c, newTokenForm(today));
  if (!form.ok) {
    const scopes = form.input.scopes;
    const errors: FieldErrors = form.errors;
    return page(
      c,
      { title: 'Créer un jeton d’API', hasErrors: true, breadcrumbs },
      <NewApiTokenPage
        name={inputValue(form.input, 'name')}
        scopes={Array.isArray(scopes) ? scopes : scopes ? [scopes] : []}
        expiresOn={inputValue(form.input, 'expiresOn')}
        errors={errors}
        today={today}
      />,
    );
  }
  const { name, scopes, expiresOn } = form.data;
  // The token works through the chosen day, in the territory's time: it stops at the next local midnight.
  const expiresAt = expiresOn ? startOfLocalDay(nextDay(expiresOn), config.timeZone) : null;
  const created = await database.db.transaction((tx) => createApiToken(tx, actor, { name, scopes, expiresAt }));
  if (!created.ok) return errorPage(c, 500);
  // The secret is in this page and nowhere else: no cache may keep it.
  c.header('Cache-Control', 'no-store');
  return page(c, { title: `Jeton « ${name} » créé`, breadcrumbs }, <ApiTokenCreatedPage name={name} token={created.value.token} scopes={scopes} expiresAt={expiresAt} />);
});


apiTokenRoutes.get('/admin/jetons/:id/revoquer', access.to('apiToken.manage'), async (c) => {
  const actor = personOf(c);
  const token = await findApiToken(c.get('services').database.db, actor, c.req.param('id'));
  if (!token) return errorPage(c, 404);
  if (token.status === 'revoked') return redirectWithFlash(c, '/admin/jetons', { kind: 'info', text: `Le jeton « ${token.name} » est déjà révoqué.` });
  return page(c, { title: `Révoquer le jeton « ${token.name} »`, breadcrumbs }, <RevokeApiTokenPage token={token} />);
});

apiTokenRoutes.post('/admin/jetons/:id/revoquer', access.to('apiToken.manage'), async (c) => {
  const actor = personOf(c);
  const { db } = c.get('services').database;
  const token = await findApiToken(db, actor, c.req.param('id'));
  if (!token) return errorPage(c, 404);
  const result = await db.transaction((tx) => revokeApiToken(tx, actor, token.id));
  if (!result.ok) return redirectWithFlash(c, '/admin/jetons', { kind: 'info', text: `Le jeton « ${token.name} » est déjà révoqué.` });
  return redirectWithFlash(c, '/admin/jetons', { kind: 'success', text: `Jeton « ${token.name} » révoqué : il ne permet plus d’accéder à l’API.` });
});
