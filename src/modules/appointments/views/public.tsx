import { Button, ErrorMessage, ErrorSummary, LinkButton, NotificationBanner, Radios, SummaryList, TextInput } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';
import { bookingFieldOrder, honeypotField } from '../appointments.forms.ts';

// The public journey, in plain words (FALC): one question per page, short sentences, dates in full.

const steps = 4;
function Step(props: { n: number }) {
  return <p class="r-hint">Étape {props.n} sur {steps}</p>;
}

export type AgencyChoice = { id: string; label: string; hint: string };

/** Step 1: which agency. */
export function AgencyChoicePage(props: { agencies: AgencyChoice[]; value: string; error?: string }) {
  return (
    <>
      <ErrorSummary errors={props.error ? [{ href: '#agence', text: props.error }] : []} />
      <Step n={1} />
      <h1>Prendre rendez-vous dans un Point Conseil Numérique</h1>
      <p>Un Point Conseil Numérique est un guichet dans une agence de l’Office des postes et télécommunications (OPT).</p>
      <p>Un aidant vous aide avec le numérique : un compte en ligne, un formulaire, votre téléphone. C’est gratuit.</p>
      <p>Vous n’avez pas besoin de compte pour prendre rendez-vous.</p>
      {props.agencies.length === 0 ? (
        <>
          <p>Aucune agence ne prend de rendez-vous pour le moment.</p>
          <p>
            <a href="/lieux">Trouvez un lieu qui aide, près de chez vous</a>.
          </p>
        </>
      ) : (
        <form method="get" action="/rendez-vous/motif" novalidate>
          <Radios id="agence" name="agence" label="Dans quelle agence voulez-vous aller ?" legendSize="m" hint="Les agences sont rangées par commune." items={props.agencies.map((a) => ({ value: a.id, label: a.label, hint: a.hint }))} value={props.value} error={props.error} />
          <Button>Continuer</Button>
        </form>
      )}
    </>
  );
}

export type MotifChoice = { id: string; label: string; hint: string };

/** Step 2: why. */
export function MotifChoicePage(props: { agencyId: string; agencyName: string; motifs: MotifChoice[]; value: string; error?: string }) {
  return (
    <>
      <ErrorSummary errors={props.error ? [{ href: '#motif', text: props.error }] : []} />
      <Step n={2} />
      <form method="get" action="/rendez-vous/creneau" novalidate>
        <input type="hidden" name="agence" value={props.agencyId} />
        <Radios id="motif" name="motif" label="Pourquoi voulez-vous un rendez-vous ?" isPageHeading legendSize="l" hint={`Agence : ${props.agencyName}.`} items={props.motifs.map((m) => ({ value: m.id, label: m.label, hint: m.hint }))} value={props.value} error={props.error} />
        <Button>Continuer</Button>
      </form>
      <p>
        <a href="/rendez-vous">Choisir une autre agence</a>
      </p>
    </>
  );
}

export type SlotDayView = { day: string; title: string; closed: string | null; slots: { key: string; label: string }[] };

/** Step 3: when, one week at a time. */
export function SlotChoicePage(props: {
  agencyId: string;
  motifId: string;
  agencyName: string;
  motifText: string;
  weekTitle: string;
  days: SlotDayView[];
  previousHref: string | null;
  nextHref: string | null;
  value: string;
  error?: string;
}) {
  const withSlots = props.days.filter((d) => d.slots.length > 0);
  return (
    <>
      <ErrorSummary errors={props.error ? [{ href: '#creneau', text: props.error }] : []} />
      <Step n={3} />
      <h1>Choisissez le jour et l’heure</h1>
      <p>
        Agence : {props.agencyName}. Raison : {props.motifText}.
      </p>
      <h2>{props.weekTitle}</h2>
      {withSlots.length === 0 ? (
        <div id="creneau" tabindex={-1}>
          {props.error ? <ErrorMessage id="creneau" text={props.error} /> : null}
          <p>Il n’y a plus d’heure libre cette semaine. {props.nextHref ? 'Regardez la semaine suivante.' : 'Choisissez une autre agence ou revenez plus tard.'}</p>
        </div>
      ) : (
        <form method="get" action="/rendez-vous/coordonnees" novalidate>
          <input type="hidden" name="agence" value={props.agencyId} />
          <input type="hidden" name="motif" value={props.motifId} />
          {props.days.map((d) =>
            d.slots.length > 0 ? (
              <Radios
                id={d.day === withSlots[0]?.day ? 'creneau' : `creneau-${d.day}`}
                name="creneau"
                label={d.title}
                legendSize="s"
                inline
                items={d.slots.map((s) => ({ value: s.key, label: s.label }))}
                value={props.value}
                error={d.day === withSlots[0]?.day ? props.error : undefined}
              />
            ) : (
              <p>
                <strong>{d.title}</strong> : {d.closed ?? 'plus d’heure libre'}.
              </p>
            ),
          )}
          <Button>Continuer</Button>
        </form>
      )}
      <nav aria-label="Autres semaines" class="r-week-nav">
        <ul class="r-link-list">
          {props.previousHref ? (
            <li>
              <a href={props.previousHref}>Semaine précédente</a>
            </li>
          ) : null}
          {props.nextHref ? (
            <li>
              <a href={props.nextHref}>Semaine suivante</a>
            </li>
          ) : null}
        </ul>
      </nav>
      <p>
        <a href={`/rendez-vous/motif?agence=${props.agencyId}`}>Choisir une autre raison</a>
      </p>
    </>
  );
}

export type BookingValues = { agence: string; motif: string; creneau: string; nom: string; telephone: string; email: string };

/** Step 4: who, then the booking itself (POST). */
export function DetailsPage(props: { values: BookingValues; agencyName: string; whereText: string; motifText: string; whenText: string; phoneMotif: boolean; errors: FieldErrors }) {
  const v = props.values;
  const slotsHref = `/rendez-vous/creneau?agence=${v.agence}&motif=${v.motif}`;
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, bookingFieldOrder)} />
      <Step n={4} />
      <h1>Vos coordonnées</h1>
      <p>Vérifiez votre rendez-vous. Puis donnez votre nom et votre numéro de téléphone.</p>
      <SummaryList
        rows={[
          { key: 'Agence', value: props.whereText, actions: [{ href: '/rendez-vous', text: 'Changer', visuallyHiddenText: 'l’agence' }] },
          { key: 'Raison', value: props.motifText, actions: [{ href: `/rendez-vous/motif?agence=${v.agence}`, text: 'Changer', visuallyHiddenText: 'la raison' }] },
          { key: 'Jour et heure', value: props.whenText, actions: [{ href: slotsHref, text: 'Changer', visuallyHiddenText: 'le jour et l’heure' }] },
        ]}
      />
      {props.errors.creneau ? (
        <div id="creneau" tabindex={-1}>
          <ErrorMessage id="creneau" text={props.errors.creneau} />
          <p>
            <a href={slotsHref}>Choisir une autre heure</a>
          </p>
        </div>
      ) : null}
      <form method="post" action="/rendez-vous" id="formulaire" tabindex={-1} novalidate>
        {props.errors.formulaire ? <ErrorMessage id="formulaire" text={props.errors.formulaire} /> : null}
        <input type="hidden" name="agence" value={v.agence} />
        <input type="hidden" name="motif" value={v.motif} />
        <input type="hidden" name="creneau" value={v.creneau} />
        <TextInput id="nom" name="nom" label="Votre nom et votre prénom" autocomplete="name" spellcheck={false} value={v.nom} error={props.errors.nom} />
        <TextInput
          id="telephone"
          name="telephone"
          type="tel"
          label="Votre numéro de téléphone"
          optional={!props.phoneMotif}
          hint={props.phoneMotif ? 'L’agence vous appelle à ce numéro. 6 chiffres, par exemple 26 12 34.' : 'Vous recevez un SMS pour confirmer. 6 chiffres, par exemple 26 12 34.'}
          autocomplete="tel"
          inputmode="tel"
          width={20}
          value={v.telephone}
          error={props.errors.telephone}
        />
        <TextInput id="email" name="email" type="email" label="Votre adresse e-mail" optional hint="Si vous n’avez pas de téléphone, vous recevez un e-mail pour confirmer." autocomplete="email" spellcheck={false} value={v.email} error={props.errors.email} />
        {/* A trap for robots: people do not see this field, and screen readers skip it. */}
        <div class="r-visually-hidden" aria-hidden="true">
          <label for={honeypotField}>Ne remplissez pas ce champ</label>
          <input type="text" id={honeypotField} name={honeypotField} tabindex={-1} autocomplete="off" value="" />
        </div>
        <Button>Prendre le rendez-vous</Button>
      </form>
    </>
  );
}

export type AppointmentSummary = { whenText: string; whereText: string; motifText: string; statusText: string; cancellable: boolean; cancelled: boolean };

function summaryRows(a: AppointmentSummary) {
  return [
    { key: 'Jour et heure', value: a.whenText },
    { key: 'Agence', value: a.whereText },
    { key: 'Raison', value: a.motifText },
    { key: 'État', value: a.statusText },
  ];
}

/** The person's page, reached by the link of their messages. */
export function AppointmentPage(props: { appointment: AppointmentSummary; cancelHref: string }) {
  const a = props.appointment;
  return (
    <>
      <h1>Votre rendez-vous</h1>
      {a.cancelled ? (
        <NotificationBanner kind="info" title="Rendez-vous annulé" role="region" id="etat">
          <p>Ce rendez-vous est annulé. L’agence le sait.</p>
        </NotificationBanner>
      ) : null}
      <SummaryList rows={summaryRows(a)} />
      {a.cancellable ? (
        <>
          <p>Vous ne pouvez pas venir ? Annulez le rendez-vous. Une autre personne pourra prendre cette heure.</p>
          <LinkButton href={props.cancelHref} variant="secondary">
            Annuler le rendez-vous
          </LinkButton>
        </>
      ) : null}
      <p>
        <a href="/rendez-vous">Prendre un autre rendez-vous</a>
      </p>
    </>
  );
}

/** The confirmation before cancelling. */
export function CancelPage(props: { appointment: AppointmentSummary; action: string; backHref: string }) {
  return (
    <>
      <h1>Voulez-vous annuler votre rendez-vous ?</h1>
      <SummaryList rows={summaryRows(props.appointment)} />
      <form method="post" action={props.action}>
        <Button variant="warning">Oui, annuler le rendez-vous</Button>
      </form>
      <p>
        <a href={props.backHref}>Non, garder le rendez-vous</a>
      </p>
    </>
  );
}
