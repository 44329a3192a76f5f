import { Button, ErrorSummary, TextInput } from '../../../ui/index.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { errorLinks } from '../../../platform/http/forms.ts';

export function SignInPage(props: { email: string; retour: string; errors: FieldErrors; problem?: string | undefined }) {
  const errors = props.errors;
  return (
    <>
      <h1>Se connecter</h1>
      {Object.keys(errors).length > 0 && <ErrorSummary errors={errorLinks(errors, ['email', 'password'])} />}
      <p>Relais sert aux aidants, aux animateurs, aux partenaires et aux coordinateurs. Pour trouver un lieu ou un atelier, vous n’avez pas besoin de compte.</p>
      <form method="post" action="/connexion" novalidate>
        <input type="hidden" name="retour" value={props.retour} />
        <TextInput id="email" name="email" type="email" label="Adresse e-mail" autocomplete="username" value={props.email} error={errors.email} />
        <TextInput id="password" name="password" type="password" label="Mot de passe" autocomplete="current-password" error={errors.password} />
        <Button type="submit">Se connecter</Button>
      </form>
      <p>
        <a href="/mot-de-passe-oublie">J’ai oublié mon mot de passe</a>
      </p>
      <p>Pas de compte ? Un administrateur ou un coordinateur de votre réseau vous invite par e-mail.</p>
    </>
  );
}

export function SecondFactorPage(props: { errors: FieldErrors }) {
  return (
    <>
      <h1>Code de vérification</h1>
      {Object.keys(props.errors).length > 0 && <ErrorSummary errors={errorLinks(props.errors, ['code'])} />}
      <p>Votre compte donne accès à des informations sensibles. Ouvrez votre application d’authentification et entrez le code à 6 chiffres affiché pour Relais.</p>
      <form method="post" action="/connexion/second-facteur" novalidate>
        <TextInput
          id="code"
          name="code"
          label="Code à 6 chiffres"
          hint="Vous n’avez plus votre téléphone ? Entrez un de vos codes de secours, par exemple 7K3F-92QD."
          autocomplete="one-time-code"
          inputmode="numeric"
          error={props.errors.code}
        />
        <Button type="submit">Vérifier le code</Button>
      </form>
      <form method="post" action="/deconnexion">
        <Button type="submit" variant="secondary">Annuler et se déconnecter</Button>
      </form>
    </>
  );
}

export function EnrolmentPage(props: { qrSvg: string; manualKey: string; errors: FieldErrors; required: boolean }) {
  return (
    <>
      <h1>Activer la double authentification</h1>
      {Object.keys(props.errors).length > 0 && <ErrorSummary errors={errorLinks(props.errors, ['code'])} />}
      {props.required && <p>Votre rôle donne accès à des informations sensibles : la double authentification est obligatoire pour votre compte.</p>}
      <ol>
        <li>Installez une application d’authentification sur votre téléphone (par exemple FreeOTP, Aegis ou Google Authenticator).</li>
        <li>Dans l’application, ajoutez un compte en scannant ce code QR, ou en tapant la clé ci-dessous.</li>
        <li>Entrez le code à 6 chiffres que l’application affiche.</li>
      </ol>
      <figure class="r-qr">
        <div role="img" aria-label="Code QR à scanner avec votre application d’authentification" dangerouslySetInnerHTML={{ __html: props.qrSvg }} />
        <figcaption>
          Clé à taper à la main : <code class="r-manual-key">{props.manualKey}</code>
        </figcaption>
      </figure>
      <form method="post" action="/compte/double-authentification" novalidate>
        <TextInput id="code" name="code" label="Code à 6 chiffres" autocomplete="one-time-code" inputmode="numeric" error={props.errors.code} />
        <Button type="submit">Activer la double authentification</Button>
      </form>
    </>
  );
}

export function RecoveryCodesPage(props: { codes: string[] }) {
  return (
    <>
      <h1>Vos codes de secours</h1>
      <p>La double authentification est activée.</p>
      <p>
        <strong>Gardez ces 10 codes dans un endroit sûr.</strong> Chaque code sert une seule fois, si vous n’avez plus votre téléphone. Ils ne seront plus jamais affichés.
      </p>
      <ul class="r-recovery-codes">
        {props.codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a class="r-button" href="/">Continuer vers l’accueil</a>
      </p>
    </>
  );
}
