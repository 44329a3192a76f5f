import type { JSX } from 'hono/jsx/jsx-runtime';
import { siteContacts } from './site-contacts.ts';

/**
 * The accessibility statement ("Déclaration d'accessibilité"), linked from every page's footer.
 * Its structure follows the model of the RGAA (Référentiel général d'amélioration de l'accessibilité).
 *
 * @example
 * page(c, { title: 'Déclaration d’accessibilité' }, <AccessibilityStatement />)
 */
export function AccessibilityStatement(): JSX.Element {
  return (
    <>
      <h1>Déclaration d'accessibilité</h1>
      <p class="r-lead">Relais doit pouvoir être utilisé par tout le monde.</p>
      <p>
        Tout le monde, c'est aussi les personnes aveugles ou malvoyantes, les personnes sourdes ou malentendantes, les
        personnes qui ont du mal à lire, et les personnes qui n'ont jamais utilisé d'ordinateur.
      </p>

      <h2>Notre engagement</h2>
      <p>
        Le Gouvernement de la Nouvelle-Calédonie s'engage à rendre Relais accessible. Nous suivons le Référentiel
        général d'amélioration de l'accessibilité (RGAA), version 4.1. Le RGAA reprend les règles internationales
        WCAG 2.2, niveau AA.
      </p>
      <p>Cette déclaration concerne le site Relais, à l'adresse relais.nc.</p>

      <h2>État de conformité</h2>
      <p>
        Relais est <strong>non conforme</strong> au RGAA 4.1 et aux WCAG 2.2, niveau AA.
      </p>
      <p>
        Non conforme veut dire ici : aucun audit n'a encore mesuré la conformité. Le RGAA demande alors d'écrire
        « non conforme », même si nos propres tests ne trouvent pas d'erreur.
      </p>

      <h2>Résultats des tests</h2>
      <p>
        Aucun audit complet n'a encore été fait par un organisme extérieur. Un audit est prévu. Nous publierons ses
        résultats sur cette page.
      </p>
      <p>En attendant, nous testons nous-mêmes :</p>
      <ul>
        <li>
          à chaque modification, des tests automatiques vérifient toutes les pages avec l'outil axe-core, pour les règles
          WCAG 2.2 des niveaux A et AA ;
        </li>
        <li>nous utilisons Relais au clavier seulement, sans souris ;</li>
        <li>nous vérifions les pages sur un petit écran de téléphone, et avec un zoom à 200 % et à 400 %.</li>
      </ul>
      <p>Les tests automatiques ne trouvent pas tous les problèmes. C'est pourquoi un audit reste nécessaire.</p>

      <h2>Ce qui aide à utiliser Relais</h2>
      <ul>
        <li>Toutes les pages marchent sans JavaScript.</li>
        <li>
          La page <a href="/affichage">Paramètres d'affichage</a> permet de choisir : un texte plus grand, plus
          d'espace entre les lignes, un contraste renforcé, une police plus facile à lire, un fond clair ou sombre.
        </li>
        <li>Un lien « Aller au contenu », au début de chaque page, permet de passer directement au contenu.</li>
      </ul>

      <h2>Contenus non accessibles</h2>
      <p>Nous connaissons ces problèmes :</p>
      <ul>
        <li>
          <strong>La carte des lieux.</strong> La carte est difficile à utiliser au clavier et avec un lecteur d'écran.
          La carte n'est qu'une aide en plus : la liste des lieux, sur la même page, donne toutes les informations de la
          carte.
        </li>
        <li>
          <strong>Les documents PDF.</strong> Certains documents PDF produits par Relais (exports, attestations) peuvent
          être en partie inaccessibles. Les mêmes informations sont aussi disponibles dans les pages du site. Si un
          document vous pose problème, écrivez-nous : nous vous l'enverrons dans un format accessible.
        </li>
      </ul>

      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le dimanche 22 novembre 2026.</p>
      <p>Technologies utilisées : HTML et CSS. JavaScript n'est pas nécessaire.</p>

      <h2>Signaler un problème</h2>
      <p>Une page ou un service de Relais vous bloque ? Dites-le-nous.</p>
      <p>Nous vous proposerons une autre façon d'obtenir l'information ou le service.</p>
      <p>Vous pouvez nous écrire :</p>
      <ul>
        <li>
          par e-mail : <a href={`mailto:${siteContacts.accessibilityEmail}`}>{siteContacts.accessibilityEmail}</a> ;
        </li>
        <li>par courrier, à l'adresse ci-dessous.</li>
      </ul>
      <address>
        {siteContacts.postalAddress.map((line) => (
          <>
            {line}
            <br />
          </>
        ))}
      </address>
      <p>
        Dites-nous quelle page vous pose problème et ce qui ne marche pas. Si vous le pouvez, dites aussi quel
        appareil et quel logiciel vous utilisez (par exemple : un lecteur d'écran). Un aidant peut aussi nous écrire
        pour vous.
      </p>

      <h2>Voies de recours</h2>
      <p>Vous nous avez signalé un problème, et notre réponse ne vous convient pas ? Vous pouvez contacter le Défenseur des droits.</p>
      <p>Le Défenseur des droits agit aussi en Nouvelle-Calédonie. C'est gratuit.</p>
      <ul>
        <li>
          Rencontrer un délégué du Défenseur des droits en Nouvelle-Calédonie :{' '}
          <a href="https://www.defenseurdesdroits.fr/">site du Défenseur des droits</a> (rubrique des délégués).
        </li>
        <li>
          Écrire en ligne :{' '}
          <a href="https://formulaire.defenseurdesdroits.fr/">formulaire de contact du Défenseur des droits</a>.
        </li>
        <li>
          Écrire par courrier, sans timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris Cedex 07, France.
        </li>
      </ul>
    </>
  );
}
