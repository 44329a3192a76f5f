import type { JSX } from 'hono/jsx/jsx-runtime';
import { siteContacts } from './site-contacts.ts';

export type LegalNoticeProps = {
  /** The operator hosting this installation, from the deployment's configuration, when known. */
  hosting?: { name: string; address: string; phone?: string };
  /** Where the source code is published, and under which licence. */
  sourceCode?: { url: string; licence: string };
};

/**
 * The legal notice ("Mentions légales"), linked from every page's footer.
 *
 * @example
 * page(c, { title: 'Mentions légales' }, <LegalNotice hosting={config.hosting} />)
 */
export function LegalNotice(props: LegalNoticeProps = {}): JSX.Element {
  return (
    <>
      <h1>Mentions légales</h1>
      <p class="r-lead">Cette page dit qui publie Relais, où il est hébergé, et comment réutiliser son contenu.</p>

      <h2>Qui publie Relais</h2>
      <p>
        Relais est publié par le {siteContacts.publisher}, {siteContacts.publisherService}, à Nouméa.
      </p>
      <address>
        {siteContacts.publisher}
        <br />
        {siteContacts.publisherService}
        <br />
        Nouméa, Nouvelle-Calédonie
      </address>
      <p>Directeur de la publication : le président du gouvernement de la Nouvelle-Calédonie.</p>

      <h2>Hébergement</h2>
      {props.hosting ? (
        <>
          <p>Relais est hébergé en Nouvelle-Calédonie par :</p>
          <address>
            {props.hosting.name}
            <br />
            {props.hosting.address}
            {props.hosting.phone ? (
              <>
                <br />
                Téléphone : {props.hosting.phone}
              </>
            ) : null}
          </address>
        </>
      ) : (
        <>
          <p>Relais est hébergé en Nouvelle-Calédonie.</p>
          <p>
            L'hébergeur est l'opérateur choisi par la DINUM NC pour cette installation. Pour connaître son nom et son
            adresse, écrivez à <a href={`mailto:${siteContacts.contactEmail}`}>{siteContacts.contactEmail}</a>.
          </p>
        </>
      )}

      <h2>Réutiliser le contenu</h2>
      <p>
        Les textes de Relais peuvent être réutilisés librement, à une condition : dire d'où ils viennent (par exemple :
        « Source : Relais, Gouvernement de la Nouvelle-Calédonie »).
      </p>
      <p>
        Ils sont publiés sous la{' '}
        <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">Licence Ouverte / Open Licence version 2.0 (Etalab)</a>.
      </p>
      <p>Les pictogrammes et les photos peuvent avoir leur propre licence. Elle est alors indiquée à côté.</p>

      <h2>Données ouvertes</h2>
      <p>
        Certaines informations de Relais sont publiées en données ouvertes : par exemple, la liste des lieux d'accueil
        et leurs horaires. Elles ne contiennent aucune donnée sur les personnes accompagnées.
      </p>
      <p>Ces données sont aussi publiées sous la Licence Ouverte / Open Licence version 2.0 (Etalab).</p>

      <h2>Code source</h2>
      {props.sourceCode ? (
        <p>
          Le code source de Relais est public. Il est publié sous licence {props.sourceCode.licence} :{' '}
          <a href={props.sourceCode.url}>code source de Relais</a>.
        </p>
      ) : (
        <p>
          Le code source de Relais appartient au {siteContacts.publisher}. Pour l'obtenir, écrivez à{' '}
          <a href={`mailto:${siteContacts.contactEmail}`}>{siteContacts.contactEmail}</a>.
        </p>
      )}

      <h2>Liens vers d'autres sites</h2>
      <p>Relais contient des liens vers d'autres sites. Nous ne sommes pas responsables de leur contenu.</p>

      <h2>Nous contacter</h2>
      <ul>
        <li>
          Pour une question sur Relais : <a href={`mailto:${siteContacts.contactEmail}`}>{siteContacts.contactEmail}</a>.
        </li>
        <li>
          Pour un problème d'accessibilité :{' '}
          <a href={`mailto:${siteContacts.accessibilityEmail}`}>{siteContacts.accessibilityEmail}</a>. Voir aussi la{' '}
          <a href="/accessibilite">déclaration d'accessibilité</a>.
        </li>
        <li>
          Pour vos données personnelles :{' '}
          <a href={`mailto:${siteContacts.personalDataEmail}`}>{siteContacts.personalDataEmail}</a>. Voir aussi la page{' '}
          <a href="/donnees-personnelles">Données personnelles</a>.
        </li>
      </ul>
      <p>Par courrier :</p>
      <address>
        {siteContacts.postalAddress.map((line) => (
          <>
            {line}
            <br />
          </>
        ))}
      </address>
    </>
  );
}
