import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNull } from 'drizzle-orm';
import { auditEvents, invitations, memberships, organisations, outboxMessages, users } from '../../db/schema.ts';
import { cookiesFrom, testApp, testOrigin, type TestApp } from '../../../tests/support/test-app.ts';
import { organisationByName } from './organisations.queries.ts';

const admin = 'administrateur@demo.relais.nc';
const coordinator = 'coordinateur@demo.relais.nc';
const helper = 'aidant@demo.relais.nc';

describe('organisations pages', () => {
  let t: TestApp;

  before(async () => {
    t = await testApp({ seed: true });
  });
  after(() => t.close());

  async function orgId(name: string): Promise<string> {
    const found = await organisationByName(t.database.db, name);
    assert.ok(found, `organisation ${name} missing`);
    return found.id;
  }

  it('sends an anonymous visitor to the sign-in page', async () => {
    const res = await t.request('/organisations');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/connexion?retour=%2Forganisations');
  });

  it('answers 404 to a member of another organisation who asks for an organisation they cannot see', async () => {
    const cookie = await t.cookieFor(helper);
    const res = await t.request(`/organisations/${await orgId('Enercal')}`, { cookie });
    assert.equal(res.status, 404);
    assert.equal((await t.request('/organisations', { cookie })).status, 403);
  });

  it('shows a member their own organisation, without the actions their role does not allow', async () => {
    const res = await t.request(`/organisations/${await orgId('Agence OPT de Koné')}`, { cookie: await t.cookieFor(helper) });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Henri Poadja/);
    assert.doesNotMatch(html, /Inviter une personne/);
    assert.doesNotMatch(html, />Modifier</);
    assert.doesNotMatch(html, /Retirer ce rôle/);
  });

  it('lists organisations with a search by name and province, and offers creation to an administrator', async () => {
    const cookie = await t.cookieFor(admin);
    const all = await (await t.request('/organisations', { cookie })).text();
    assert.match(all, /Ajouter une organisation/);
    const found = await t.request('/organisations?q=koum&province=nord', { cookie });
    const html = await found.text();
    assert.match(html, /Agence OPT de Koumac/);
    assert.doesNotMatch(html, />Enercal</);
    const none = await (await t.request('/organisations?q=introuvable', { cookie })).text();
    assert.match(none, /Aucune organisation ne correspond à votre recherche/);
  });

  it('lets an administrator create an organisation, and records it in the audit log', async () => {
    const res = await t.request('/organisations/nouvelle', {
      cookie: await t.cookieFor(admin),
      form: { name: 'Médiathèque de Poindimié', kind: 'place_operator', ridet: '1234567 001', communeCode: '98822' },
    });
    assert.equal(res.status, 303);
    const [row] = await t.database.db.select().from(organisations).where(eq(organisations.name, 'Médiathèque de Poindimié'));
    assert.ok(row);
    assert.equal(res.headers.get('location'), `/organisations/${row.id}`);
    assert.equal(row.ridet, '1234567.001');
    assert.equal(row.province, 'nord');
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'organisation.create'), eq(auditEvents.subjectId, row.id)));
    assert.equal(audit.length, 1);
    assert.match(audit[0]?.actorLabel ?? '', /Sophie Martin/);
  });

  it('refuses an invalid RIDET with a French message and keeps what was typed', async () => {
    const res = await t.request('/organisations/nouvelle', {
      cookie: await t.cookieFor(admin),
      form: { name: 'Association Ridet Faux', kind: 'association', ridet: '12345', communeCode: '98818' },
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /<title>Erreur : /);
    assert.match(html, /Entrez un RIDET de 7 chiffres suivis du rang de l’établissement sur 3 chiffres/);
    assert.match(html, /value="12345"/);
    assert.match(html, /value="Association Ridet Faux"/);
    assert.match(html, /<option value="98818" selected/);
    assert.equal((await organisationByName(t.database.db, 'Association Ridet Faux')), null);
  });

  it('refuses a name already taken, whatever its case', async () => {
    const res = await t.request('/organisations/nouvelle', {
      cookie: await t.cookieFor(admin),
      form: { name: 'ENERCAL', kind: 'partner', ridet: '', communeCode: '98818' },
    });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Une organisation porte déjà ce nom/);
  });

  it('updates an organisation and records the change', async () => {
    const id = await orgId('Enercal');
    const cookie = await t.cookieFor(admin);
    const form = await (await t.request(`/organisations/${id}/modifier`, { cookie })).text();
    assert.match(form, /value="Enercal"/);
    const res = await t.request(`/organisations/${id}/modifier`, { cookie, form: { name: 'Enercal', kind: 'partner', ridet: '7654321.002', communeCode: '98818' } });
    assert.equal(res.status, 303);
    const [row] = await t.database.db.select().from(organisations).where(eq(organisations.id, id));
    assert.equal(row?.ridet, '7654321.002');
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'organisation.update'), eq(auditEvents.subjectId, id)));
    assert.equal(audit.length, 1);
  });

  it('does not let a coordinator invite an administrator: the option is absent and a forged form is refused', async () => {
    const id = await orgId('Agence OPT de Koumac');
    const cookie = await t.cookieFor(coordinator);
    const page = await t.request(`/organisations/${id}/inviter`, { cookie });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /value="helper"/);
    assert.doesNotMatch(html, /value="administrator"/);
    assert.doesNotMatch(html, /value="coordinator"/);
    const forged = await t.request(`/organisations/${id}/inviter`, { cookie, form: { email: 'pirate@exemple.nc', role: 'administrator', scopeProvince: '' } });
    assert.equal(forged.status, 403);
    assert.equal((await t.database.db.select().from(invitations).where(eq(invitations.email, 'pirate@exemple.nc'))).length, 0);
    assert.equal((await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, 'pirate@exemple.nc'))).length, 0);
  });

  it('sends an invitation by e-mail whose link lets the person choose a password and join the organisation', async () => {
    const id = await orgId('Commune de Bourail');
    const cookie = await t.cookieFor(admin);
    const sent = await t.request(`/organisations/${id}/inviter`, { cookie, form: { email: 'Nouvelle.Personne@exemple.nc', role: 'place_manager', scopeProvince: '' } });
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.get('location'), `/organisations/${id}`);
    const flashed = await (await t.request(`/organisations/${id}`, { cookie: cookiesFrom(sent, cookie) })).text();
    assert.match(flashed, /Invitation envoyée à nouvelle\.personne@exemple\.nc/i);

    const [message] = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, 'nouvelle.personne@exemple.nc'));
    assert.ok(message, 'no e-mail queued');
    assert.equal(message.status, 'queued');
    const link = message.bodyText.match(new RegExp(`${testOrigin}/invitation/[A-Za-z0-9_-]+`))?.[0];
    assert.ok(link, 'the e-mail has no invitation link');
    const path = new URL(link).pathname;

    assert.equal((await t.request(path)).status, 200);
    const password = 'Une longue phrase pour Relais à Bourail 2026';
    const accepted = await t.request(path, { form: { name: 'Nouvelle Personne', password, confirmation: password } });
    assert.equal(accepted.status, 303);
    const session = cookiesFrom(accepted);
    assert.match(session, /relais_session=/);
    const joined = await t.database.db
      .select({ role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, 'nouvelle.personne@exemple.nc'), eq(memberships.organisationId, id), isNull(memberships.endedAt)));
    assert.deepEqual(joined, [{ role: 'place_manager' }]);
    const account = await t.request('/compte', { cookie: session });
    assert.equal(account.status, 200);
    assert.match(await account.text(), /Commune de Bourail/);

    const again = await t.request(`/organisations/${id}/inviter`, { cookie, form: { email: 'nouvelle.personne@exemple.nc', role: 'place_manager', scopeProvince: '' } });
    assert.equal(again.status, 422);
    assert.match(await again.text(), /Cette personne a déjà le rôle/);
  });

  it('ends a membership only after the confirmation is posted, and records it', async () => {
    const id = await orgId('Commune de Bourail');
    const cookie = await t.cookieFor(admin);
    const [member] = await t.database.db
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, 'responsable-lieu@demo.relais.nc'), eq(memberships.organisationId, id), isNull(memberships.endedAt)));
    assert.ok(member);
    const url = `/organisations/${id}/membres/${member.id}/retirer`;
    const show = await (await t.request(`/organisations/${id}`, { cookie })).text();
    assert.ok(show.includes(`href="${url}"`), 'no "Retirer ce rôle" link for the member');

    const confirm = await t.request(url, { cookie });
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /Retirer le rôle de Léa Wenisso/);
    const [still] = await t.database.db.select().from(memberships).where(eq(memberships.id, member.id));
    assert.equal(still?.endedAt, null, 'the GET must not end the membership');

    const done = await t.request(url, { cookie, form: {} });
    assert.equal(done.status, 303);
    const [ended] = await t.database.db.select().from(memberships).where(eq(memberships.id, member.id));
    assert.ok(ended?.endedAt instanceof Date);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'membership.end'));
    assert.ok(audit.some((a) => a.details.membershipId === member.id));
    assert.equal((await t.request(url, { cookie })).status, 404, 'an ended membership is no longer found');
  });
});
