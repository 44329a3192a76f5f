import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { getCookie } from 'hono/cookie';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { ForbiddenError } from './platform/authz/index.ts';
import { UnauthenticatedError } from './platform/http/access.ts';
import { displayFrom } from './platform/http/display.ts';
import type { AppEnv, Services } from './platform/http/env.ts';
import { takeFlash } from './platform/http/flash.ts';
import { errorPage } from './platform/http/render.tsx';
import { observe } from './platform/observability/metrics.ts';
import { pooledNonce } from './platform/http/nonce.ts';
import { sessionCookie, loadSession } from './modules/accounts/index.ts';
import { actorFromApiToken } from './modules/api-tokens/index.ts';
import { moduleRoutes } from './modules/routes.ts';

/**
 * Builds the whole HTTP application around already-open services. Security is decided here, once: headers, CSRF,
 * sessions; modules only declare who may use each route.
 * @example const app = createApp(services); await app.request('/healthz')
 */
export function createApp(services: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const baseOrigin = new URL(services.config.baseUrl).origin;
  const https = baseOrigin.startsWith('https:');
  // The on-demand map of places draws tiles from this server: the only outside origin pages may load images from.
  const tilesOrigin = new URL(services.config.mapTiles.url).origin;

  app.use('*', requestId({ headerName: 'X-Request-Id', limitLength: 64 }));
  app.use('*', async (c, next) => {
    c.set('services', services);
    // Defaults first, so that even a request refused early (CSRF) can render an error page.
    c.set('display', displayFrom(c));
    c.set('flash', null);
    c.set('actor', null);
    c.set('session', null);
    await next();
  });
  app.use('*', observe());
  app.use('*', compress());
  // A JSON answer comes without a length, so compress would open a gzip stream for the 100 bytes of a created
  // record or an error: given its length, one under compress's threshold (1 KB) goes as it is.
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.body || c.res.headers.has('Content-Length') || !c.res.headers.get('Content-Type')?.startsWith('application/json')) return;
    const body = await c.res.arrayBuffer();
    c.res = new Response(body, c.res);
    c.res.headers.set('Content-Length', String(body.byteLength));
  });
  // The embeddable list of places is the one page other sites may show in a frame. Registered before secureHeaders
  // so that it runs after it, on the headers secureHeaders has just set.
  app.use('/integration', async (c, next) => {
    await next();
    c.res.headers.delete('X-Frame-Options');
    const policy = c.res.headers.get('Content-Security-Policy');
    if (policy) c.res.headers.set('Content-Security-Policy', policy.replace("frame-ancestors 'none'", 'frame-ancestors *'));
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", pooledNonce],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', tilesOrigin],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'strict-origin-when-cross-origin',
      // HSTS only means something over HTTPS; over plain HTTP (development, tests) it would be ignored or wrong.
      strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(
    '*',
    csrf({
      origin: (origin, c) => origin === baseOrigin || safeHost(origin) === c.req.header('host'),
      secFetchSite: 'same-origin',
    }),
  );
  app.use('*', async (c, next) => {
    c.set('flash', takeFlash(c));
    const authorization = c.req.header('authorization');
    if (authorization?.startsWith('Bearer ')) {
      c.set('actor', await actorFromApiToken(services.database.db, authorization.slice(7).trim()));
    } else {
      const token = getCookie(c, sessionCookie);
      if (token) {
        const found = await loadSession(services.database.db, token);
        if (found) {
          c.set('session', found.session);
          c.set('actor', found.actor);
        }
      }
    }
    await next();
  });

  for (const routes of moduleRoutes) app.route('/', routes);

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'introuvable', message: 'Cette adresse n’existe pas.' }, 404);
    return errorPage(c, 404);
  });

  app.onError((error, c) => {
    const api = c.req.path.startsWith('/api/') || c.req.path === '/metrics';
    if (error instanceof UnauthenticatedError) {
      if (api) return c.json({ error: 'non_authentifie', message: 'Authentification requise : jeton d’API ou session.' }, 401);
      const session = c.get('session');
      if (session?.secondFactorPending) return c.redirect('/connexion/second-facteur', 303);
      const back = c.req.method === 'GET' ? `?retour=${encodeURIComponent(c.req.path)}` : '';
      return c.redirect(`/connexion${back}`, 303);
    }
    if (error instanceof ForbiddenError) {
      if (api) return c.json({ error: 'interdit', message: 'Votre accès ne permet pas cette action.' }, 403);
      return errorPage(c, 403);
    }
    if (error instanceof HTTPException && error.status === 403) {
      // Hono's CSRF middleware: a form posted from another site.
      return api
        ? c.json({ error: 'origine_refusee', message: 'Requête refusée : elle ne vient pas de Relais.' }, 403)
        : errorPage(c, 403);
    }
    services.logger.error({ err: error, requestId: c.get('requestId') }, 'request failed');
    if (api) return c.json({ error: 'erreur_interne', message: 'Une erreur est survenue de notre côté.', requestId: c.get('requestId') }, 500);
    return errorPage(c, 500);
  });

  return app;
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
