import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { raw } from 'hono/html';
import type { DisplayPrefs, Flash } from '../platform/http/env.ts';
import { Breadcrumbs } from './components/breadcrumbs/index.tsx';
import { NotificationBanner } from './components/notification-banner/index.tsx';
import { Icon } from './icons.tsx';
import { stylesheetHref } from './styles.ts';

export type NavItem = { href: string; label: string };

export type LayoutProps = {
  /** Page title; `<title>` becomes `${hasErrors ? 'Erreur : ' : ''}${title} — Relais`. */
  title: string;
  hasErrors?: boolean;
  /** CSP nonce for any `<script>` the layout emits (none today: the page works without JavaScript). */
  nonce?: string;
  /** Marks the matching navigation link with `aria-current`. */
  currentPath: string;
  /** Already filtered by permissions by the caller. */
  nav: NavItem[];
  user: { name: string } | null;
  /** Notification banner at the top of `<main>`. */
  flash?: Flash | null;
  breadcrumbs?: { href: string; label: string }[];
  /** Applied as data attributes on `<html>`, read by the stylesheet. */
  display: DisplayPrefs;
  /** Script URLs, loaded with the nonce and `defer`: they only upgrade a page that already works. */
  scripts?: string[];
  /** Stylesheets after the main one (a chosen font's @font-face rules). */
  stylesheets?: string[];
  children?: Child;
};

/**
 * `aria-current` for a navigation link: `page` on the page itself, `true` inside its section
 * (`/lieux/12` is in `/lieux`), nothing elsewhere.
 *
 * @example
 * navCurrent('/lieux', '/lieux/12') // 'true'
 */
export function navCurrent(href: string, currentPath: string): 'page' | 'true' | undefined {
  if (href === currentPath) return 'page';
  if (href !== '/' && currentPath.startsWith(`${href}/`)) return 'true';
  return undefined;
}

/** The `color-scheme` meta: lets the browser draw its own parts (scrollbars, date pickers) in the right theme. */
function colorScheme(theme: DisplayPrefs['theme']): string {
  return theme === 'auto' ? 'light dark' : theme;
}

/**
 * The whole HTML document around a page: skip link, header, main navigation, breadcrumbs, flash message, footer.
 * Works without JavaScript and at 320 px (the navigation wraps; there is no menu button).
 *
 * @example
 * return c.html(
 *   <Layout title="Lieux d'accueil" currentPath="/lieux" nav={nav} user={user} display={c.get('display')} flash={c.get('flash')}>
 *     <h1>Lieux d'accueil</h1>
 *   </Layout>,
 * );
 */
export function Layout(props: LayoutProps): JSX.Element {
  const { display } = props;
  return (
    <>
      {raw('<!doctype html>')}
      <html
        lang="fr"
        data-text-size={display.textSize}
        data-spacing={display.spacing}
        data-contrast={display.contrast}
        data-font={display.font}
        data-theme={display.theme}
      >
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content={colorScheme(display.theme)} />
          <title>{`${props.hasErrors ? 'Erreur : ' : ''}${props.title} — Relais`}</title>
          <link rel="stylesheet" href={stylesheetHref()} />
          {(props.stylesheets ?? []).map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
          {(props.scripts ?? []).map((src) => (
            <script src={src} nonce={props.nonce} defer />
          ))}
        </head>
        <body class="r-body">
          <a href="#contenu" class="r-skip-link">
            Aller au contenu
          </a>
          <header class="r-header">
            <div class="r-width-container r-header__inner">
              <div class="r-header__brand">
                <a href="/" class="r-header__service">
                  <Logo />
                  Relais
                </a>
                <p class="r-header__tagline">L'inclusion numérique en Nouvelle-Calédonie</p>
              </div>
              <ul class="r-header__tools">
                <li>
                  <a class="r-header__link" href="/affichage" aria-current={props.currentPath === '/affichage' ? 'page' : undefined}>
                    <Icon name="settings" />
                    Paramètres d'affichage
                  </a>
                </li>
                {props.user ? (
                  <>
                    <li class="r-header__user">
                      <Icon name="person" />
                      <span class="r-visually-hidden">Compte de </span>
                      {props.user.name}
                    </li>
                    <li>
                      <a class="r-header__link" href="/compte" aria-current={props.currentPath === '/compte' ? 'page' : undefined}>
                        Mon compte
                      </a>
                    </li>
                    <li>
                      <form class="r-header__form" method="post" action="/deconnexion">
                        <button type="submit" class="r-header__link-button">
                          Se déconnecter
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <li>
                    <a class="r-header__link" href="/connexion" aria-current={props.currentPath === '/connexion' ? 'page' : undefined}>
                      <Icon name="person" />
                      Se connecter
                    </a>
                  </li>
                )}
              </ul>
            </div>
            {props.nav.length > 0 ? (
              <nav class="r-nav" aria-label="Navigation principale">
                <div class="r-width-container">
                  <ul class="r-nav__list">
                    {props.nav.map((item) => (
                      <li class="r-nav__item">
                        <a class="r-nav__link" href={item.href} aria-current={navCurrent(item.href, props.currentPath)}>
                          {item.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              </nav>
            ) : null}
          </header>
          <div class="r-page">
            <div class="r-width-container">
              <Breadcrumbs items={props.breadcrumbs ?? []} currentPath={props.currentPath} />
              <main id="contenu" class="r-main" tabindex={-1}>
                {props.flash ? (
                  <NotificationBanner kind={props.flash.kind}>
                    <p>{props.flash.text}</p>
                  </NotificationBanner>
                ) : null}
                {props.children}
              </main>
            </div>
          </div>
          <footer class="r-footer">
            <div class="r-width-container">
              <ul class="r-footer__links">
                <li>
                  <a href="/accessibilite">Accessibilité : non conforme (audit à venir)</a>
                </li>
                <li>
                  <a href="/mentions-legales">Mentions légales</a>
                </li>
                <li>
                  <a href="/donnees-personnelles">Données personnelles</a>
                </li>
              </ul>
              <p class="r-footer__meta">Relais — l'inclusion numérique en Nouvelle-Calédonie</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}

/** Our mark: a relay of two arcs over a lagoon line; decorative, the name "Relais" is beside it. */
function Logo(): JSX.Element {
  return (
    <svg class="r-header__logo" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="15" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="M8 18a8 8 0 0 1 16 0" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
      <path d="M12 18a4 4 0 0 1 8 0" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
      <path d="M6 23h20" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
    </svg>
  );
}
