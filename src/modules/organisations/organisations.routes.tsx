import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../platform/http/access.ts';
import { redirectWithFlash } from '../../platform/http/flash.ts';
import { inputValue, readForm, type FieldErrors, type FormInput } from '../../platform/http/forms.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import { authorize, can, roleLabels, roles, type Actor, type Role } from '../../platform/authz/index.ts';
import { formatDateLong } from '../../platform/format.ts';
import { communeByCode, communes, provinceLabels, provinces, type Province } from '../../territory/index.ts';
import { invitePerson } from '../accounts/index.ts';
import { createOrganisation, endMembership, updateOrganisation, type OrganisationError } from './organisations.commands.ts';
import { invitationFields, organisationFields } from './organisations.forms.ts';
import { organisationKindLabels } from './organisations.labels.ts';
import { activeMembersOf, activeMembership, findOrganisation, listOrganisations } from './organisations.queries.ts';
import { organisationKinds } from './organisations.schema.ts';
import { OrganisationListPage } from './views/list.tsx';
import { OrganisationFormPage } from './views/form.tsx';
import { OrganisationPage } from './views/show.tsx';
import { InvitePage } from './views/invite.tsx';
import { EndMembershipPage } from './views/end-membership.tsx';
import './organisations.policy.ts';

registerNav({ href: '/organisations', label: 'Organisations', shownTo: 'organisation.list', order: 50 });

export const organisationRoutes = new Hono<AppEnv>();

const listCrumb = { href: '/organisations', label: 'Organisations' };
const kindOptions = organisationKinds.map((k) => ({ value: k, label: organisationKindLabels[k] }));
const provinceOptions = provinces.map((p) => ({ value: p, label: provinceLabels[p] }));
// The 33 communes, each with its province: a commune name alone does not say which province an organisation joins.
const communeOptions = communes.map((c) => ({ value: c.code, label: `${c.name} (${provinceLabels[c.province]})` }));

const conflictMessages = {
  name_taken: { field: 'name', text: 'Une organisation porte déjà ce nom. Cherchez-la dans la liste des organisations avant d’en créer une autre.' },
  ridet_taken: { field: 'ridet', text: 'Une organisation est déjà enregistrée avec ce RIDET. Vérifiez le numéro.' },
} as const satisfies Record<OrganisationError, { field: string; text: string }>;

const outOfScope = 'Vous ne pouvez pas placer une organisation dans cette commune : elle est hors du territoire que vous coordonnez.';

/** The actor the route's guard already let through (a person, or a token whose scope grants the action). */
function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

function pick<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((v) => v === value);
}

function pageNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100_000) : 1;
}

function formValues(input: FormInput) {
  return { name: inputValue(input, 'name'), kind: inputValue(input, 'kind'), ridet: inputValue(input, 'ridet'), communeCode: inputValue(input, 'communeCode') };
}

/** The roles this actor may grant in this organisation, from the same policy that checks the POST. */
function grantableRoles(actor: Actor, organisation: { id: string; province: Province }): Role[] {
  return roles.filter((role) => can(actor, 'person.invite', { organisationId: organisation.id, province: organisation.province, role }));
}

function roleLabelOf(role: Role, scopeProvince: Province | null): string {
  if (role !== 'coordinator') return roleLabels[role];
  return `${roleLabels[role]} (${scopeProvince ? provinceLabels[scopeProvince] : 'tout le territoire'})`;
}

organisationRoutes.get('/organisations', access.to('organisation.list'), async (c) => {
  const actor = currentActor(c);
  const filters = {
    q: (c.req.query('q') ?? '').trim().slice(0, 150),
    kind: pick(organisationKinds, c.req.query('kind')),
    province: pick(provinces, c.req.query('province')),
  };
  const current = pageNumber(c.req.query('page'));
  const result = await listOrganisations(c.get('services').database.db, actor, { ...filters, page: current });
  const hrefFor = (n: number) => {
    const params = new URLSearchParams();
    if (filters.q) params.set('q', filters.q);
    if (filters.kind) params.set('kind', filters.kind);
    if (filters.province) params.set('province', filters.province);
    if (n > 1) params.set('page', String(n));
    const query = params.toString();
    return query ? `/organisations?${query}` : '/organisations';
  };
  return page(
    c,
    { title: current > 1 ? `Organisations, page ${current}` : 'Organisations' },
    <OrganisationListPage
      filters={{ q: filters.q, kind: filters.kind ?? '', province: filters.province ?? '' }}
      kindOptions={kindOptions}
      provinceOptions={provinceOptions}
      rows={result.rows.map((o) => ({
        id: o.id,
        name: o.name,
        kindLabel: organisationKindLabels[o.kind],
        communeName: communeByCode(o.communeCode)?.name ?? o.communeCode,
        provinceLabel: provinceLabels[o.province],
        ridet: o.ridet,
      }))}
      total={result.total}
      page={current}
      pageCount={result.pageCount}
      hrefFor={hrefFor}
      canCreate={can(actor, 'organisation.create')}
    />,
  );
});

function newOrganisationPage(c: Context<AppEnv>, values: ReturnType<typeof formValues>, errors: FieldErrors) {
  return page(
    c,
    { title: 'Ajouter une organisation', hasErrors: Object.keys(errors).length > 0, breadcrumbs: [listCrumb] },
    <OrganisationFormPage
      heading="Ajouter une organisation"
      action="/organisations/nouvelle"
      submitLabel="Ajouter l’organisation"
      values={values}
      errors={errors}
      kindOptions={kindOptions}
      communeOptions={communeOptions}
      cancelHref="/organisations"
    />,
  );
}

organisationRoutes.get('/organisations/nouvelle', access.to('organisation.create'), (c) =>
  newOrganisationPage(c, { name: '', kind: '', ridet: '', communeCode: '' }, {}),
);

organisationRoutes.post('/organisations/nouvelle', access.to('organisation.create'), async (c) => {
  const actor = currentActor(c);
  const form = await readForm(c, organisationFields);
  const values = formValues(form.input);
  if (!form.ok) return newOrganisationPage(c, values, form.errors);
  const province = communeByCode(form.data.communeCode)?.province;
  if (!province || !can(actor, 'organisation.create', { id: '', province })) return newOrganisationPage(c, values, { communeCode: outOfScope });
  const result = await c.get('services').database.db.transaction((tx) => createOrganisation(tx, actor, form.data, { requestId: c.get('requestId') }));
  if (!result.ok) {
    const conflict = conflictMessages[result.error];
    return newOrganisationPage(c, values, { [conflict.field]: conflict.text });
  }
  return redirectWithFlash(c, `/organisations/${result.value.id}`, { kind: 'success', text: `Organisation « ${form.data.name} » ajoutée.` });
});

organisationRoutes.get('/organisations/:id', access.to('organisation.view'), async (c) => {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const organisation = await findOrganisation(db, actor, c.req.param('id'));
  if (!organisation) return errorPage(c, 404);
  authorize(actor, 'organisation.view', { id: organisation.id, province: organisation.province });
  const members = await activeMembersOf(db, organisation.id);
  const subject = { organisationId: organisation.id, province: organisation.province };
  return page(
    c,
    { title: organisation.name, breadcrumbs: can(actor, 'organisation.list') ? [listCrumb] : [] },
    <OrganisationPage
      id={organisation.id}
      name={organisation.name}
      kindLabel={organisationKindLabels[organisation.kind]}
      communeName={communeByCode(organisation.communeCode)?.name ?? organisation.communeCode}
      provinceLabel={provinceLabels[organisation.province]}
      ridet={organisation.ridet}
      members={members.map((m) => ({
        membershipId: m.membershipId,
        name: m.name,
        email: m.email,
        roleLabel: roleLabelOf(m.role, m.scopeProvince),
        since: formatDateLong(m.since),
        canEnd: can(actor, 'membership.end', { ...subject, role: m.role }),
      }))}
      canUpdate={can(actor, 'organisation.update', { id: organisation.id, province: organisation.province })}
      canInvite={grantableRoles(actor, organisation).length > 0}
    />,
  );
});

function editPage(c: Context<AppEnv>, organisation: { id: string; name: string }, values: ReturnType<typeof formValues>, errors: FieldErrors) {
  return page(
    c,
    {
      title: `Modifier « ${organisation.name} »`,
      hasErrors: Object.keys(errors).length > 0,
      breadcrumbs: [listCrumb, { href: `/organisations/${organisation.id}`, label: organisation.name }],
    },
    <OrganisationFormPage
      heading={`Modifier « ${organisation.name} »`}
      action={`/organisations/${organisation.id}/modifier`}
      submitLabel="Enregistrer les modifications"
      values={values}
      errors={errors}
      kindOptions={kindOptions}
      communeOptions={communeOptions}
      cancelHref={`/organisations/${organisation.id}`}
    />,
  );
}

organisationRoutes.get('/organisations/:id/modifier', access.to('organisation.update'), async (c) => {
  const actor = currentActor(c);
  const organisation = await findOrganisation(c.get('services').database.db, actor, c.req.param('id'));
  if (!organisation) return errorPage(c, 404);
  authorize(actor, 'organisation.update', { id: organisation.id, province: organisation.province });
  return editPage(c, organisation, { name: organisation.name, kind: organisation.kind, ridet: organisation.ridet ?? '', communeCode: organisation.communeCode }, {});
});

organisationRoutes.post('/organisations/:id/modifier', access.to('organisation.update'), async (c) => {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const organisation = await findOrganisation(db, actor, c.req.param('id'));
  if (!organisation) return errorPage(c, 404);
  authorize(actor, 'organisation.update', { id: organisation.id, province: organisation.province });
  const form = await readForm(c, organisationFields);
  const values = formValues(form.input);
  if (!form.ok) return editPage(c, organisation, values, form.errors);
  const province = communeByCode(form.data.communeCode)?.province;
  if (!province || !can(actor, 'organisation.update', { id: organisation.id, province })) return editPage(c, organisation, values, { communeCode: outOfScope });
  const result = await db.transaction((tx) => updateOrganisation(tx, actor, organisation.id, form.data, { requestId: c.get('requestId') }));
  if (!result.ok) {
    if (result.error === 'not_found') return errorPage(c, 404);
    const conflict = conflictMessages[result.error];
    return editPage(c, organisation, values, { [conflict.field]: conflict.text });
  }
  return redirectWithFlash(c, `/organisations/${organisation.id}`, { kind: 'success', text: 'Les modifications sont enregistrées.' });
});

function invitePage(
  c: Context<AppEnv>,
  organisation: { id: string; name: string },
  grantable: Role[],
  values: { email: string; role: string; scopeProvince: string },
  errors: FieldErrors,
) {
  return page(
    c,
    {
      title: `Inviter une personne dans « ${organisation.name} »`,
      hasErrors: Object.keys(errors).length > 0,
      breadcrumbs: [listCrumb, { href: `/organisations/${organisation.id}`, label: organisation.name }],
    },
    <InvitePage
      organisationId={organisation.id}
      organisationName={organisation.name}
      values={values}
      errors={errors}
      roleOptions={grantable.map((r) => ({ value: r, label: roleLabels[r] }))}
      provinceOptions={grantable.includes('coordinator') ? provinceOptions : null}
    />,
  );
}

organisationRoutes.get('/organisations/:id/inviter', access.to('person.invite'), async (c) => {
  const actor = currentActor(c);
  const organisation = await findOrganisation(c.get('services').database.db, actor, c.req.param('id'));
  if (!organisation) return errorPage(c, 404);
  const grantable = grantableRoles(actor, organisation);
  if (grantable.length === 0) return errorPage(c, 403);
  return invitePage(c, organisation, grantable, { email: '', role: '', scopeProvince: '' }, {});
});

organisationRoutes.post('/organisations/:id/inviter', access.to('person.invite'), async (c) => {
  const actor = currentActor(c);
  const { database, config, notifyOutbox } = c.get('services');
  const organisation = await findOrganisation(database.db, actor, c.req.param('id'));
  if (!organisation) return errorPage(c, 404);
  const grantable = grantableRoles(actor, organisation);
  if (grantable.length === 0) return errorPage(c, 403);
  const form = await readForm(c, invitationFields);
  const values = { email: inputValue(form.input, 'email'), role: inputValue(form.input, 'role'), scopeProvince: inputValue(form.input, 'scopeProvince') };
  if (!form.ok) return invitePage(c, organisation, grantable, values, form.errors);
  // A role that was not offered can only come from a forged form: refused, as the policy says.
  authorize(actor, 'person.invite', { organisationId: organisation.id, province: organisation.province, role: form.data.role });
  const result = await database.db.transaction((tx) =>
    invitePerson(tx, actor, { ...form.data, organisationId: organisation.id }, { baseUrl: config.baseUrl, requestId: c.get('requestId') }),
  );
  if (!result.ok) {
    if (result.error === 'organisation_not_found') return errorPage(c, 404);
    return invitePage(c, organisation, grantable, values, { email: `Cette personne a déjà le rôle « ${roleLabels[form.data.role]} » dans cette organisation.` });
  }
  notifyOutbox();
  return redirectWithFlash(c, `/organisations/${organisation.id}`, { kind: 'success', text: `Invitation envoyée à ${form.data.email}.` });
});

/** Loads what both the confirmation page and its POST need, or answers 404 / throws 403. */
async function membershipToEnd(c: Context<AppEnv>, actor: Actor) {
  const { db } = c.get('services').database;
  const organisation = await findOrganisation(db, actor, c.req.param('id') ?? '');
  if (!organisation) return null;
  const member = await activeMembership(db, organisation.id, c.req.param('membershipId') ?? '');
  if (!member) return null;
  authorize(actor, 'membership.end', { organisationId: organisation.id, province: organisation.province, role: member.role });
  return { organisation, member };
}

organisationRoutes.get('/organisations/:id/membres/:membershipId/retirer', access.to('membership.end'), async (c) => {
  const actor = currentActor(c);
  const found = await membershipToEnd(c, actor);
  if (!found) return errorPage(c, 404);
  const { organisation, member } = found;
  return page(
    c,
    { title: `Retirer le rôle de ${member.name}`, breadcrumbs: [listCrumb, { href: `/organisations/${organisation.id}`, label: organisation.name }] },
    <EndMembershipPage
      organisationId={organisation.id}
      organisationName={organisation.name}
      membershipId={member.membershipId}
      personName={member.name}
      email={member.email}
      roleLabel={roleLabelOf(member.role, member.scopeProvince)}
    />,
  );
});

organisationRoutes.post('/organisations/:id/membres/:membershipId/retirer', access.to('membership.end'), async (c) => {
  const actor = currentActor(c);
  const found = await membershipToEnd(c, actor);
  if (!found) return errorPage(c, 404);
  const { organisation, member } = found;
  const result = await c.get('services').database.db.transaction((tx) => endMembership(tx, actor, member.membershipId, { requestId: c.get('requestId') }));
  if (!result.ok) return errorPage(c, 404);
  return redirectWithFlash(c, `/organisations/${organisation.id}`, {
    kind: 'success',
    text: `${member.name} n’a plus le rôle « ${roleLabels[member.role]} » dans « ${organisation.name} ».`,
  });
});
