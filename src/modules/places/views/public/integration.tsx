import type { JSX } from 'hono/jsx/jsx-runtime';
import type { PlaceCard } from '../../places.public.ts';
import { PlaceCardView } from './parts.tsx';

/**
 * /integration — a bare page for a commune's website to show in an iframe: no header, no navigation, links that
 * open Relais in the whole window.
 */
export function IntegrationPage(props: { commune: string | null; unknownCommune: boolean; cards: PlaceCard[]; moreHref: string; baseUrl: string; stylesheets: string[] }): JSX.Element {
  const title = props.commune ? `Lieux d’aide au numérique près de ${props.commune}` : 'Lieux d’aide au numérique en Nouvelle-Calédonie';
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — Relais`}</title>
        {props.stylesheets.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <base target="_top" />
      </head>
      <body class="r-body">
        <main class="p-integration">
          <h1>{title}</h1>
          {props.unknownCommune ? <p>Nous ne connaissons pas cette commune : voici tous les lieux.</p> : null}
          {props.cards.length === 0 ? (
            <p>Aucun lieu pour le moment.</p>
          ) : (
            <ol class="p-results">
              {props.cards.map((card) => (
                <PlaceCardView card={card} headingLevel={2} baseUrl={props.baseUrl} />
              ))}
            </ol>
          )}
          <p>
            <a href={props.moreHref}>Voir tous les lieux sur Relais</a>
          </p>
        </main>
      </body>
    </html>
  );
}
