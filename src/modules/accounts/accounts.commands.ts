import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Actor, Role } from '../../platform/authz/index.ts';
import { authorize, roleLabels } from '../../platform/authz/index.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import { fail, ok, type Result } from '../../platform/result.ts';
import type { Province } from '../../territory/index.ts';
import { recordAudit } from '../audit/audit.commands.ts';
import { queueMessage } from '../outbox/outbox.commands.ts';
import { memberships, organisations } from '../organisations/organisations.schema.ts';
import { invitations, passwordResets, recoveryCodes, sessions, users } from './accounts.schema.ts';
import { countEvent, limitReached, purgeRateLimitEvents } from '../../platform/rate-limit/index.ts';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './accounts.passwords.ts';
import { membershipsOf, needsSecondFactor, normaliseEmail, userByEmail } from './accounts.queries.ts';
import { matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode } from './accounts.totp.ts';

export const sessionLifetimeDays = 30;
const invitationLifetimeDays = 7;
const resetLifetimeMinutes = 60;
/** The rate limit: this many failures in the window blocks an account, or a network address, for the window. */
export const signInLimits = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

const days = (n: number) => n * 24 * 60 * 60 * 1000;

export type NewSession = { sessionId: string; token: string; secondFactorDue: boolean };

/** Opens a session; the second factor is still due when the person's roles or their own choice require it. */
export async function startSession(
  tx: Executor,
  userId: string,
  client: { ip: string | null; userAgent: string | null },
  options: { secondFactorDone?: boolean } = {},
): Promise<NewSession> {
  const token = newSecret();
  const id = newId();
  const [user] = await tx.select({ totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  const due = !options.secondFactorDone && (user?.totpEnabledAt != null || needsSecondFactor(await membershipsOf(tx, userId)));
  await tx.insert(sessions).values({
    id,
    userId,
    tokenHash: hashSecret(token),
    expiresAt: new Date(Date.now() + days(sessionLifetimeDays)),
    secondFactorAt: due ? null : new Date(),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { sessionId: id, token, secondFactorDue: due };
}

export type SignInError = 'rate_limited' | 'invalid_credentials';

/**
 * Checks an e-mail and password. The answer never tells whether the e-mail exists: the same error, the same work
 * (a decoy hash is verified), and the same rate limit per e-mail whether or not an account is behind it.
 */
export async function signIn(
  tx: Executor,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
): Promise<Result<NewSession, SignInError>> {
  const email = normaliseEmail(input.email);
  const accountKey = `signin:email:${email}`;
  const addressKey = `signin:ip:${input.ip ?? 'inconnue'}`;
  const window = signInLimits.windowMinutes;
  if (
    (await limitReached(tx, accountKey, { max: signInLimits.perAccount, windowMinutes: window })) ||
    (await limitReached(tx, addressKey, { max: signInLimits.perAddress, windowMinutes: window }))
  ) {
    return fail('rate_limited');
  }
  const user = await userByEmail(tx, email);
  const valid = await verifyPassword(user?.passwordHash ?? decoyHash, input.password);
  if (!user || !user.passwordHash || !valid || user.disabledAt) {
    await countEvent(tx, accountKey, addressKey);
    return fail('invalid_credentials');
  }
  return ok(await startSession(tx, user.id, input));
}

/** Marks the session's second factor as given, after a TOTP or recovery code was accepted. */
async function completeSecondFactor(tx: Executor, sessionId: string) {
  await tx.update(sessions).set({ secondFactorAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** Accepts a TOTP code or a recovery code for a session waiting for its second factor. */
export async function verifySecondFactor(
  tx: Executor,
  session: { id: string; userId: string },
  code: string,
): Promise<Result<{ usedRecoveryCode: boolean }, 'invalid_code' | 'rate_limited'>> {
  const key = `signin:2fa:${session.userId}`;
  if (await limitReached(tx, key, { max: signInLimits.perAccount, windowMinutes: signInLimits.windowMinutes })) return fail('rate_limited');
  const [user] = await tx.select().from(users).where(eq(users.id, session.userId));
  if (!user?.totpSecret || !user.totpEnabledAt) return fail('invalid_code');
  const step = matchTotp(user.totpSecret, user.email, code);
  if (step !== null && (user.totpLastStep === null || step > user.totpLastStep)) {
    await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
    await completeSecondFactor(tx, session.id);
    return ok({ usedRecoveryCode: false });
  }
  const [recovery] = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, user.id),
        eq(recoveryCodes.codeHash, hashSecret(normaliseRecoveryCode(code))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  if (recovery) {
    await completeSecondFactor(tx, session.id);
    await recordAudit(tx, null, {
      action: 'person.recovery_code_used',
      subjectType: 'person',
      subjectId: user.id,
      summary: `Code de secours utilisé par ${user.email}`,
    });
    return ok({ usedRecoveryCode: true });
  }
  await countEvent(tx, key);
  return fail('invalid_code');
}

/** Starts (or restarts) enrolment: a new secret, not active until a code from it is confirmed. */
export async function beginTotpEnrolment(tx: Executor, userId: string): Promise<string> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (user?.totpSecret && !user.totpEnabledAt) return user.totpSecret;
  const secret = newTotpSecret();
  // An already enrolled person keeps their factor until the new one is confirmed.
  if (!user?.totpEnabledAt) await tx.update(users).set({ totpSecret: secret }).where(eq(users.id, userId));
  return secret;
}

/** Confirms enrolment with a first code; returns the recovery codes, shown once. */
export async function confirmTotpEnrolment(
  tx: Executor,
  session: { id: string; userId: string },
  code: string,
): Promise<Result<string[], 'invalid_code' | 'already_enrolled'>> {
  const [user] = await tx.select().from(users).where(eq(users.id, session.userId));
  if (!user?.totpSecret) return fail('invalid_code');
  if (user.totpEnabledAt) return fail('already_enrolled');
  const step = matchTotp(user.totpSecret, user.email, code);
  if (step === null) return fail('invalid_code');
  await tx.update(users).set({ totpEnabledAt: new Date(), totpLastStep: step, updatedAt: new Date() }).where(eq(users.id, user.id));
  const codes = await replaceRecoveryCodes(tx, user.id);
  await completeSecondFactor(tx, session.id);
  await recordAudit(tx, null, {
    action: 'person.second_factor_enrolled',
    subjectType: 'person',
    subjectId: user.id,
    summary: `Double authentification activée par ${user.email}`,
  });
  return ok(codes);
}

export async function replaceRecoveryCodes(tx: Executor, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ id: newId(), userId, codeHash: hashSecret(c) })));
  return codes;
}

/** Ends the session of the request (sign out). */
export async function endSession(tx: Executor, sessionId: string): Promise<void> {
  await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** Revokes one of the person's own sessions; another person's session is "not found". */
export async function revokeOwnSession(tx: Executor, userId: string, sessionId: string): Promise<Result<null, 'not_found'>> {
  const revoked = await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length ? ok(null) : fail('not_found');
}

/** Revokes all the person's sessions but one (after a password change, for instance). */
export async function revokeOtherSessions(tx: Executor, userId: string, keepSessionId: string | null): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepSessionId ? ne(sessions.id, keepSessionId) : sql`true`,
      ),
    );
}

export type InvitationInput = { email: string; organisationId: string; role: Role; scopeProvince: Province | null };
export type InvitationSubject = { organisationId: string; province: Province; role: Role };

/**
 * Invites a person into an organisation with a role: an invitation row and an e-mail with a link valid 7 days.
 * The policy decides who may invite into which organisation and with which role.
 */
export async function invitePerson(
  tx: Executor,
  actor: Actor,
  input: InvitationInput,
  context: { baseUrl: string; requestId?: string },
): Promise<Result<{ invitationId: string }, 'organisation_not_found' | 'already_member'>> {
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
  if (!organisation) return fail('organisation_not_found');
  authorize(actor, 'person.invite', { organisationId: organisation.id, province: organisation.province, role: input.role } satisfies InvitationSubject);
  const email = normaliseEmail(input.email);
  const existing = await userByEmail(tx, email);
  if (existing) {
    const current = await membershipsOf(tx, existing.id);
    if (current.some((m) => m.organisationId === organisation.id && m.role === input.role)) return fail('already_member');
  }
  const token = newSecret();
  const id = newId();
  await tx.insert(invitations).values({
    id,
    email,
    organisationId: organisation.id,
    role: input.role,
    scopeProvince: input.role === 'coordinator' ? input.scopeProvince : null,
    invitedBy: actor.kind === 'person' ? actor.userId : null,
    tokenHash: hashSecret(token),
    expiresAt: new Date(Date.now() + days(invitationLifetimeDays)),
  });
  const link = `${context.baseUrl}/invitation/${token}`;
  const inviter = actor.kind === 'person' ? actor.name : 'L’équipe Relais';
  await queueMessage(tx, {
    channel: 'email',
    recipient: email,
    subject: `Invitation à rejoindre ${organisation.name} sur Relais`,
    text: [
      'Bonjour,',
      '',
      `${inviter} vous invite à rejoindre « ${organisation.name} » sur Relais, avec le rôle « ${roleLabels[input.role]} ».`,
      '',
      `Pour accepter, ouvrez ce lien et choisissez votre mot de passe :`,
      link,
      '',
      `Ce lien est valable ${invitationLifetimeDays} jours. Si vous n’attendiez pas cette invitation, ignorez ce message.`,
      '',
      'Relais — l’inclusion numérique en Nouvelle-Calédonie',
    ].join('\n'),
    purpose: 'invitation',
  });
  await recordAudit(tx, actor, {
    action: 'person.invite',
    subjectType: 'organisation',
    subjectId: organisation.id,
    summary: `Invitation de ${email} dans « ${organisation.name} » comme ${roleLabels[input.role]}`,
    details: { email, role: input.role, scopeProvince: input.scopeProvince, invitationId: id },
    requestId: context.requestId ?? null,
  });
  return ok({ invitationId: id });
}

/** A valid invitation behind a link's token, with what the acceptance page shows. */
export async function findInvitation(tx: Executor, token: string) {
  const [row] = await tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      scopeProvince: invitations.scopeProvince,
      organisationId: invitations.organisationId,
      organisationName: organisations.name,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(
      and(
        eq(invitations.tokenHash, hashSecret(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/**
 * Accepts an invitation. A new person chooses a name and a password; a person who already has an account proves
 * it with their password. Either way the membership is created and the invitation used up.
 */
export async function acceptInvitation(
  tx: Executor,
  token: string,
  input: { name: string; password: string },
): Promise<Result<{ userId: string }, 'invitation_invalid' | 'weak_password' | 'wrong_password'>> {
  const invitation = await findInvitation(tx, token);
  if (!invitation) return fail('invitation_invalid');
  let user = await userByEmail(tx, invitation.email);
  if (user) {
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) return fail('wrong_password');
  } else {
    if (passwordProblem(input.password, [input.name, invitation.email])) return fail('weak_password');
    const id = newId();
    await tx.insert(users).values({ id, email: invitation.email, name: input.name.trim(), passwordHash: await hashPassword(input.password) });
    user = await userByEmail(tx, invitation.email);
  }
  if (!user) throw new Error('user vanished during invitation acceptance');
  await tx
    .insert(memberships)
    .values({
      id: newId(),
      userId: user.id,
      organisationId: invitation.organisationId,
      role: invitation.role,
      scopeProvince: invitation.scopeProvince,
    })
    .onConflictDoNothing();
  await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
  await recordAudit(tx, { kind: 'person', userId: user.id, name: user.name, email: user.email, memberships: [] }, {
    action: 'membership.create',
    subjectType: 'person',
    subjectId: user.id,
    summary: `${user.email} a rejoint « ${invitation.organisationName} » comme ${roleLabels[invitation.role]}`,
    details: { invitationId: invitation.id, organisationId: invitation.organisationId, role: invitation.role },
  });
  return ok({ userId: user.id });
}

/**
 * Sends a reset link if an account has this e-mail; says nothing either way, so that the page cannot be used to
 * find out who has an account.
 */
export async function requestPasswordReset(tx: Executor, email: string, baseUrl: string): Promise<void> {
  const user = await userByEmail(tx, email);
  if (!user || user.disabledAt) return;
  // At most three links an hour per account: the form must not become a way to flood someone's inbox.
  const recent = await tx
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, new Date(Date.now() - 3_600_000))));
  if (recent.length >= 3) return;
  const token = newSecret();
  await tx.insert(passwordResets).values({
    id: newId(),
    userId: user.id,
    tokenHash: hashSecret(token),
    expiresAt: new Date(Date.now() + resetLifetimeMinutes * 60_000),
  });
  await queueMessage(tx, {
    channel: 'email',
    recipient: user.email,
    subject: 'Choisir un nouveau mot de passe pour Relais',
    text: [
      `Bonjour ${user.name},`,
      '',
      'Vous avez demandé à changer votre mot de passe. Ouvrez ce lien pour en choisir un nouveau :',
      `${baseUrl}/mot-de-passe/${token}`,
      '',
      `Ce lien est valable ${resetLifetimeMinutes} minutes et ne sert qu’une fois.`,
      'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
    ].join('\n'),
    purpose: 'password_reset',
  });
}

export async function findPasswordReset(tx: Executor, token: string) {
  const [row] = await tx
    .select({ id: passwordResets.id, userId: passwordResets.userId, email: users.email, name: users.name })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashSecret(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())));
  return row ?? null;
}

/** Sets a new password from a reset link and closes every open session of the account. */
export async function resetPassword(
  tx: Executor,
  token: string,
  password: string,
): Promise<Result<{ userId: string }, 'link_invalid' | 'weak_password'>> {
  const reset = await findPasswordReset(tx, token);
  if (!reset) return fail('link_invalid');
  if (passwordProblem(password, [reset.email, reset.name])) return fail('weak_password');
  await tx.update(users).set({ passwordHash: await hashPassword(password), updatedAt: new Date() }).where(eq(users.id, reset.userId));
  await tx.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.id, reset.id));
  await revokeOtherSessions(tx, reset.userId, null);
  await recordAudit(tx, null, {
    action: 'person.password_reset',
    subjectType: 'person',
    subjectId: reset.userId,
    summary: `Mot de passe réinitialisé par lien pour ${reset.email}`,
  });
  return ok({ userId: reset.userId });
}

/** Removes what only serves a short while: failed sign-ins older than a day, sessions ended a month ago. */
export async function purgeExpiredAccountData(tx: Executor, now = new Date()): Promise<void> {
  await purgeRateLimitEvents(tx, now);
  await tx.delete(sessions).where(lt(sessions.expiresAt, new Date(now.getTime() - days(30))));
}

export type NewAccount = {
  email: string;
  name: string;
  password: string;
  isDemo?: boolean;
  /** Demo accounts come with a known second factor so that browser tests can sign in for real. */
  totpSecret?: string;
  memberships: { organisationId: string; role: Role; scopeProvince?: Province | null }[];
};

/**
 * Creates an account directly, with its roles: for `relais create-admin` and the demo seed. People are otherwise
 * invited. Returns 'email_taken' if the address already has an account.
 */
export async function createAccount(tx: Executor, actor: Actor | null, input: NewAccount): Promise<Result<{ userId: string }, 'email_taken'>> {
  const email = normaliseEmail(input.email);
  if (await userByEmail(tx, email)) return fail('email_taken');
  const userId = newId();
  await tx.insert(users).values({
    id: userId,
    email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    isDemo: input.isDemo ?? false,
    totpSecret: input.totpSecret ?? null,
    totpEnabledAt: input.totpSecret ? new Date() : null,
  });
  if (input.memberships.length) {
    await tx.insert(memberships).values(
      input.memberships.map((m) => ({ id: newId(), userId, organisationId: m.organisationId, role: m.role, scopeProvince: m.scopeProvince ?? null })),
    );
  }
  await recordAudit(tx, actor, {
    action: 'person.create',
    subjectType: 'person',
    subjectId: userId,
    summary: `Compte créé pour ${email}`,
    details: { roles: input.memberships.map((m) => m.role) },
  });
  return ok({ userId });
}

/** A person corrects their own name and phone number (used for SMS reminders). */
export async function updateOwnDetails(tx: Executor, actor: Actor, input: { name: string; phone: string | null }): Promise<void> {
  if (actor.kind !== 'person') throw new Error('only people have details');
  const [before] = await tx.select({ name: users.name, phone: users.phone }).from(users).where(eq(users.id, actor.userId));
  await tx.update(users).set({ name: input.name, phone: input.phone, updatedAt: new Date() }).where(eq(users.id, actor.userId));
  await recordAudit(tx, actor, {
    action: 'person.update',
    subjectType: 'person',
    subjectId: actor.userId,
    summary: `Coordonnées modifiées par ${actor.email}`,
    details: { avant: before ?? null, après: input },
  });
}
