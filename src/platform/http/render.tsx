import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { Layout } from '../../ui/layout.tsx';
import type { AppEnv } from './env.ts';
import { navFor } from './navigation.ts';
import { clientScriptHref, fontStylesheetHref } from './assets.ts';

export type PageOptions = {
  title: string;
  hasErrors?: boolean;
  breadcrumbs?: { href: string; label: string }[];
  status?: 200 | 400 | 403 | 404 | 409 | 422 | 429 | 500;
};

/**
 * Renders a page inside the layout, with the navigation the actor's roles allow. A page with errors answers 422
 * and its title starts with "Erreur : ".
 * @example return page(c, { title: 'Connexion' }, <SignInForm … />)
 */
export function page(c: Context<AppEnv>, options: PageOptions, content: Child): Response | Promise<Response> {
  const actor = c.get('actor');
  const status = options.status ?? (options.hasErrors ? 422 : 200);
  return c.html(
    <Layout
      title={options.title}
      hasErrors={options.hasErrors ?? false}
      nonce={c.get('secureHeadersNonce')}
      currentPath={c.req.path}
      nav={navFor(actor)}
      user={actor?.kind === 'person' ? { name: actor.name } : null}
      flash={c.get('flash')}
      breadcrumbs={options.breadcrumbs}
      display={c.get('display')}
      scripts={[clientScriptHref()]}
      stylesheets={[fontStylesheetHref(c.get('display').font)].filter((href) => href !== null)}
    >
      {content}
    </Layout>,
    status,
  );
}

const errorTexts = {
  403: { title: 'Accès refusé', text: 'Votre compte ne permet pas d’ouvrir cette page. Si vous pensez que c’est une erreur, contactez la personne qui vous a invité.' },
  404: { title: 'Page introuvable', text: 'Cette page n’existe pas, ou plus. Vérifiez l’adresse, ou revenez à l’accueil.' },
  500: { title: 'Erreur technique', text: 'Une erreur est survenue de notre côté. Rien de ce que vous avez envoyé n’a été enregistré à moitié. Réessayez dans un moment.' },
} as const;

/** The page for 403, 404 and 500, with a way back. */
export function errorPage(c: Context<AppEnv>, status: 403 | 404 | 500): Response | Promise<Response> {
  const { title, text } = errorTexts[status];
  return page(
    c,
    { title, status },
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      {status === 500 && <p>Référence de l’erreur, à donner au support : <code>{c.get('requestId')}</code></p>}
      <p>
        <a href="/">Revenir à l’accueil</a>
      </p>
    </>,
  );
}
