import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../../platform/http/access.ts';
import { redirectWithFlash } from '../../../platform/http/flash.ts';
import { inputValue, readForm, type FieldErrors, type FormInput } from '../../../platform/http/forms.ts';
import { errorPage, page } from '../../../platform/http/render.tsx';
import type { Actor } from '../../../platform/authz/index.ts';
import { formatDateTime } from '../../../platform/format.ts';
import { countEvent, limitReached } from '../../../platform/rate-limit/index.ts';
import { clientOf } from '../../accounts/accounts.sessions.ts';
import { honeypotField } from '../workshops.forms.ts';
import { findSession, type SessionView } from '../workshops.queries.ts';
import { dayAssetHref } from '../day/day.assets.ts';
import { dayPermissions, sessionHeading } from '../day/day.presenters.ts';
import { feedbackWindow, submitFeedback, type FeedbackWindow } from './feedback.commands.ts';
import { feedbackFields } from './feedback.forms.ts';
import { feedbackAnswerLabels, feedbackModeLabels, feedbackQuestionLabels, feedbackScaleLabels } from './feedback.labels.ts';
import { commentsOfSession, feedbackSummaries, satisfactionPercent } from './feedback.queries.ts';
import { feedbackAnswers, feedbackModes, feedbackQuestions, type FeedbackMode } from './feedback.schema.ts';
import { FeedbackClosedPage, FeedbackFormPage, FeedbackThanksPage, PaperFeedbackPage, SessionFeedbackPage } from './views/feedback.tsx';
import type { ScaleQuestion } from './views/scale.tsx';

/**
 * Participants' feedback: the public form (/ateliers/:id/avis, no account), the helper-assisted form, the paper
 * version and its entry screen, and the trainers' and coordinators' view of the answers.
 */
export const feedbackRoutes = new Hono<AppEnv>();

/** Answers from one network address per hour: a family answering on one phone is fine, a robot is not. */
const feedbackLimit = { max: 30, windowMinutes: 60 };

function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

function questions(input: FormInput, errors: FieldErrors): ScaleQuestion[] {
  return feedbackQuestions.map((q, i) => ({
    name: q,
    number: i + 1,
    text: feedbackQuestionLabels[q],
    choices: feedbackAnswers.map((a) => ({ value: a, label: feedbackAnswerLabels[q][a] })),
    value: inputValue(input, q),
    error: errors[q],
  }));
}

const windowTexts: Record<Exclude<FeedbackWindow, 'open'>, { title: string; text: string }> = {
  not_yet: { title: 'Le questionnaire n’est pas encore ouvert', text: 'Vous pourrez donner votre avis à la fin de l’atelier.' },
  closed: { title: 'Le questionnaire est fermé', text: 'Cet atelier est fini depuis longtemps. Merci de votre intérêt.' },
  cancelled: { title: 'Cet atelier est annulé', text: 'Il n’y a pas d’avis à donner sur un atelier annulé.' },
};

type FormSetup = { mode: FeedbackMode; action: string; heading: string; submitLabel: string; backHref: string | null };

function setupFor(session: SessionView, mode: FeedbackMode): FormSetup {
  if (mode === 'assisted') return { mode, action: `/ateliers/${session.id}/avis/accompagne`, heading: 'Votre avis sur l’atelier, avec un aidant', submitLabel: 'Envoyer l’avis de la personne', backHref: `/gestion/seances/${session.id}/avis` };
  if (mode === 'paper') return { mode, action: `/gestion/seances/${session.id}/avis/saisie`, heading: 'Saisir une réponse papier', submitLabel: 'Enregistrer cette réponse', backHref: `/gestion/seances/${session.id}/avis` };
  return { mode, action: `/ateliers/${session.id}/avis`, heading: 'Votre avis sur l’atelier', submitLabel: 'Envoyer mon avis', backHref: null };
}

function formPage(c: Context<AppEnv>, session: SessionView, setup: FormSetup, input: FormInput, errors: FieldErrors) {
  const heading = sessionHeading(session);
  return page(
    c,
    { title: setup.mode === 'self' ? `Votre avis sur l’atelier « ${session.series.title} »` : `${setup.heading} : ${session.series.title}`, hasErrors: Object.keys(errors).length > 0 },
    <FeedbackFormPage
      heading={setup.heading}
      intro={{ title: session.series.title, when: heading.when, where: heading.where }}
      action={setup.action}
      mode={setup.mode}
      questions={questions(input, errors)}
      comment={inputValue(input, 'comment')}
      errors={errors}
      submitLabel={setup.submitLabel}
      honeypot={setup.mode === 'self' ? honeypotField : null}
      stylesheet={dayAssetHref('styles')}
      script={setup.mode === 'paper' ? null : dayAssetHref('listen')}
      nonce={c.get('secureHeadersNonce')}
      backHref={setup.backHref}
    />,
  );
}

/** Why the form is not open: a plain page (200) when opened from a link, 409 when answers were sent anyway. */
const modeTitleSuffix: Record<FeedbackMode, string> = { self: '', assisted: ' (avis avec un aidant)', paper: ' (saisie d’une réponse papier)' };

/** Each way in keeps its own page title, so that the three closed pages stay distinguishable. */
function closedPage(c: Context<AppEnv>, why: Exclude<FeedbackWindow, 'open'>, mode: FeedbackMode = 'self') {
  const { title, text } = windowTexts[why];
  return page(c, { title: `${title}${modeTitleSuffix[mode]}`, status: c.req.method === 'GET' ? 200 : 409 }, <FeedbackClosedPage title={title} text={text} />);
}

async function handleSubmit(c: Context<AppEnv>, session: SessionView, mode: FeedbackMode, actor: Actor | null, thanksHref: string) {
  const setup = setupFor(session, mode);
  const { db } = c.get('services').database;
  const form = await readForm(c, feedbackFields);
  // A robot filled the hidden field: answer as if it worked, store nothing.
  if (mode === 'self' && inputValue(form.input, honeypotField) !== '') return c.redirect(thanksHref, 303);
  if (!form.ok) return formPage(c, session, setup, form.input, form.errors);
  const key = `workshop-feedback:ip:${clientOf(c).ip ?? 'inconnue'}`;
  const result = await db.transaction(async (tx) => {
    if (mode === 'self' && (await limitReached(tx, key, feedbackLimit))) return 'limited' as const;
    const saved = await submitFeedback(tx, actor, session, mode, form.data);
    if (saved.ok && mode === 'self') await countEvent(tx, key);
    return saved;
  });
  if (result === 'limited') return formPage(c, session, setup, form.input, { [feedbackQuestions[0]]: 'Beaucoup de réponses viennent d’ici en peu de temps. Attendez une heure, puis envoyez de nouveau.' });
  if (!result.ok) return closedPage(c, result.error);
  return c.redirect(thanksHref, 303);
}

// ——— Public: the participant alone ———

feedbackRoutes.get('/ateliers/:id/avis', access.public(), async (c) => {
  const session = await findSession(c.get('services').database.db, c.req.param('id'));
  if (!session) return errorPage(c, 404);
  const window = feedbackWindow(session);
  if (window !== 'open') return closedPage(c, window);
  return formPage(c, session, setupFor(session, 'self'), {}, {});
});

feedbackRoutes.post('/ateliers/:id/avis', access.public(), async (c) => {
  const session = await findSession(c.get('services').database.db, c.req.param('id'));
  if (!session) return errorPage(c, 404);
  return handleSubmit(c, session, 'self', null, `/ateliers/${session.id}/avis/merci`);
});

feedbackRoutes.get('/ateliers/:id/avis/merci', access.public(), async (c) => {
  const session = await findSession(c.get('services').database.db, c.req.param('id'));
  if (!session) return errorPage(c, 404);
  const assisted = c.req.query('mode') === 'accompagne';
  const can = dayPermissions(c.get('actor') ?? null, session);
  const againHref = assisted && can.feedbackAssist ? `/ateliers/${session.id}/avis/accompagne` : null;
  return page(c, { title: 'Merci pour votre avis' }, <FeedbackThanksPage assisted={assisted} againHref={againHref} />);
});

// ——— With a helper ———

async function sessionFor(c: Context<AppEnv>, action: 'feedbackAssist' | 'feedbackEnter' | 'feedbackRead'): Promise<SessionView | null | 'forbidden'> {
  const session = await findSession(c.get('services').database.db, c.req.param('id') ?? '');
  if (!session) return null;
  const can = dayPermissions(c.get('actor') ?? null, session);
  if (can[action]) return session;
  return can.view ? 'forbidden' : null;
}

feedbackRoutes.get('/ateliers/:id/avis/accompagne', access.to('workshop.feedback.assist'), async (c) => {
  const session = await sessionFor(c, 'feedbackAssist');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  const window = feedbackWindow(session);
  if (window !== 'open') return closedPage(c, window, 'assisted');
  return formPage(c, session, setupFor(session, 'assisted'), {}, {});
});

feedbackRoutes.post('/ateliers/:id/avis/accompagne', access.to('workshop.feedback.assist'), async (c) => {
  const session = await sessionFor(c, 'feedbackAssist');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  return handleSubmit(c, session, 'assisted', currentActor(c), `/ateliers/${session.id}/avis/merci?mode=accompagne`);
});

// ——— Paper ———

feedbackRoutes.get('/gestion/seances/:id/avis/papier', access.to('workshop.feedback.enter'), async (c) => {
  const session = await sessionFor(c, 'feedbackEnter');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  const heading = sessionHeading(session);
  return page(
    c,
    { title: `Questionnaire papier : ${session.series.title}` },
    <PaperFeedbackPage
      intro={{ title: session.series.title, when: heading.when, where: heading.where }}
      questions={feedbackQuestions.map((q) => ({ text: feedbackQuestionLabels[q], choices: feedbackAnswers.map((a) => ({ value: a, label: feedbackAnswerLabels[q][a] })) }))}
      stylesheet={dayAssetHref('styles')}
      backHref={`/gestion/seances/${session.id}/avis`}
      entryHref={`/gestion/seances/${session.id}/avis/saisie`}
    />,
  );
});

feedbackRoutes.get('/gestion/seances/:id/avis/saisie', access.to('workshop.feedback.enter'), async (c) => {
  const session = await sessionFor(c, 'feedbackEnter');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  const window = feedbackWindow(session);
  if (window === 'not_yet' || window === 'cancelled') return closedPage(c, window, 'paper');
  return formPage(c, session, setupFor(session, 'paper'), {}, {});
});

feedbackRoutes.post('/gestion/seances/:id/avis/saisie', access.to('workshop.feedback.enter'), async (c) => {
  const actor = currentActor(c);
  const session = await sessionFor(c, 'feedbackEnter');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  const form = await readForm(c, feedbackFields);
  const setup = setupFor(session, 'paper');
  if (!form.ok) return formPage(c, session, setup, form.input, form.errors);
  const result = await c.get('services').database.db.transaction((tx) => submitFeedback(tx, actor, session, 'paper', form.data));
  if (!result.ok) return closedPage(c, result.error);
  return redirectWithFlash(c, `/gestion/seances/${session.id}/avis/saisie`, { kind: 'success', text: 'Réponse papier enregistrée. Saisissez la feuille suivante, ou revenez aux avis.' });
});

// ——— Reading the answers ———

feedbackRoutes.get('/gestion/seances/:id/avis', access.to('workshop.feedback.read'), async (c) => {
  const session = await sessionFor(c, 'feedbackRead');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  const { db } = c.get('services').database;
  const requested = Number.parseInt(c.req.query('page') ?? '1', 10);
  const [summaries, list] = await Promise.all([feedbackSummaries(db, [session.id]), commentsOfSession(db, session.id, { page: Number.isFinite(requested) && requested > 0 ? requested : 1 })]);
  const summary = summaries.get(session.id);
  const satisfaction = summary ? satisfactionPercent(summary) : null;
  const can = dayPermissions(c.get('actor') ?? null, session);
  return page(
    c,
    { title: `Avis des participants : ${session.series.title}`, breadcrumbs: [{ href: '/gestion/ateliers/suivi', label: 'Suivi des ateliers' }] },
    <SessionFeedbackPage
      sessionId={session.id}
      session={sessionHeading(session)}
      publicUrl={`${c.get('services').config.baseUrl}/ateliers/${session.id}/avis`}
      responses={summary?.responses ?? 0}
      modes={summary ? feedbackModes.filter((m) => summary.byMode[m] > 0).map((m) => ({ label: feedbackModeLabels[m], count: summary.byMode[m] })) : []}
      satisfaction={satisfaction === null ? 'Pas encore de réponse' : `${satisfaction} % de réponses « ${feedbackScaleLabels.good.toLowerCase()} »`}
      answerHeads={feedbackAnswers.map((a) => feedbackScaleLabels[a])}
      questionRows={summary ? feedbackQuestions.map((q) => [feedbackQuestionLabels[q], ...feedbackAnswers.map((a) => summary.byQuestion[q][a])]) : []}
      comments={list.rows.map((r) => ({ when: formatDateTime(r.createdAt), mode: feedbackModeLabels[r.mode], text: r.comment }))}
      page={list.page}
      pageCount={list.pageCount}
      can={{ enter: can.feedbackEnter, assist: can.feedbackAssist }}
    />,
  );
});
