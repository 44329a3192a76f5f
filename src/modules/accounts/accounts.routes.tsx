import { Hono } from 'hono';
import { and, eq, isNull } from 'drizzle-orm';
import type { AppEnv } from '../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../platform/http/access.ts';
import { inputValue, readForm } from '../../platform/http/forms.ts';
import { redirectWithFlash } from '../../platform/http/flash.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import { roleLabels } from '../../platform/authz/index.ts';
import { formatPhone } from '../../platform/phone.ts';
import { users } from './accounts.schema.ts';
import {
  acceptInvitation,
  beginTotpEnrolment,
  confirmTotpEnrolment,
  endSession,
  findInvitation,
  findPasswordReset,
  requestPasswordReset,
  resetPassword,
  revokeOwnSession,
  signIn,
  signInLimits,
  startSession,
  updateOwnDetails,
  verifySecondFactor,
} from './accounts.commands.ts';
import { activeSessionsOf, membershipsOf, needsSecondFactor, userByEmail, userById } from './accounts.queries.ts';
import { clearSessionCookie, clientOf, setSessionCookie } from './accounts.sessions.ts';
import { enrolmentMaterial, formatManualKey } from './accounts.totp.ts';
import { passwordProblem } from './accounts.passwords.ts';
import {
  acceptInvitationExistingForm,
  acceptInvitationForm,
  codeForm,
  newPasswordForm,
  ownDetailsForm,
  resetRequestForm,
  safeReturnPath,
  signInForm,
} from './accounts.forms.ts';
import { EnrolmentPage, RecoveryCodesPage, SecondFactorPage, SignInPage } from './views/sign-in.tsx';
import {
  AccountPage,
  DemoPage,
  ForgotPasswordPage,
  OwnDetailsPage,
  InvitationPage,
  LinkInvalidPage,
  ResetPasswordPage,
  SessionsPage,
} from './views/account.tsx';
import { demoPassword } from './accounts.demo.ts';

export const accountRoutes = new Hono<AppEnv>();

accountRoutes.get('/connexion', access.public(), (c) => {
  if (c.get('actor')) return c.redirect('/', 303);
  return page(c, { title: 'Se connecter' }, <SignInPage email="" retour={safeReturnPath(c.req.query('retour'))} errors={{}} />);
});

accountRoutes.post('/connexion', access.public(), async (c) => {
  const form = await readForm(c, signInForm);
  const retour = safeReturnPath(inputValue(form.input, 'retour'));
  const again = (errors: Record<string, string>, status: 422 | 429 = 422) =>
    page(c, { title: 'Se connecter', hasErrors: true, status }, <SignInPage email={inputValue(form.input, 'email')} retour={retour} errors={errors} />);
  if (!form.ok) return again(form.errors);
  const { database } = c.get('services');
  const result = await database.db.transaction((tx) => signIn(tx, { ...form.data, ...clientOf(c) }));
  if (!result.ok) {
    return result.error === 'rate_limited'
      ? again({ email: `Trop de tentatives de connexion. Attendez ${signInLimits.windowMinutes} minutes avant de réessayer, ou choisissez un nouveau mot de passe avec « J’ai oublié mon mot de passe ».` }, 429)
      : again({ email: 'L’adresse e-mail ou le mot de passe est incorrect. Vérifiez-les et réessayez.' });
  }
  setSessionCookie(c, result.value.token);
  if (result.value.secondFactorDue) return c.redirect(`/connexion/second-facteur?retour=${encodeURIComponent(retour)}`, 303);
  return c.redirect(retour, 303);
});

/** The half-open session of a person who gave their password but not yet their second factor. */
function pendingSession(session: AppEnv['Variables']['session']) {
  if (!session) throw new UnauthenticatedError();
  return session;
}

accountRoutes.get('/connexion/second-facteur', access.session(), (c) => {
  const session = pendingSession(c.get('session'));
  if (!session.secondFactorPending) return c.redirect('/', 303);
  if (!session.secondFactorEnrolled) return c.redirect('/compte/double-authentification', 303);
  return page(c, { title: 'Code de vérification' }, <SecondFactorPage errors={{}} />);
});

accountRoutes.post('/connexion/second-facteur', access.session(), async (c) => {
  const session = pendingSession(c.get('session'));
  if (!session.secondFactorPending) return c.redirect('/', 303);
  const form = await readForm(c, codeForm);
  const again = (message: string, status: 422 | 429 = 422) =>
    page(c, { title: 'Code de vérification', hasErrors: true, status }, <SecondFactorPage errors={{ code: message }} />);
  if (!form.ok) return again(form.errors.code ?? 'Entrez le code à 6 chiffres');
  const result = await c.get('services').database.db.transaction((tx) => verifySecondFactor(tx, session, form.data.code));
  if (!result.ok) {
    return result.error === 'rate_limited'
      ? again(`Trop de codes incorrects. Attendez ${signInLimits.windowMinutes} minutes avant de réessayer.`, 429)
      : again('Ce code est incorrect ou a expiré. Entrez le code affiché en ce moment par votre application.');
  }
  return redirectWithFlash(c, safeReturnPath(c.req.query('retour')), {
    kind: result.value.usedRecoveryCode ? 'warning' : 'success',
    text: result.value.usedRecoveryCode
      ? 'Vous êtes connecté avec un code de secours. Ce code ne servira plus : pensez à en générer de nouveaux.'
      : 'Vous êtes connecté.',
  });
});

/** Enrolment is open to a signed-in person, and to a half-open session whose roles demand a second factor. */
function enrollingSession(c: { get: (k: 'session') => AppEnv['Variables']['session'] }) {
  const session = c.get('session');
  if (!session) throw new UnauthenticatedError();
  if (session.secondFactorPending && session.secondFactorEnrolled) throw new UnauthenticatedError();
  return session;
}

accountRoutes.get('/compte/double-authentification', access.session(), async (c) => {
  const session = enrollingSession(c);
  if (session.secondFactorEnrolled) return redirectWithFlash(c, '/compte', { kind: 'info', text: 'La double authentification est déjà activée.' });
  const { db } = c.get('services').database;
  const user = await userById(db, session.userId);
  if (!user) throw new UnauthenticatedError();
  const secret = await db.transaction((tx) => beginTotpEnrolment(tx, session.userId));
  const { qrSvg } = await enrolmentMaterial(secret, user.email);
  return page(c, { title: 'Activer la double authentification' }, <EnrolmentPage qrSvg={qrSvg} manualKey={formatManualKey(secret)} errors={{}} required={session.secondFactorPending} />);
});

accountRoutes.post('/compte/double-authentification', access.session(), async (c) => {
  const session = enrollingSession(c);
  const { db } = c.get('services').database;
  const form = await readForm(c, codeForm);
  const result = form.ok ? await db.transaction((tx) => confirmTotpEnrolment(tx, session, form.data.code)) : null;
  if (result?.ok) return page(c, { title: 'Vos codes de secours' }, <RecoveryCodesPage codes={result.value} />);
  if (result?.error === 'already_enrolled') return c.redirect('/compte', 303);
  const user = await userById(db, session.userId);
  if (!user?.totpSecret) throw new UnauthenticatedError();
  const { qrSvg } = await enrolmentMaterial(user.totpSecret, user.email);
  const message = form.ok ? 'Ce code est incorrect. Vérifiez l’heure de votre téléphone, puis entrez le code affiché en ce moment.' : (form.errors.code ?? '');
  return page(
    c,
    { title: 'Activer la double authentification', hasErrors: true },
    <EnrolmentPage qrSvg={qrSvg} manualKey={formatManualKey(user.totpSecret)} errors={{ code: message }} required={session.secondFactorPending} />,
  );
});

accountRoutes.post('/deconnexion', access.public(), async (c) => {
  const session = c.get('session');
  if (session) await c.get('services').database.db.transaction((tx) => endSession(tx, session.id));
  clearSessionCookie(c);
  return redirectWithFlash(c, '/', { kind: 'success', text: 'Vous êtes déconnecté. À bientôt.' });
});

accountRoutes.get('/compte', access.signedIn(), async (c) => {
  const actor = c.get('actor');
  const session = c.get('session');
  if (actor?.kind !== 'person' || !session) throw new UnauthenticatedError();
  const list = await membershipsOf(c.get('services').database.db, actor.userId);
  const user = await userById(c.get('services').database.db, actor.userId);
  return page(
    c,
    { title: 'Mon compte' },
    <AccountPage
      account={{
        name: actor.name,
        email: actor.email,
        phone: user?.phone ? formatPhone(user.phone) : null,
        memberships: list.map((m) => ({ organisationName: m.organisationName, roleLabel: roleLabels[m.role] })),
        secondFactor: session.secondFactorEnrolled ? 'active' : 'inactive',
        secondFactorRequired: needsSecondFactor(list),
      }}
    />,
  );
});

accountRoutes.get('/compte/coordonnees', access.signedIn(), async (c) => {
  const actor = c.get('actor');
  if (actor?.kind !== 'person') throw new UnauthenticatedError();
  const user = await userById(c.get('services').database.db, actor.userId);
  return page(
    c,
    { title: 'Mes coordonnées', breadcrumbs: [{ href: '/compte', label: 'Mon compte' }] },
    <OwnDetailsPage name={user?.name ?? ''} phone={user?.phone ? formatPhone(user.phone) : ''} errors={{}} />,
  );
});

accountRoutes.post('/compte/coordonnees', access.signedIn(), async (c) => {
  const actor = c.get('actor');
  if (actor?.kind !== 'person') throw new UnauthenticatedError();
  const form = await readForm(c, ownDetailsForm);
  if (!form.ok) {
    return page(
      c,
      { title: 'Mes coordonnées', hasErrors: true, breadcrumbs: [{ href: '/compte', label: 'Mon compte' }] },
      <OwnDetailsPage name={inputValue(form.input, 'name')} phone={inputValue(form.input, 'phone')} errors={form.errors} />,
    );
  }
  await c.get('services').database.db.transaction((tx) => updateOwnDetails(tx, actor, form.data));
  return redirectWithFlash(c, '/compte', { kind: 'success', text: 'Vos coordonnées sont enregistrées.' });
});

accountRoutes.get('/compte/sessions', access.signedIn(), async (c) => {
  const actor = c.get('actor');
  const session = c.get('session');
  if (actor?.kind !== 'person' || !session) throw new UnauthenticatedError();
  const rows = await activeSessionsOf(c.get('services').database.db, actor.userId);
  return page(
    c,
    { title: 'Mes sessions', breadcrumbs: [{ href: '/compte', label: 'Mon compte' }] },
    <SessionsPage sessions={rows.map((s) => ({ ...s, device: describeDevice(s.userAgent), current: s.id === session.id }))} />,
  );
});

accountRoutes.post('/compte/sessions/:id/revoquer', access.signedIn(), async (c) => {
  const actor = c.get('actor');
  const session = c.get('session');
  if (actor?.kind !== 'person' || !session) throw new UnauthenticatedError();
  const id = c.req.param('id');
  const result = await c.get('services').database.db.transaction((tx) => revokeOwnSession(tx, actor.userId, id));
  if (!result.ok) return errorPage(c, 404);
  if (id === session.id) {
    clearSessionCookie(c);
    return redirectWithFlash(c, '/', { kind: 'success', text: 'Session fermée : vous êtes déconnecté.' });
  }
  return redirectWithFlash(c, '/compte/sessions', { kind: 'success', text: 'Session fermée. L’appareil devra se reconnecter.' });
});

accountRoutes.get('/invitation/:token', access.public(), async (c) => {
  const token = c.req.param('token');
  const { db } = c.get('services').database;
  const invitation = await findInvitation(db, token);
  if (!invitation) return page(c, { title: 'Invitation expirée', status: 404 }, <LinkInvalidPage what="invitation" />);
  const existing = await userByEmail(db, invitation.email);
  return page(
    c,
    { title: `Rejoindre ${invitation.organisationName}` },
    <InvitationPage token={token} organisationName={invitation.organisationName} roleLabel={roleLabels[invitation.role]} email={invitation.email} existingAccount={existing !== null} name="" errors={{}} />,
  );
});

accountRoutes.post('/invitation/:token', access.public(), async (c) => {
  const token = c.req.param('token');
  const { db } = c.get('services').database;
  const invitation = await findInvitation(db, token);
  if (!invitation) return page(c, { title: 'Invitation expirée', status: 404 }, <LinkInvalidPage what="invitation" />);
  const existing = await userByEmail(db, invitation.email);
  const form = existing ? await readForm(c, acceptInvitationExistingForm) : await readForm(c, acceptInvitationForm);
  const name = inputValue(form.input, 'name');
  const again = (errors: Record<string, string>) =>
    page(
      c,
      { title: `Rejoindre ${invitation.organisationName}`, hasErrors: true },
      <InvitationPage token={token} organisationName={invitation.organisationName} roleLabel={roleLabels[invitation.role]} email={invitation.email} existingAccount={existing !== null} name={name} errors={errors} />,
    );
  if (!form.ok) return again(form.errors);
  const password = inputValue(form.input, 'password');
  if (!existing) {
    const problem = passwordProblem(password, [name, invitation.email]);
    if (problem) return again({ password: problem });
  }
  const outcome = await db.transaction(async (tx) => {
    const accepted = await acceptInvitation(tx, token, { name, password });
    if (!accepted.ok) return accepted;
    return { ok: true as const, value: await startSession(tx, accepted.value.userId, clientOf(c)) };
  });
  if (!outcome.ok) {
    if (outcome.error === 'wrong_password') return again({ password: 'Ce mot de passe est incorrect.' });
    if (outcome.error === 'weak_password') return again({ password: 'Ce mot de passe est trop courant ou trop facile à deviner.' });
    return page(c, { title: 'Invitation expirée', status: 404 }, <LinkInvalidPage what="invitation" />);
  }
  setSessionCookie(c, outcome.value.token);
  if (outcome.value.secondFactorDue) return c.redirect('/connexion/second-facteur', 303);
  return redirectWithFlash(c, '/', { kind: 'success', text: `Bienvenue ! Vous avez rejoint ${invitation.organisationName}.` });
});

accountRoutes.get('/mot-de-passe-oublie', access.public(), (c) =>
  page(c, { title: 'Mot de passe oublié' }, <ForgotPasswordPage email="" errors={{}} sent={false} />),
);

accountRoutes.post('/mot-de-passe-oublie', access.public(), async (c) => {
  const form = await readForm(c, resetRequestForm);
  if (!form.ok) {
    return page(c, { title: 'Mot de passe oublié', hasErrors: true }, <ForgotPasswordPage email={inputValue(form.input, 'email')} errors={form.errors} sent={false} />);
  }
  const { database, config, notifyOutbox } = c.get('services');
  await database.db.transaction((tx) => requestPasswordReset(tx, form.data.email, config.baseUrl));
  notifyOutbox();
  return page(c, { title: 'Vérifiez votre messagerie' }, <ForgotPasswordPage email={form.data.email} errors={{}} sent={true} />);
});

accountRoutes.get('/mot-de-passe/:token', access.public(), async (c) => {
  const token = c.req.param('token');
  const reset = await findPasswordReset(c.get('services').database.db, token);
  if (!reset) return page(c, { title: 'Lien expiré', status: 404 }, <LinkInvalidPage what="reset" />);
  return page(c, { title: 'Choisir un nouveau mot de passe' }, <ResetPasswordPage token={token} errors={{}} />);
});

accountRoutes.post('/mot-de-passe/:token', access.public(), async (c) => {
  const token = c.req.param('token');
  const { db } = c.get('services').database;
  const reset = await findPasswordReset(db, token);
  if (!reset) return page(c, { title: 'Lien expiré', status: 404 }, <LinkInvalidPage what="reset" />);
  const form = await readForm(c, newPasswordForm);
  const problem = form.ok ? passwordProblem(form.data.password, [reset.email, reset.name]) : null;
  if (!form.ok || problem) {
    const errors = form.ok ? { password: problem ?? '' } : form.errors;
    return page(c, { title: 'Choisir un nouveau mot de passe', hasErrors: true }, <ResetPasswordPage token={token} errors={errors} />);
  }
  const result = await db.transaction((tx) => resetPassword(tx, token, form.data.password));
  if (!result.ok) return page(c, { title: 'Lien expiré', status: 404 }, <LinkInvalidPage what="reset" />);
  clearSessionCookie(c);
  return redirectWithFlash(c, '/connexion', { kind: 'success', text: 'Votre mot de passe est changé. Connectez-vous avec le nouveau mot de passe.' });
});

accountRoutes.get('/demo', access.public(), async (c) => {
  const { config, database } = c.get('services');
  if (!config.demo) return errorPage(c, 404);
  const demoUsers = await database.db.select().from(users).where(and(eq(users.isDemo, true), isNull(users.disabledAt))).orderBy(users.email);
  const accounts = await Promise.all(
    demoUsers.map(async (u) => ({
      userId: u.id,
      name: u.name,
      email: u.email,
      roles: (await membershipsOf(database.db, u.id)).map((m) => `${roleLabels[m.role]} — ${m.organisationName}`).join(' ; '),
    })),
  );
  return page(c, { title: 'Comptes de démonstration' }, <DemoPage accounts={accounts} password={demoPassword} />);
});

accountRoutes.post('/demo/:userId', access.public(), async (c) => {
  const { config, database } = c.get('services');
  if (!config.demo) return errorPage(c, 404);
  const user = await userById(database.db, c.req.param('userId'));
  if (!user?.isDemo || user.disabledAt) return errorPage(c, 404);
  // Demo accounts skip the second factor from this page only: the demo is for discovering roles, not for security.
  const session = await database.db.transaction((tx) => startSession(tx, user.id, clientOf(c), { secondFactorDone: true }));
  setSessionCookie(c, session.token);
  return redirectWithFlash(c, '/', { kind: 'success', text: `Vous êtes connecté en tant que ${user.name} (démonstration).` });
});

/** A short, human description of a browser from its user agent. */
function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Appareil inconnu';
  const browser = /Firefox\//.test(userAgent) ? 'Firefox' : /Edg\//.test(userAgent) ? 'Edge' : /Chrome\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : 'Navigateur';
  const system = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Windows/.test(userAgent) ? 'Windows' : /Mac OS/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : 'système inconnu';
  return `${browser} sur ${system}`;
}
