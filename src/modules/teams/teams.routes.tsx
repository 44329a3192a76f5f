import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../platform/http/access.ts';
import { redirectWithFlash } from '../../platform/http/flash.ts';
import { inputValue, readForm, type FieldErrors } from '../../platform/http/forms.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import type { Actor } from '../../platform/authz/index.ts';
import { localDay, plural } from '../../platform/format.ts';
import { addTeamMember, createTeam, endTeamMembership, updateTeam } from './teams.commands.ts';
import { endFields, memberFields, teamFields } from './teams.forms.ts';
import { findMembership, findTeam, helpersToChoose, listTeams, teamMembershipsOf, type Team } from './teams.queries.ts';
import { EndMembershipPage, TeamFormPage, TeamListPage, TeamPage, type MemberRow, type TeamFormValues } from './views/teams.tsx';

registerNav({ href: '/equipes', label: 'Équipes', shownTo: 'team.manage', order: 36 });

export const teamRoutes = new Hono<AppEnv>();

const crumb = { href: '/equipes', label: 'Équipes' };
const nameTaken = 'Une équipe porte déjà ce nom. Choisissez un autre nom.';
const shortDay = (day: string) => day.split('-').reverse().join('/');

function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

const context = (c: Context<AppEnv>) => ({ requestId: c.get('requestId'), baseUrl: c.get('services').config.baseUrl });

teamRoutes.get('/equipes', access.to('team.manage'), async (c) => {
  const rows = await listTeams(c.get('services').database.db, localDay(new Date()));
  return page(c, { title: 'Équipes d’aidants' }, <TeamListPage rows={rows.map((r) => ({ ...r, membersText: r.members === 0 ? 'Aucun' : plural(r.members, 'aidant', 'aidants') }))} />);
});

function teamForm(c: Context<AppEnv>, heading: string, action: string, submitLabel: string, values: TeamFormValues, errors: FieldErrors, back: string) {
  return page(c, { title: heading, hasErrors: Object.keys(errors).length > 0, breadcrumbs: [crumb] }, <TeamFormPage heading={heading} action={action} submitLabel={submitLabel} values={values} errors={errors} back={back} />);
}

teamRoutes.get('/equipes/nouvelle', access.to('team.manage'), (c) => teamForm(c, 'Créer une équipe', '/equipes/nouvelle', 'Créer l’équipe', { name: '', description: '' }, {}, '/equipes'));

teamRoutes.post('/equipes/nouvelle', access.to('team.manage'), async (c) => {
  const actor = currentActor(c);
  const form = await readForm(c, teamFields);
  const values = { name: inputValue(form.input, 'name'), description: inputValue(form.input, 'description') };
  if (!form.ok) return teamForm(c, 'Créer une équipe', '/equipes/nouvelle', 'Créer l’équipe', values, form.errors, '/equipes');
  const result = await c.get('services').database.db.transaction((tx) => createTeam(tx, actor, form.data, context(c)));
  if (!result.ok) return teamForm(c, 'Créer une équipe', '/equipes/nouvelle', 'Créer l’équipe', values, { name: nameTaken }, '/equipes');
  return redirectWithFlash(c, `/equipes/${result.value.id}`, { kind: 'success', text: `Équipe « ${form.data.name} » créée. Ajoutez-y des aidants.` });
});

async function teamPage(c: Context<AppEnv>, team: Team, values: { userId: string; startsOn: string }, errors: FieldErrors) {
  const { db } = c.get('services').database;
  const [members, helpers] = await Promise.all([teamMembershipsOf(db, team.id), helpersToChoose(db)]);
  const rows: MemberRow[] = members.map((m) => ({
    id: m.id,
    name: m.name,
    email: m.email,
    current: m.endsOn === null,
    period: m.endsOn === null ? `depuis le ${shortDay(m.startsOn)}` : `du ${shortDay(m.startsOn)} au ${shortDay(m.endsOn)}`,
  }));
  const inTeam = new Set(members.filter((m) => m.endsOn === null).map((m) => m.userId));
  return page(
    c,
    { title: `Équipe « ${team.name} »`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: [crumb] },
    <TeamPage
      id={team.id}
      name={team.name}
      description={team.description}
      current={rows.filter((r) => r.current)}
      past={rows.filter((r) => !r.current)}
      helpers={helpers.filter((h) => !inTeam.has(h.userId)).map((h) => ({ value: h.userId, label: `${h.name} (${h.organisationName})` }))}
      values={values}
      errors={errors}
    />,
  );
}

teamRoutes.get('/equipes/:id', access.to('team.manage'), async (c) => {
  const team = await findTeam(c.get('services').database.db, c.req.param('id'));
  if (!team) return errorPage(c, 404);
  return teamPage(c, team, { userId: '', startsOn: localDay(new Date()) }, {});
});

teamRoutes.get('/equipes/:id/modifier', access.to('team.manage'), async (c) => {
  const team = await findTeam(c.get('services').database.db, c.req.param('id'));
  if (!team) return errorPage(c, 404);
  return teamForm(c, `Modifier l’équipe « ${team.name} »`, `/equipes/${team.id}/modifier`, 'Enregistrer l’équipe', { name: team.name, description: team.description }, {}, `/equipes/${team.id}`);
});

teamRoutes.post('/equipes/:id/modifier', access.to('team.manage'), async (c) => {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const team = await findTeam(db, c.req.param('id'));
  if (!team) return errorPage(c, 404);
  const form = await readForm(c, teamFields);
  const heading = `Modifier l’équipe « ${team.name} »`;
  const values = { name: inputValue(form.input, 'name'), description: inputValue(form.input, 'description') };
  if (!form.ok) return teamForm(c, heading, `/equipes/${team.id}/modifier`, 'Enregistrer l’équipe', values, form.errors, `/equipes/${team.id}`);
  const result = await db.transaction((tx) => updateTeam(tx, actor, team, form.data, context(c)));
  if (!result.ok) return teamForm(c, heading, `/equipes/${team.id}/modifier`, 'Enregistrer l’équipe', values, { name: nameTaken }, `/equipes/${team.id}`);
  return redirectWithFlash(c, `/equipes/${team.id}`, { kind: 'success', text: `Équipe « ${form.data.name} » enregistrée.` });
});

teamRoutes.post('/equipes/:id/membres', access.to('team.manage'), async (c) => {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const team = await findTeam(db, c.req.param('id'));
  if (!team) return errorPage(c, 404);
  const form = await readForm(c, memberFields);
  const values = { userId: inputValue(form.input, 'userId'), startsOn: inputValue(form.input, 'startsOn') };
  if (!form.ok) return teamPage(c, team, values, form.errors);
  const result = await db.transaction((tx) => addTeamMember(tx, actor, team, form.data, context(c)));
  if (!result.ok) {
    const errors: FieldErrors = result.error === 'not_a_helper' ? { userId: 'Choisissez un aidant dans la liste' } : { startsOn: 'Cet aidant est déjà dans l’équipe à cette date : choisissez une date après son départ' };
    return teamPage(c, team, values, errors);
  }
  return redirectWithFlash(c, `/equipes/${team.id}`, { kind: 'success', text: 'Aidant ajouté à l’équipe. Un e-mail le prévient.' });
});

async function loadMembership(c: Context<AppEnv>) {
  const { db } = c.get('services').database;
  const team = await findTeam(db, c.req.param('id') ?? '');
  if (!team) return null;
  const membership = await findMembership(db, team.id, c.req.param('membershipId') ?? '');
  return membership && membership.endsOn === null ? { team, membership } : null;
}

function endPage(c: Context<AppEnv>, found: NonNullable<Awaited<ReturnType<typeof loadMembership>>>, endsOn: string, error: string | undefined) {
  return page(
    c,
    { title: `Retirer ${found.membership.name} de l’équipe`, hasErrors: error !== undefined, breadcrumbs: [crumb, { href: `/equipes/${found.team.id}`, label: found.team.name }] },
    <EndMembershipPage teamId={found.team.id} teamName={found.team.name} membershipId={found.membership.id} name={found.membership.name} endsOn={endsOn} error={error} />,
  );
}

teamRoutes.get('/equipes/:id/membres/:membershipId/fin', access.to('team.manage'), async (c) => {
  const found = await loadMembership(c);
  if (!found) return errorPage(c, 404);
  return endPage(c, found, localDay(new Date()), undefined);
});

teamRoutes.post('/equipes/:id/membres/:membershipId/fin', access.to('team.manage'), async (c) => {
  const actor = currentActor(c);
  const found = await loadMembership(c);
  if (!found) return errorPage(c, 404);
  const form = await readForm(c, endFields);
  if (!form.ok) return endPage(c, found, inputValue(form.input, 'endsOn'), form.errors.endsOn ?? form.errors.formulaire);
  const result = await c.get('services').database.db.transaction((tx) => endTeamMembership(tx, actor, found.team, found.membership, form.data.endsOn, context(c)));
  if (!result.ok) {
    if (result.error === 'already_ended') return errorPage(c, 404);
    return endPage(c, found, form.data.endsOn, `Le dernier jour doit être après l’arrivée dans l’équipe, le ${shortDay(found.membership.startsOn)}`);
  }
  return redirectWithFlash(c, `/equipes/${found.team.id}`, { kind: 'success', text: `${found.membership.name} ne fait plus partie de l’équipe.` });
});
