import { Button, Checkboxes, ErrorSummary, NotificationBanner, Radios, Select, TextInput, Textarea } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';
import { honeypotField, registrationFieldOrder } from '../workshops.forms.ts';

export type RegistrationValues = {
  name: string;
  phone: string;
  email: string;
  communeCode: string;
  companion: string;
  accessNeeds: string[];
  accessNeedsText: string;
  disability: string;
  disabilityConsent: string;
};

export const emptyRegistration: RegistrationValues = { name: '', phone: '', email: '', communeCode: '', companion: '', accessNeeds: [], accessNeedsText: '', disability: '', disabilityConsent: '' };

export type RegistrationFormView = {
  action: string;
  title: string;
  when: string;
  where: string;
  full: boolean;
  onBehalf: boolean;
  values: RegistrationValues;
  errors: FieldErrors;
  communes: { value: string; label: string }[];
  needs: { value: string; label: string }[];
  disabilityAnswers: { value: string; label: string }[];
  purpose: string;
  backHref: string;
};

/**
 * Registration without an account, in easy-to-read French; every field has a visible label, the whole form works
 * with the keyboard. The disability question is apart, says why it is asked, and is kept only with consent.
 */
export function RegistrationFormPage(props: RegistrationFormView) {
  const v = props.values;
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, registrationFieldOrder)} />
      <h1>{props.full ? `Liste d’attente : ${props.title}` : `S’inscrire : ${props.title}`}</h1>
      <p>
        Quand : {props.when}
        <br />
        Où : {props.where}
      </p>
      {props.full ? <p>L’atelier est complet. Vous vous inscrivez sur la liste d’attente. Si une place se libère, nous vous envoyons un message.</p> : null}
      {props.onBehalf ? (
        <NotificationBanner kind="info" title="Vous inscrivez une autre personne">
          <p>Remplissez le formulaire avec la personne. Écrivez ses réponses, pas les vôtres.</p>
        </NotificationBanner>
      ) : null}
      <form method="post" action={props.action} novalidate>
        <h2>Vous</h2>
        <TextInput id="name" name="name" label="Votre prénom et votre nom" autocomplete="name" value={v.name} error={props.errors.name} spellcheck={false} />
        <p>Pour recevoir la confirmation, écrivez votre numéro de téléphone ou votre adresse e-mail. Un des deux suffit.</p>
        <TextInput id="phone" name="phone" type="tel" label="Votre numéro de téléphone" optional hint="Nous vous envoyons un SMS. Par exemple : 75 12 34" autocomplete="tel" inputmode="tel" width={10} value={v.phone} error={props.errors.phone} />
        <TextInput id="email" name="email" type="email" label="Votre adresse e-mail" optional hint="Nous vous envoyons un e-mail." autocomplete="email" spellcheck={false} value={v.email} error={props.errors.email} />
        <Select id="communeCode" name="communeCode" label="Votre commune" items={props.communes} value={v.communeCode} placeholder="Choisissez votre commune" error={props.errors.communeCode} />
        <Checkboxes
          id="companion"
          name="companion"
          label="Une personne vient avec vous ?"
          hint="Par exemple un proche qui vous aide. Cette personne ne prend pas de place."
          items={[{ value: 'oui', label: 'Je viens avec une personne qui m’aide' }]}
          values={v.companion === 'oui' ? ['oui'] : []}
          error={props.errors.companion}
          legendSize="s"
        />
        <h2>Ce qui vous aiderait</h2>
        <Checkboxes
          id="accessNeeds"
          name="accessNeeds"
          label="Qu’est-ce qui vous aiderait à participer ?"
          hint="Vous pouvez cocher plusieurs cases. Vous pouvez aussi ne rien cocher."
          items={props.needs}
          values={v.accessNeeds}
          error={props.errors.accessNeeds}
          legendSize="s"
        />
        <Textarea id="accessNeedsText" name="accessNeedsText" label="Autre chose qui vous aiderait" optional rows={3} maxlength={1000} value={v.accessNeedsText} error={props.errors.accessNeedsText} />
        <h2>Une question sur le handicap</h2>
        <p>{props.purpose}</p>
        <p>Vous n’êtes pas obligé de répondre.</p>
        <Radios id="disability" name="disability" label="Vivez-vous avec un handicap ?" items={props.disabilityAnswers} value={v.disability} error={props.errors.disability} legendSize="s" />
        <Checkboxes
          id="disabilityConsent"
          name="disabilityConsent"
          label="Votre accord"
          hint="Sans votre accord, nous ne gardons pas votre réponse à la question sur le handicap."
          items={[{ value: 'oui', label: 'J’accepte que Relais garde ma réponse pour compter les personnes en situation de handicap' }]}
          values={v.disabilityConsent === 'oui' ? ['oui'] : []}
          error={props.errors.disabilityConsent}
          legendSize="s"
        />
        {/* A trap for robots: people do not see this field, and screen readers skip it. */}
        <div class="r-visually-hidden" aria-hidden="true">
          <label for={honeypotField}>Ne remplissez pas ce champ</label>
          <input type="text" id={honeypotField} name={honeypotField} tabindex={-1} autocomplete="off" value="" />
        </div>
        <Button>{props.full ? 'M’inscrire sur la liste d’attente' : 'M’inscrire'}</Button>
      </form>
      <p>
        <a href={props.backHref}>Revenir à l’atelier</a>
      </p>
    </>
  );
}

/** After registering: what happens next. */
export function RegistrationDonePage(props: { status: 'confirmed' | 'waiting'; title: string; when: string; onBehalf: boolean; backHref: string }) {
  return (
    <>
      <h1>{props.status === 'confirmed' ? 'C’est fait : l’inscription est enregistrée' : 'C’est fait : vous êtes sur la liste d’attente'}</h1>
      <p>
        Atelier : {props.title}
        <br />
        Quand : {props.when}
      </p>
      {props.status === 'confirmed' ? (
        <p>{props.onBehalf ? 'La personne va recevoir un message de confirmation.' : 'Vous allez recevoir un message de confirmation.'} Deux jours avant l’atelier, nous envoyons un rappel.</p>
      ) : (
        <p>Si une place se libère, nous envoyons un message. Il faudra répondre dans les 48 heures.</p>
      )}
      <p>Le message contient un lien pour annuler.</p>
      <p>
        <a href={props.backHref}>Revenir à l’atelier</a>
      </p>
    </>
  );
}

export type MyRegistrationView = {
  token: string;
  status: 'confirmed' | 'waiting' | 'offered' | 'cancelled';
  title: string;
  when: string;
  where: string;
  offerUntil: string | null;
  sessionHref: string;
  sessionCancelled: boolean;
};

/** The page of the link in the messages: see one's registration, accept an offered seat, cancel. */
export function MyRegistrationPage(props: MyRegistrationView) {
  const base = `/ateliers/mon-inscription/${props.token}`;
  return (
    <>
      <h1>Votre inscription</h1>
      <p>
        Atelier : <a href={props.sessionHref}>{props.title}</a>
        <br />
        Quand : {props.when}
        <br />
        Où : {props.where}
      </p>
      {props.sessionCancelled ? (
        <p>Cet atelier est annulé. Vous n’avez rien à faire.</p>
      ) : props.status === 'confirmed' ? (
        <>
          <p>Vous êtes inscrit.</p>
          <h2>Vous ne pouvez pas venir ?</h2>
          <p>Annulez votre inscription. Votre place ira à une autre personne.</p>
          <form method="post" action={`${base}/annuler`}>
            <Button variant="warning">Annuler mon inscription</Button>
          </form>
        </>
      ) : props.status === 'offered' ? (
        <>
          <p>Une place est libre pour vous. Répondez avant le {props.offerUntil}.</p>
          <form method="post" action={`${base}/accepter`}>
            <Button>Oui, je prends la place</Button>
          </form>
          <form method="post" action={`${base}/annuler`}>
            <Button variant="secondary">Non merci, je laisse la place</Button>
          </form>
        </>
      ) : props.status === 'waiting' ? (
        <>
          <p>Vous êtes sur la liste d’attente. Si une place se libère, nous vous envoyons un message.</p>
          <form method="post" action={`${base}/annuler`}>
            <Button variant="warning">Quitter la liste d’attente</Button>
          </form>
        </>
      ) : (
        <p>Votre inscription est annulée.</p>
      )}
      <p>
        <a href="/ateliers">Voir tous les ateliers</a>
      </p>
    </>
  );
}
