import { Button, ErrorSummary, SummaryList, Table, TextInput } from '../../../ui/index.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { errorLinks } from '../../../platform/http/forms.ts';
import { formatDateTime } from '../../../platform/format.ts';

export type AccountView = {
  name: string;
  email: string;
  phone: string | null;
  memberships: { organisationName: string; roleLabel: string }[];
  secondFactor: 'active' | 'inactive';
  secondFactorRequired: boolean;
};

export function AccountPage(props: { account: AccountView }) {
  const a = props.account;
  return (
    <>
      <h1>Mon compte</h1>
      <SummaryList
        rows={[
          { key: 'Nom', value: a.name },
          { key: 'Adresse e-mail', value: a.email },
          { key: 'Téléphone', value: a.phone ?? 'Non renseigné', actions: [{ href: '/compte/coordonnees', text: 'Modifier', visuallyHiddenText: 'mes coordonnées' }] },
          { key: 'Double authentification', value: a.secondFactor === 'active' ? 'Activée' : a.secondFactorRequired ? 'Obligatoire pour votre rôle, pas encore activée' : 'Non activée' },
        ]}
      />
      <h2>Mes rôles</h2>
      {a.memberships.length === 0 ? (
        <p>Vous n’avez aucun rôle pour l’instant. Demandez à un coordinateur de vous inviter dans votre organisation.</p>
      ) : (
        <ul>
          {a.memberships.map((m) => (
            <li>
              {m.roleLabel} — {m.organisationName}
            </li>
          ))}
        </ul>
      )}
      <h2>Sécurité</h2>
      <ul>
        <li>
          <a href="/compte/sessions">Voir mes sessions ouvertes</a>
        </li>
        {a.secondFactor === 'inactive' && (
          <li>
            <a href="/compte/double-authentification">Activer la double authentification</a>
          </li>
        )}
        <li>
          <a href="/mot-de-passe-oublie">Changer mon mot de passe</a>
        </li>
      </ul>
    </>
  );
}

export type SessionRow = { id: string; createdAt: Date; lastSeenAt: Date; ip: string | null; device: string; current: boolean };

export function SessionsPage(props: { sessions: SessionRow[] }) {
  return (
    <>
      <h1>Mes sessions</h1>
      <p>Voici les appareils où vous êtes connecté. Si vous ne reconnaissez pas un appareil, fermez sa session puis changez votre mot de passe.</p>
      <Table
        caption="Sessions ouvertes"
        head={['Appareil', 'Ouverte le', 'Dernière activité', 'Adresse réseau', 'Action']}
        rows={props.sessions.map((s) => [
          s.current ? `${s.device} (cet appareil)` : s.device,
          formatDateTime(s.createdAt),
          formatDateTime(s.lastSeenAt),
          s.ip ?? 'inconnue',
          <form method="post" action={`/compte/sessions/${s.id}/revoquer`}>
            <Button type="submit" variant="secondary">
              {s.current ? 'Fermer cette session (se déconnecter)' : 'Fermer cette session'}
            </Button>
          </form>,
        ])}
      />
    </>
  );
}

export function InvitationPage(props: {
  token: string;
  organisationName: string;
  roleLabel: string;
  email: string;
  existingAccount: boolean;
  name: string;
  errors: FieldErrors;
}) {
  return (
    <>
      <h1>Rejoindre {props.organisationName}</h1>
      {Object.keys(props.errors).length > 0 && <ErrorSummary errors={errorLinks(props.errors, ['name', 'password', 'confirmation'])} />}
      <p>
        Vous êtes invité avec le rôle « {props.roleLabel} », pour l’adresse {props.email}.
      </p>
      <form method="post" action={`/invitation/${props.token}`} novalidate>
        {props.existingAccount ? (
          <>
            <p>Vous avez déjà un compte Relais. Entrez votre mot de passe pour accepter l’invitation.</p>
            <TextInput id="password" name="password" type="password" label="Mot de passe actuel" autocomplete="current-password" error={props.errors.password} />
          </>
        ) : (
          <>
            <TextInput id="name" name="name" label="Prénom et nom" autocomplete="name" value={props.name} error={props.errors.name} />
            <TextInput
              id="password"
              name="password"
              type="password"
              label="Choisissez un mot de passe"
              hint="Au moins 12 caractères. Une phrase de quelques mots est facile à retenir et difficile à deviner."
              autocomplete="new-password"
              error={props.errors.password}
            />
            <TextInput id="confirmation" name="confirmation" type="password" label="Entrez le mot de passe une seconde fois" autocomplete="new-password" error={props.errors.confirmation} />
          </>
        )}
        <Button type="submit">Accepter l’invitation</Button>
      </form>
    </>
  );
}

export function LinkInvalidPage(props: { what: 'invitation' | 'reset' }) {
  return (
    <>
      <h1>{props.what === 'invitation' ? 'Cette invitation n’est plus valable' : 'Ce lien n’est plus valable'}</h1>
      <p>
        {props.what === 'invitation'
          ? 'Le lien a peut-être déjà servi, ou il a plus de 7 jours. Demandez à la personne qui vous a invité de vous envoyer une nouvelle invitation.'
          : 'Le lien a peut-être déjà servi, ou il a plus d’une heure.'}
      </p>
      {props.what === 'reset' && (
        <p>
          <a href="/mot-de-passe-oublie">Demander un nouveau lien</a>
        </p>
      )}
    </>
  );
}

export function ForgotPasswordPage(props: { email: string; errors: FieldErrors; sent: boolean }) {
  if (props.sent) {
    return (
      <>
        <h1>Vérifiez votre messagerie</h1>
        <p>Si un compte Relais existe pour {props.email}, un e-mail vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe.</p>
        <p>Le lien est valable une heure. Pensez à regarder dans les courriers indésirables.</p>
      </>
    );
  }
  return (
    <>
      <h1>Mot de passe oublié</h1>
      {Object.keys(props.errors).length > 0 && <ErrorSummary errors={errorLinks(props.errors, ['email'])} />}
      <p>Entrez l’adresse e-mail de votre compte. Nous vous enverrons un lien pour choisir un nouveau mot de passe.</p>
      <form method="post" action="/mot-de-passe-oublie" novalidate>
        <TextInput id="email" name="email" type="email" label="Adresse e-mail" autocomplete="username" value={props.email} error={props.errors.email} />
        <Button type="submit">Recevoir le lien</Button>
      </form>
    </>
  );
}

export function ResetPasswordPage(props: { token: string; errors: FieldErrors }) {
  return (
    <>
      <h1>Choisir un nouveau mot de passe</h1>
      {Object.keys(props.errors).length > 0 && <ErrorSummary errors={errorLinks(props.errors, ['password', 'confirmation'])} />}
      <form method="post" action={`/mot-de-passe/${props.token}`} novalidate>
        <TextInput
          id="password"
          name="password"
          type="password"
          label="Nouveau mot de passe"
          hint="Au moins 12 caractères. Une phrase de quelques mots est facile à retenir et difficile à deviner."
          autocomplete="new-password"
          error={props.errors.password}
        />
        <TextInput id="confirmation" name="confirmation" type="password" label="Entrez le mot de passe une seconde fois" autocomplete="new-password" error={props.errors.confirmation} />
        <Button type="submit">Enregistrer le mot de passe</Button>
      </form>
    </>
  );
}

export function DemoPage(props: { accounts: { userId: string; name: string; email: string; roles: string }[]; password: string }) {
  return (
    <>
      <h1>Comptes de démonstration</h1>
      <p>Cette instance de Relais contient des données de démonstration. Les personnes et les chiffres sont inventés.</p>
      <p>
        Choisissez un rôle pour découvrir Relais avec ses droits. Vous pouvez aussi vous connecter avec l’adresse e-mail du compte et le mot de passe <code>{props.password}</code>.
      </p>
      <Table
        caption="Un compte par rôle"
        head={['Personne', 'Rôle', 'Connexion']}
        rows={props.accounts.map((a) => [
          <>
            {a.name}
            <br />
            <span class="r-hint">{a.email}</span>
          </>,
          a.roles,
          <form method="post" action={`/demo/${a.userId}`}>
            <Button type="submit">Se connecter en tant que {a.name}</Button>
          </form>,
        ])}
      />
    </>
  );
}

export function OwnDetailsPage(props: { name: string; phone: string; errors: FieldErrors }) {
  return (
    <>
      <h1>Mes coordonnées</h1>
      {Object.keys(props.errors).length > 0 && <ErrorSummary errors={errorLinks(props.errors, ['name', 'phone'])} />}
      <form method="post" action="/compte/coordonnees" novalidate>
        <TextInput id="name" name="name" label="Prénom et nom" autocomplete="name" value={props.name} error={props.errors.name} />
        <TextInput
          id="phone"
          name="phone"
          type="tel"
          label="Numéro de téléphone"
          optional
          hint="Pour recevoir des rappels par SMS. 6 chiffres pour la Nouvelle-Calédonie, par exemple 26 12 34."
          autocomplete="tel"
          width={20}
          value={props.phone}
          error={props.errors.phone}
        />
        <Button type="submit">Enregistrer mes coordonnées</Button>
      </form>
    </>
  );
}
