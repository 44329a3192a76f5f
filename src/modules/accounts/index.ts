export { accountRoutes } from './accounts.routes.tsx';
export { sessionCookie, loadSession, clientOf } from './accounts.sessions.ts';
export { hashPassword, passwordProblem } from './accounts.passwords.ts';
export { createAccount, invitePerson, purgeExpiredAccountData, replaceRecoveryCodes, startSession, type InvitationSubject } from './accounts.commands.ts';
export { membershipsOf, normaliseEmail, userByEmail } from './accounts.queries.ts';
export { currentTotp, newTotpSecret } from './accounts.totp.ts';
export { demoPassword } from './accounts.demo.ts';
