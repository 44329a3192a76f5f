import type { JSX } from 'hono/jsx/jsx-runtime';
import { Table } from '../../../ui/index.ts';
import { siteContacts } from './site-contacts.ts';

/**
 * How long each kind of data is kept. The first four are what the code does today
 * (`accounts.commands.ts`, display cookie); the last two are the rule the purge jobs must follow —
 * to be confirmed with the data protection officer before going live.
 */
const retention: [string, string][] = [
  ['Votre compte (nom, adresse e-mail, rôle)', 'Tant que votre compte est ouvert. Il est supprimé quand vous le demandez ou quand votre organisation le ferme.'],
  ['Les sessions de connexion', '30 jours au plus'],
  ['Les essais de connexion qui ont échoué', '24 heures'],
  ['Les liens d’invitation et les liens pour changer de mot de passe', '7 jours pour une invitation, 1 heure pour un mot de passe'],
  ['Le journal des actions (qui a fait quoi, et quand)', '5 ans'],
  ['Le suivi d’une personne accompagnée', 'Jusqu’à ce que la personne retire son accord, et au plus 2 ans après le dernier accompagnement'],
  ['Les besoins d’accessibilité pour un atelier', '3 mois après l’atelier'],
];

/**
 * The personal data page ("Données personnelles"), linked from every page's footer.
 *
 * @example
 * page(c, { title: 'Données personnelles' }, <PersonalData />)
 */
export function PersonalData(): JSX.Element {
  const email = <a href={`mailto:${siteContacts.personalDataEmail}`}>{siteContacts.personalDataEmail}</a>;
  return (
    <>
      <h1>Données personnelles</h1>
      <p class="r-lead">Cette page explique quelles informations sur vous Relais garde, pourquoi, et quels sont vos droits.</p>
      <p>Une donnée personnelle, c’est une information sur vous : votre nom, votre numéro de téléphone, vos besoins.</p>

      <h2>Qui est responsable de vos données</h2>
      <p>
        Le responsable est le {siteContacts.publisher}, {siteContacts.publisherService}, à Nouméa.
      </p>
      <p>
        Nous respectons la réglementation applicable en Nouvelle-Calédonie, notamment la loi Informatique et libertés
        du 6 janvier 1978.
      </p>

      <h2>Quelles données nous gardons</h2>
      <h3>Pour les personnes qui ont un compte</h3>
      <p>
        Les aidants, les responsables de lieux et les partenaires ont un compte. Nous gardons : leur nom, leur adresse
        e-mail, leur organisation, leur rôle, et ce qu’ils font dans Relais.
      </p>
      <h3>Pour les personnes accompagnées</h3>
      <p>Un aidant peut vous aider sans rien noter sur vous : l’accompagnement est alors anonyme.</p>
      <p>
        Un aidant ne peut suivre votre parcours <strong>que si vous êtes d’accord</strong>. Il note alors votre nom,
        un moyen de vous contacter, et l’aide que vous avez reçue.
      </p>
      <p>Nous ne gardons jamais vos mots de passe, ni ceux de vos comptes sur d’autres sites.</p>
      <h3>Les données sensibles</h3>
      <p>
        Certaines informations sont sensibles : par exemple, un handicap ou un besoin d’aide pour venir à un atelier
        (« ce qui vous aiderait »). Pour ces informations :
      </p>
      <ul>
        <li>nous les notons seulement si vous le demandez et si vous êtes clairement d’accord ;</li>
        <li>seules les personnes qui en ont besoin peuvent les voir, par exemple l’animateur de votre atelier ;</li>
        <li>elles sont effacées automatiquement après un temps fixé (voir le tableau plus bas).</li>
      </ul>

      <h2>Pourquoi nous gardons ces données</h2>
      <ul>
        <li>Vous orienter vers le bon lieu d’accueil et vous accompagner.</li>
        <li>Organiser les ateliers : inscriptions, rappels, présence, avis des participants.</li>
        <li>Permettre aux aidants de suivre votre parcours, si vous êtes d’accord.</li>
        <li>Protéger le service : savoir qui a fait quoi, et bloquer les tentatives d’intrusion.</li>
        <li>
          Produire des statistiques. Les statistiques sont anonymes : elles ne permettent pas de savoir qui vous êtes.
        </li>
      </ul>
      <p>Nous ne vendons pas vos données. Nous ne les utilisons pas pour de la publicité.</p>

      <h2>Ce qui nous autorise à le faire</h2>
      <ul>
        <li>
          Pour les comptes, les accompagnements anonymes, les ateliers et la sécurité : c’est une mission de service
          public, l’inclusion numérique.
        </li>
        <li>
          Pour le suivi d’une personne accompagnée : votre accord. Vous pouvez le retirer à tout moment.
        </li>
        <li>
          Pour les données sensibles : votre accord clair et exprès, donné pour cela seulement.
        </li>
      </ul>

      <h2>Qui peut voir vos données</h2>
      <ul>
        <li>Les personnes de l’organisation qui vous accompagne, selon leur rôle.</li>
        <li>Pour les données sensibles : seulement les personnes qui en ont besoin pour vous aider.</li>
        <li>
          Les prestataires techniques qui hébergent Relais et envoient les e-mails et les SMS. Ils n’ont pas le droit
          d’utiliser vos données pour autre chose.
        </li>
      </ul>
      <p>Vos données sont hébergées en Nouvelle-Calédonie.</p>

      <h2>Combien de temps nous gardons vos données</h2>
      <Table
        id="donnees-durees"
        caption="Durée de conservation des données"
        captionSize="s"
        firstCellIsHeader
        head={['Données', 'Durée']}
        rows={retention.map(([what, howLong]) => [what, howLong])}
      />
      <p>Après ces durées, les données sont effacées automatiquement.</p>

      <h2>Cookies</h2>
      <p>Un cookie est un petit fichier que le site garde dans votre navigateur.</p>
      <p>Relais n’utilise aucun cookie de publicité ni de mesure d’audience. Relais utilise seulement :</p>
      <ul>
        <li>un cookie de session, pour rester connecté (30 jours au plus) ;</li>
        <li>un cookie qui garde vos paramètres d’affichage, si vous les changez (environ 13 mois) ;</li>
        <li>un cookie très court qui affiche un message après une action (par exemple « Enregistré »), effacé aussitôt.</li>
      </ul>
      <p>Ces cookies sont nécessaires au service. Ils ne servent pas à vous suivre.</p>

      <h2>Vos droits</h2>
      <p>Vous avez le droit :</p>
      <ul>
        <li>de savoir quelles données nous avons sur vous, et d’en avoir une copie (droit d’accès) ;</li>
        <li>de corriger une donnée fausse (droit de rectification) ;</li>
        <li>de faire effacer vos données (droit à l’effacement) ;</li>
        <li>de vous opposer à l’utilisation de vos données (droit d’opposition) ;</li>
        <li>de retirer votre accord à tout moment, si nous utilisons vos données avec votre accord.</li>
      </ul>

      <h2>Comment utiliser vos droits</h2>
      <p>Écrivez-nous par e-mail : {email}.</p>
      <p>Vous pouvez aussi écrire par courrier :</p>
      <address>
        {siteContacts.postalAddress.map((line) => (
          <>
            {line}
            <br />
          </>
        ))}
      </address>
      <p>
        Vous pouvez aussi demander à l’aidant qui vous accompagne : il peut nous écrire pour vous, ou corriger vos
        données avec vous.
      </p>
      <p>Nous vous répondons dans un délai d’un mois au plus.</p>

      <h2>Faire une réclamation</h2>
      <p>
        Vous pensez que nous ne respectons pas vos droits ? Vous pouvez contacter la Commission nationale de
        l’informatique et des libertés (CNIL).
      </p>
      <p>
        <a href="https://www.cnil.fr/fr/plaintes">Faire une réclamation sur le site de la CNIL</a>.
      </p>
    </>
  );
}
