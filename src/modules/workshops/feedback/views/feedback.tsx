import { Button, ErrorSummary, LinkButton, NotificationBanner, Pagination, SummaryList, Table, Textarea } from '../../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../../platform/http/forms.ts';
import { feedbackFieldOrder } from '../feedback.forms.ts';
import type { FeedbackAnswer } from '../feedback.schema.ts';
import { Face, FeedbackScale, ListenButton, type ScaleQuestion } from './scale.tsx';

export type FeedbackFormProps = {
  heading: string;
  intro: { title: string; when: string; where: string };
  action: string;
  mode: 'self' | 'assisted' | 'paper';
  questions: ScaleQuestion[];
  comment: string;
  errors: FieldErrors;
  submitLabel: string;
  honeypot: string | null;
  stylesheet: string;
  script: string | null;
  nonce: string | undefined;
  backHref: string | null;
};

const commentQuestion = 'Vous voulez nous dire autre chose ?';

/**
 * The feedback form in easy-to-read French: one short question per block, three faces with words, an optional
 * message. Works without script; with it, "Écouter" reads each question aloud.
 */
export function FeedbackFormPage(props: FeedbackFormProps) {
  return (
    <>
      <link rel="stylesheet" href={props.stylesheet} />
      {props.script ? <script src={props.script} nonce={props.nonce} defer></script> : null}
      <ErrorSummary errors={errorLinks(props.errors, feedbackFieldOrder)} />
      <h1>{props.heading}</h1>
      {props.mode === 'assisted' ? (
        <NotificationBanner kind="info" title="Avec un aidant" role="region" id="mode-accompagne">
          <p>Vous remplissez ce questionnaire avec la personne. Lisez-lui les questions. Cochez ses réponses, pas les vôtres.</p>
          <p>Ses réponses seront marquées « avec un aidant ».</p>
        </NotificationBanner>
      ) : null}
      {props.mode === 'paper' ? (
        <NotificationBanner kind="info" title="Réponse sur papier" role="region" id="mode-papier">
          <p>Recopiez les cases cochées sur une feuille. Une feuille à la fois. La réponse sera marquée « sur papier ».</p>
        </NotificationBanner>
      ) : null}
      <p class="r-lead">Vous avez participé à l’atelier « {props.intro.title} ».</p>
      <p>
        C’était le {props.intro.when}.
        <br />
        Lieu : {props.intro.where}.
      </p>
      {props.mode === 'paper' ? null : (
        <>
          <p>Dites-nous ce que vous pensez de l’atelier. Vos réponses nous aident à améliorer les ateliers.</p>
          <p>Vous n’êtes pas obligé de répondre à toutes les questions.</p>
          <p>Ne donnez pas votre nom. Vos réponses sont anonymes.</p>
        </>
      )}
      <form method="post" action={props.action} novalidate>
        {props.questions.map((q) => (
          <FeedbackScale {...q} />
        ))}
        <ListenButton text={`${commentQuestion} Vous pouvez écrire un message. Ce n’est pas obligatoire.`} what="la dernière question" />
        <Textarea id="comment" name="comment" label={commentQuestion} hint="Vous pouvez écrire un message. Ne donnez pas votre nom." value={props.comment} error={props.errors.comment} rows={4} optional />
        {props.honeypot ? (
          <div class="r-visually-hidden" aria-hidden="true">
            <label for={props.honeypot}>Ne remplissez pas ce champ</label>
            <input type="text" id={props.honeypot} name={props.honeypot} tabindex={-1} autocomplete="off" value="" />
          </div>
        ) : null}
        <Button>{props.submitLabel}</Button>
      </form>
      {props.backHref ? (
        <p>
          <a href={props.backHref}>Revenir sans enregistrer</a>
        </p>
      ) : null}
    </>
  );
}

export function FeedbackThanksPage(props: { assisted: boolean; againHref: string | null }) {
  return (
    <>
      <h1>Merci pour votre avis !</h1>
      <p class="r-lead">Nous avons bien reçu vos réponses.</p>
      <p>Vos réponses nous aident à améliorer les ateliers.</p>
      {props.againHref ? (
        <p>
          <LinkButton href={props.againHref}>{props.assisted ? 'Remplir le questionnaire avec une autre personne' : 'Saisir une autre réponse'}</LinkButton>
        </p>
      ) : null}
      <p>
        <a href="/ateliers">Voir les prochains ateliers</a>
      </p>
    </>
  );
}

export function FeedbackClosedPage(props: { title: string; text: string }) {
  return (
    <>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <p>
        <a href="/ateliers">Voir les prochains ateliers</a>
      </p>
    </>
  );
}

/** The paper version: the same questions, boxes to tick by hand, lines to write on. */
export function PaperFeedbackPage(props: {
  intro: { title: string; when: string; where: string };
  questions: { text: string; choices: { value: FeedbackAnswer; label: string }[] }[];
  stylesheet: string;
  backHref: string;
  entryHref: string;
}) {
  return (
    <>
      <link rel="stylesheet" href={props.stylesheet} />
      <p class="w-no-print">
        Imprimez cette page avec la commande d’impression de votre navigateur. Ensuite, saisissez les réponses avec la <a href={props.entryHref}>page de saisie des réponses papier</a>. <a href={props.backHref}>Revenir aux avis</a>
      </p>
      <h1>Votre avis sur l’atelier</h1>
      <p class="r-lead">Atelier « {props.intro.title} ».</p>
      <p>
        C’était le {props.intro.when}. Lieu : {props.intro.where}.
      </p>
      <p>Cochez une case pour chaque question. Vous n’êtes pas obligé de répondre à tout. Ne donnez pas votre nom.</p>
      {props.questions.map((q, i) => (
        <section class="w-paper-question" aria-labelledby={`question-${i + 1}`}>
          <h2 id={`question-${i + 1}`}>{q.text}</h2>
          <ul class="w-paper-scale">
            {q.choices.map((c) => (
              <li>
                <span class="w-box" aria-hidden="true"></span>
                <Face answer={c.value} />
                {c.label}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section class="w-paper-question" aria-labelledby="question-message">
        <h2 id="question-message">{commentQuestion}</h2>
        <p class="w-lines"></p>
        <p class="w-lines"></p>
        <p class="w-lines"></p>
      </section>
      <p>Merci pour votre avis !</p>
    </>
  );
}

export type SessionFeedbackProps = {
  sessionId: string;
  session: { title: string; programme: string; when: string; where: string; trainers: string };
  publicUrl: string;
  responses: number;
  modes: { label: string; count: number }[];
  satisfaction: string;
  questionRows: (string | number)[][];
  answerHeads: string[];
  comments: { when: string; mode: string; text: string }[];
  page: number;
  pageCount: number;
  can: { enter: boolean; assist: boolean };
};

/** Trainers' and coordinators' view of a session's feedback, with the links to collect more. */
export function SessionFeedbackPage(props: SessionFeedbackProps) {
  const base = `/gestion/seances/${props.sessionId}/avis`;
  return (
    <>
      <h1>Avis des participants : {props.session.title}</h1>
      <SummaryList
        rows={[
          { key: 'Quand', value: props.session.when },
          { key: 'Où', value: props.session.where },
          { key: 'Lien à donner aux participants', value: <a href={props.publicUrl}>{props.publicUrl}</a> },
          { key: 'Réponses', value: `${props.responses}${props.modes.length ? ` (${props.modes.map((m) => `${m.label.toLowerCase()} : ${m.count}`).join(', ')})` : ''}` },
          { key: 'Satisfaction', value: props.satisfaction },
        ]}
      />
      <div class="w-actions">
        {props.can.assist ? <a href={`/ateliers/${props.sessionId}/avis/accompagne`}>Remplir avec un participant</a> : null}
        {props.can.enter ? <a href={`${base}/papier`}>Imprimer la version papier</a> : null}
        {props.can.enter ? <a href={`${base}/saisie`}>Saisir des réponses papier</a> : null}
      </div>
      {props.responses === 0 ? (
        <p>Aucun participant n’a encore répondu. Donnez-leur le lien ci-dessus, remplissez le questionnaire avec eux, ou imprimez la version papier.</p>
      ) : (
        <>
          <Table caption="Réponses par question" head={['Question', ...props.answerHeads.map((text) => ({ text, numeric: true }))]} rows={props.questionRows} firstCellIsHeader />
          <h2>Messages des participants</h2>
          {props.comments.length === 0 ? (
            <p>Aucun message écrit.</p>
          ) : (
            <ul>
              {props.comments.map((m) => (
                <li>
                  <p>« {m.text} »</p>
                  <p class="r-secondary-text">
                    {m.when}, {m.mode.toLowerCase()}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={props.page} pageCount={props.pageCount} hrefFor={(n) => (n > 1 ? `${base}?page=${n}` : base)} />
        </>
      )}
    </>
  );
}
