import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { access } from '../../platform/http/access.ts';
import { readFile } from 'node:fs/promises';
import { assetByName, fontAsset } from '../../platform/http/assets.ts';
import { displayCookie, displayOptions, serialiseDisplay } from '../../platform/http/display.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { redirectWithFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import { navFor, registerNav } from '../../platform/http/navigation.ts';
import { page } from '../../platform/http/render.tsx';
import { metricsRegistry, queueDepth } from '../../platform/observability/metrics.ts';
import { allExamples } from '../../ui/index.ts';
import { DevComponentsPage } from '../../ui/dev-page.tsx';
import { AccessibilityStatement } from './views/accessibility-statement.tsx';
import { LegalNotice } from './views/legal-notice.tsx';
import { PersonalData } from './views/personal-data.tsx';
import { DisplaySettingsPage } from './views/display-settings.tsx';
import { HomePage } from './views/home.tsx';
import './site.policy.ts';

registerNav({ href: '/', label: 'Accueil', shownTo: 'public', order: 0 });

export const siteRoutes = new Hono<AppEnv>();

siteRoutes.get('/', access.public(), (c) => {
  const actor = c.get('actor');
  const person = actor?.kind === 'person' ? actor : null;
  return page(
    c,
    { title: person ? 'Tableau de bord' : 'Accueil' },
    <HomePage
      person={person ? { name: person.name, roles: person.memberships.map((m) => ({ role: m.role, organisationName: m.organisationName })) } : null}
      links={navFor(actor).filter((l) => l.href !== '/')}
      demo={c.get('services').config.demo}
    />,
  );
});

siteRoutes.get('/accessibilite', access.public(), (c) => page(c, { title: 'Déclaration d’accessibilité' }, <AccessibilityStatement />));
siteRoutes.get('/mentions-legales', access.public(), (c) => page(c, { title: 'Mentions légales' }, <LegalNotice />));
siteRoutes.get('/donnees-personnelles', access.public(), (c) => page(c, { title: 'Données personnelles' }, <PersonalData />));
siteRoutes.get('/dev/composants', access.public(), (c) => page(c, { title: 'Composants de l’interface' }, <DevComponentsPage examples={allExamples()} />));

siteRoutes.get('/affichage', access.public(), (c) => page(c, { title: 'Paramètres d’affichage' }, <DisplaySettingsPage current={c.get('display')} />));

const displayForm = z.object({
  textSize: z.enum(displayOptions.textSize, { error: 'Choisissez une taille de texte' }),
  spacing: z.enum(displayOptions.spacing, { error: 'Choisissez un espacement' }),
  contrast: z.enum(displayOptions.contrast, { error: 'Choisissez un contraste' }),
  font: z.enum(displayOptions.font, { error: 'Choisissez une police' }),
  theme: z.enum(displayOptions.theme, { error: 'Choisissez un thème' }),
});

siteRoutes.post('/affichage', access.public(), async (c) => {
  const form = await readForm(c, displayForm);
  if (!form.ok) return page(c, { title: 'Paramètres d’affichage', hasErrors: true }, <DisplaySettingsPage current={c.get('display')} errors={form.errors} />);
  setCookie(c, displayCookie, serialiseDisplay(form.data), { path: '/', sameSite: 'Lax', maxAge: 400 * 24 * 3600, httpOnly: true });
  return redirectWithFlash(c, '/affichage', { kind: 'success', text: 'Vos paramètres d’affichage sont enregistrés sur cet appareil.' });
});

siteRoutes.get('/static/fonts/:file', access.public(), async (c) => {
  const font = fontAsset(c.req.param('file'));
  if (!font || !('path' in font)) return c.text('Fichier introuvable', 404);
  return c.body(await readFile(font.path), 200, { 'Content-Type': 'font/woff2', 'Cache-Control': 'public, max-age=31536000, immutable' });
});

siteRoutes.get('/static/:file', access.public(), (c) => {
  const font = fontAsset(c.req.param('file'));
  if (font && 'css' in font) return c.body(font.css, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=86400' });
  const asset = assetByName(c.req.param('file'));
  if (!asset) return c.text('Fichier introuvable', 404);
  return c.body(asset.body, 200, { 'Content-Type': asset.contentType, 'Cache-Control': 'public, max-age=31536000, immutable' });
});

siteRoutes.get('/healthz', access.public(), async (c) => {
  try {
    await c.get('services').database.executeSql('select 1');
    return c.json({ status: 'ok', database: c.get('services').database.kind });
  } catch {
    return c.json({ status: 'indisponible', database: 'injoignable' }, 503);
  }
});

siteRoutes.get('/metrics', access.to('metrics.read'), async (c) => {
  const sizes = await c.get('services').queueSizes();
  for (const [queue, size] of Object.entries(sizes)) queueDepth.set({ queue }, size);
  return c.body(await metricsRegistry.metrics(), 200, { 'Content-Type': metricsRegistry.contentType });
});
