import { roleLabels, type Role } from '../../../platform/authz/index.ts';

export function HomePage(props: {
  person: { name: string; roles: { role: Role; organisationName: string }[] } | null;
  links: { href: string; label: string }[];
  demo: boolean;
}) {
  if (!props.person) {
    return (
      <>
        <h1>Relais, l’inclusion numérique en Nouvelle-Calédonie</h1>
        <p>Relais aide les personnes qui ont besoin d’aide avec le numérique.</p>
        <p>Relais relie les lieux qui aident : les Cases numériques, les Points Conseil Numérique dans les agences OPT, les associations.</p>
        <p>
          Vous avez besoin d’aide avec le numérique ? <a href="/rendez-vous">Prenez rendez-vous dans un Point Conseil Numérique</a>. C’est gratuit, sans compte.
        </p>
        <p>
          Vous voulez apprendre le numérique ? <a href="/ateliers">Voir les ateliers gratuits près de chez vous</a>.
        </p>
        <p>Les aidants, les animateurs et les partenaires se connectent pour noter leur travail et suivre leurs actions.</p>
        <p>
          <a class="r-button" href="/connexion">Se connecter</a>
        </p>
        {props.demo && (
          <p>
            Vous découvrez Relais ? <a href="/demo">Essayez un compte de démonstration</a>.
          </p>
        )}
      </>
    );
  }
  return (
    <>
      <h1>Bonjour {props.person.name}</h1>
      {props.person.roles.length === 0 ? (
        <p>Votre compte n’a pas encore de rôle. Demandez à un coordinateur de vous inviter dans votre organisation.</p>
      ) : (
        <>
          <h2>Vos rôles</h2>
          <ul>
            {props.person.roles.map((r) => (
              <li>
                {roleLabels[r.role]} — {r.organisationName}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Que voulez-vous faire ?</h2>
      <ul class="r-link-list">
        {props.links.map((l) => (
          <li>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
        <li>
          <a href="/compte">Gérer mon compte et ma sécurité</a>
        </li>
      </ul>
    </>
  );
}
