import type { JSX } from 'hono/jsx/jsx-runtime';
import { Button, Checkboxes, ErrorSummary, Radios, Select } from '../../../../ui/index.ts';
import { communes, communeByCode } from '../../../../territory/index.ts';
import { accessibilityFeatures, services } from '../../places.enums.ts';
import { accessibilityFeatureLabels, serviceLabels } from '../../places.labels.ts';
import type { PlaceCard } from '../../places.public.ts';
import { PlaceCardView } from './parts.tsx';
import { distanceLabels } from './search.tsx';

export const whenChoices = ['egal', 'maintenant', 'weekend'] as const;
export type WhenChoice = (typeof whenChoices)[number];
const whenLabels = {
  egal: 'Peu importe',
  maintenant: 'Maintenant',
  weekend: 'Le samedi ou le dimanche',
} as const satisfies Record<WhenChoice, string>;

/** The answers so far, as they travel in the address from step to step (hidden fields, no JavaScript). */
export type OrientationAnswers = {
  service: string;
  commune: string;
  distance: string;
  when: string;
  needs: string[];
};

export type OrientationErrors = Partial<Record<'besoin' | 'commune' | 'distance' | 'quand', string>>;

/** The answers as query parameters, without the step. */
export function answerParams(answers: OrientationAnswers): [string, string][] {
  const pairs: [string, string][] = [];
  if (answers.service) pairs.push(['besoin', answers.service]);
  if (answers.commune) pairs.push(['commune', answers.commune]);
  if (answers.distance) pairs.push(['distance', answers.distance]);
  if (answers.when) pairs.push(['quand', answers.when]);
  for (const need of answers.needs) pairs.push(['accessibilite', need]);
  return pairs;
}

export function answersQuery(answers: OrientationAnswers, step?: number): string {
  const params = new URLSearchParams(answerParams(answers));
  if (step !== undefined) params.set('etape', String(step));
  return params.toString();
}

/** Earlier answers as hidden fields, leaving out the ones the current step asks. */
function Hidden({ answers, except }: { answers: OrientationAnswers; except: string[] }): JSX.Element {
  return (
    <>
      {answerParams(answers)
        .filter(([name]) => !except.includes(name))
        .map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
    </>
  );
}

const stepTitles = ['De quoi avez-vous besoin ?', 'Où êtes-vous ?', 'Quand voulez-vous y aller ?', 'Avez-vous besoin d’un lieu accessible ?'] as const;

/** The title of a step, for `<title>`. */
export function stepTitle(step: 1 | 2 | 3 | 4): string {
  return stepTitles[step - 1] ?? '';
}

/** One question of the four, as its own page: a GET form that carries the earlier answers. */
export function OrientationStep(props: { step: 1 | 2 | 3 | 4; answers: OrientationAnswers; errors: OrientationErrors }): JSX.Element {
  const { step, answers, errors } = props;
  const order = ['besoin', 'commune', 'distance', 'quand'] as const;
  const links = order.flatMap((key) => {
    const text = errors[key];
    return text ? [{ href: `#${key}`, text }] : [];
  });
  return (
    <>
      {links.length > 0 ? <ErrorSummary errors={links} /> : null}
      <p class="r-secondary-text">Question {step} sur 4</p>
      <form method="get" action="/orientation" novalidate>
        <input type="hidden" name="etape" value={String(step + 1)} />
        {step === 1 ? (
          <>
            <Hidden answers={answers} except={['besoin']} />
            <Radios
              id="besoin"
              name="besoin"
              label={stepTitles[0]}
              isPageHeading
              hint="Choisissez une réponse."
              items={services.map((s) => ({ value: s, label: serviceLabels[s] }))}
              value={answers.service}
              error={errors.besoin}
            />
          </>
        ) : null}
        {step === 2 ? (
          <>
            <Hidden answers={answers} except={['commune', 'distance']} />
            <h1>{stepTitles[1]}</h1>
            <Select
              id="commune"
              name="commune"
              label="Dans quelle commune êtes-vous ?"
              placeholder="Choisissez une commune"
              items={communes.map((c) => ({ value: c.code, label: c.name }))}
              value={answers.commune}
              error={errors.commune}
            />
            <Radios
              id="distance"
              name="distance"
              label="Jusqu’à quelle distance pouvez-vous aller ?"
              legendSize="s"
              items={[...Object.entries(distanceLabels).map(([value, label]) => ({ value, label })), { value: 'partout', label: 'Peu importe la distance' }]}
              value={answers.distance}
              error={errors.distance}
            />
          </>
        ) : null}
        {step === 3 ? (
          <>
            <Hidden answers={answers} except={['quand']} />
            <Radios
              id="quand"
              name="quand"
              label={stepTitles[2]}
              isPageHeading
              items={whenChoices.map((w) => ({ value: w, label: whenLabels[w] }))}
              value={answers.when}
              error={errors.quand}
            />
          </>
        ) : null}
        {step === 4 ? (
          <>
            <Hidden answers={answers} except={['accessibilite']} />
            <Checkboxes
              id="accessibilite"
              name="accessibilite"
              label={stepTitles[3]}
              isPageHeading
              hint="Cochez ce dont vous avez besoin. Si vous n’avez besoin de rien, ne cochez rien."
              items={accessibilityFeatures.map((a) => ({ value: a, label: accessibilityFeatureLabels[a] }))}
              values={answers.needs}
            />
          </>
        ) : null}
        <Button>{step === 4 ? 'Voir les lieux' : 'Continuer'}</Button>
      </form>
      {step > 1 ? (
        <p>
          <a href={`/orientation?${answersQuery(answers, step - 1)}`}>Revenir à la question précédente</a>
        </p>
      ) : null}
    </>
  );
}

/** The answers in words, for the result and the sheet. */
export function answerSummary(answers: OrientationAnswers): string[] {
  const lines: string[] = [];
  const service = services.find((s) => s === answers.service);
  if (service) lines.push(`Besoin : ${serviceLabels[service]}.`);
  const commune = communeByCode(answers.commune);
  const distance = Object.entries(distanceLabels).find(([value]) => value === answers.distance)?.[1];
  if (commune) lines.push(`Commune : ${commune.name}${distance ? `, ${distance.toLowerCase()}` : ''}.`);
  const when = whenChoices.find((w) => w === answers.when);
  if (when && when !== 'egal') lines.push(`Quand : ${whenLabels[when].toLowerCase()}.`);
  const needs = accessibilityFeatures.filter((a) => answers.needs.includes(a));
  if (needs.length > 0) lines.push(`Accessibilité : ${needs.map((a) => accessibilityFeatureLabels[a].toLowerCase()).join(', ')}.`);
  return lines;
}

/** The short list at the end of the questionnaire. */
export function OrientationResult(props: { answers: OrientationAnswers; cards: PlaceCard[] }): JSX.Element {
  const query = answersQuery(props.answers);
  return (
    <>
      <h1>Les lieux qui peuvent vous aider</h1>
      <p>Vous avez répondu :</p>
      <ul>
        {answerSummary(props.answers).map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <p>
        <a href={`/orientation?${answersQuery(props.answers, 1)}`}>Changer mes réponses</a>
      </p>
      {props.cards.length === 0 ? (
        <>
          <h2>Nous n’avons pas trouvé de lieu</h2>
          <p>Essayez d’aller un peu plus loin, ou de choisir un autre moment.</p>
          <p>
            <a href={`/orientation?${answersQuery(props.answers, 2)}`}>Changer la distance</a>
          </p>
        </>
      ) : (
        <>
          <h2>{props.cards.length === 1 ? 'Un lieu pour vous' : `${props.cards.length} lieux pour vous`}</h2>
          <ol class="p-results">
            {props.cards.map((card) => (
              <PlaceCardView card={card} headingLevel={3} />
            ))}
          </ol>
          <p>
            <a href={`/orientation/fiche?${query}`}>Voir la fiche d’orientation à imprimer</a>
          </p>
        </>
      )}
    </>
  );
}

/** The printable sheet: the answers, the places, blank lines for the person and the referrer. */
export function OrientationSheet(props: { answers: OrientationAnswers; cards: PlaceCard[]; date: string }): JSX.Element {
  return (
    <>
      <h1>Fiche d’orientation</h1>
      <p>Faite le {props.date}.</p>
      <p class="r-no-print">Pour imprimer cette fiche, utilisez le menu de votre navigateur (touches Ctrl et P).</p>
      <h2>La demande</h2>
      <ul>
        {answerSummary(props.answers).map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <p>Nom de la personne :</p>
      <p class="p-sheet__blank"></p>
      <p>Orientée par (nom, structure, téléphone) :</p>
      <p class="p-sheet__blank"></p>
      <h2>Les lieux proposés</h2>
      {props.cards.length === 0 ? (
        <p>Aucun lieu ne répond à toutes les réponses.</p>
      ) : (
        <ol class="p-results">
          {props.cards.map((card) => (
            <PlaceCardView card={card} headingLevel={3} />
          ))}
        </ol>
      )}
      <p class="r-no-print">
        <a href={`/orientation?${answersQuery(props.answers, 5)}`}>Revenir à la liste des lieux</a>
      </p>
    </>
  );
}
