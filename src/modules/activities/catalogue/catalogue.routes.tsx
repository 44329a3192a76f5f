import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../../platform/http/access.ts';
import { redirectWithFlash } from '../../../platform/http/flash.ts';
import { inputValue, readForm, type FieldErrors, type FormInput } from '../../../platform/http/forms.ts';
import { registerNav } from '../../../platform/http/navigation.ts';
import { errorPage, page } from '../../../platform/http/render.tsx';
import { can, type Actor } from '../../../platform/authz/index.ts';
import { plural } from '../../../platform/format.ts';
import { createProcedure, removeProcedure, updateProcedure } from './catalogue.commands.ts';
import { procedureFields } from './catalogue.forms.ts';
import { referentOrganisations } from './catalogue.policy.ts';
import { findProcedure, partnersKeptBy, procedureIsUsed, proceduresKeptBy, type Procedure } from './catalogue.queries.ts';
import { CatalogueListPage, ProcedureFormPage, RemoveProcedurePage, type CatalogueGroup, type ProcedureFormValues } from './views/catalogue.tsx';

registerNav({ href: '/catalogue-demarches', label: 'Catalogue des démarches', shownTo: 'procedure.manage', order: 34 });

export const catalogueRoutes = new Hono<AppEnv>();

const crumb = { href: '/catalogue-demarches', label: 'Catalogue des démarches' };
const nameTakenMessage = 'Ce partenaire a déjà une démarche de ce nom. Modifiez-la plutôt que d’en ajouter une autre.';

function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

const context = (c: Context<AppEnv>) => ({ requestId: c.get('requestId') });

function formValues(input: FormInput): ProcedureFormValues {
  return { partnerOrganisationId: inputValue(input, 'partnerOrganisationId'), name: inputValue(input, 'name'), description: inputValue(input, 'description'), position: inputValue(input, 'position'), active: inputValue(input, 'active') };
}

/** Loads a procedure the actor keeps, or null (404: a référent does not learn of other partners' procedures). */
async function loadKept(c: Context<AppEnv>, actor: Actor): Promise<Procedure | null> {
  const procedure = await findProcedure(c.get('services').database.db, c.req.param('id') ?? '');
  return procedure && can(actor, 'procedure.manage', procedure) ? procedure : null;
}

async function addForm(c: Context<AppEnv>, actor: Actor, values: ProcedureFormValues, errors: FieldErrors) {
  const partners = await partnersKeptBy(c.get('services').database.db, actor);
  const only = partners.length === 1 ? partners[0] : undefined;
  return page(
    c,
    { title: 'Ajouter une démarche', hasErrors: Object.keys(errors).length > 0, breadcrumbs: [crumb] },
    <ProcedureFormPage
      heading="Ajouter une démarche"
      action="/catalogue-demarches/nouvelle"
      submitLabel="Ajouter la démarche"
      values={only ? { ...values, partnerOrganisationId: only.id } : values}
      errors={errors}
      partners={partners.map((p) => ({ value: p.id, label: p.name }))}
      partnerLocked={only ? only.name : null}
    />,
  );
}

async function editForm(c: Context<AppEnv>, procedure: Procedure, values: ProcedureFormValues, errors: FieldErrors) {
  const [partner] = (await partnersKeptBy(c.get('services').database.db, currentActor(c))).filter((p) => p.id === procedure.partnerOrganisationId);
  const heading = `Modifier la démarche « ${procedure.name} »`;
  return page(
    c,
    { title: heading, hasErrors: Object.keys(errors).length > 0, breadcrumbs: [crumb] },
    <ProcedureFormPage
      heading={heading}
      action={`/catalogue-demarches/${procedure.id}/modifier`}
      submitLabel="Enregistrer la démarche"
      values={{ ...values, partnerOrganisationId: procedure.partnerOrganisationId }}
      errors={errors}
      partners={[]}
      partnerLocked={partner?.name ?? ''}
    />,
  );
}

catalogueRoutes.get('/catalogue-demarches', access.to('procedure.manage'), async (c) => {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const partnerId = c.req.query('partenaire') ?? '';
  const rows = await proceduresKeptBy(db, actor, { partnerId: partnerId || undefined });
  const groups: CatalogueGroup[] = [];
  for (const r of rows) {
    let group = groups[groups.length - 1];
    if (!group || group.partnerName !== r.partnerName) {
      group = { partnerName: r.partnerName, rows: [] };
      groups.push(group);
    }
    group.rows.push({ id: r.id, name: r.name, description: r.description, active: r.active, usedText: r.used === 0 ? 'Jamais choisie' : `Choisie ${plural(r.used, 'fois', 'fois')}` });
  }
  const everyPartner = referentOrganisations(actor) === null;
  const partnerFilter = everyPartner ? { value: partnerId, options: (await partnersKeptBy(db, actor)).map((p) => ({ value: p.id, label: p.name })) } : null;
  return page(c, { title: 'Catalogue des démarches' }, <CatalogueListPage groups={groups} partnerFilter={partnerFilter} />);
});

catalogueRoutes.get('/catalogue-demarches/nouvelle', access.to('procedure.manage'), (c) =>
  addForm(c, currentActor(c), { partnerOrganisationId: c.req.query('partenaire') ?? '', name: '', description: '', position: '100', active: 'oui' }, {}),
);

catalogueRoutes.post('/catalogue-demarches/nouvelle', access.to('procedure.manage'), async (c) => {
  const actor = currentActor(c);
  const form = await readForm(c, procedureFields);
  if (!form.ok) return addForm(c, actor, formValues(form.input), form.errors);
  if (!can(actor, 'procedure.manage', { partnerOrganisationId: form.data.partnerOrganisationId })) {
    return addForm(c, actor, formValues(form.input), { partnerOrganisationId: 'Choisissez un partenaire dont vous tenez le catalogue' });
  }
  const kept = await partnersKeptBy(c.get('services').database.db, actor);
  if (!kept.some((p) => p.id === form.data.partnerOrganisationId)) return addForm(c, actor, formValues(form.input), { partnerOrganisationId: 'Choisissez le partenaire dans la liste' });
  const result = await c.get('services').database.db.transaction((tx) => createProcedure(tx, actor, form.data, context(c)));
  if (!result.ok) return addForm(c, actor, formValues(form.input), { name: nameTakenMessage });
  return redirectWithFlash(c, '/catalogue-demarches', { kind: 'success', text: `Démarche « ${form.data.name} » ajoutée.` });
});

catalogueRoutes.get('/catalogue-demarches/:id/modifier', access.to('procedure.manage'), async (c) => {
  const procedure = await loadKept(c, currentActor(c));
  if (!procedure) return errorPage(c, 404);
  const values = { partnerOrganisationId: procedure.partnerOrganisationId, name: procedure.name, description: procedure.description, position: String(procedure.position), active: procedure.active ? 'oui' : 'non' };
  return editForm(c, procedure, values, {});
});

catalogueRoutes.post('/catalogue-demarches/:id/modifier', access.to('procedure.manage'), async (c) => {
  const actor = currentActor(c);
  const procedure = await loadKept(c, actor);
  if (!procedure) return errorPage(c, 404);
  const form = await readForm(c, procedureFields);
  if (!form.ok) return editForm(c, procedure, formValues(form.input), form.errors);
  const result = await c.get('services').database.db.transaction((tx) => updateProcedure(tx, actor, procedure.id, { ...form.data, partnerOrganisationId: procedure.partnerOrganisationId }, context(c)));
  if (!result.ok) {
    if (result.error === 'not_found') return errorPage(c, 404);
    return editForm(c, procedure, formValues(form.input), { name: nameTakenMessage });
  }
  return redirectWithFlash(c, '/catalogue-demarches', { kind: 'success', text: `Démarche « ${form.data.name} » enregistrée.` });
});

catalogueRoutes.get('/catalogue-demarches/:id/retirer', access.to('procedure.manage'), async (c) => {
  const actor = currentActor(c);
  const procedure = await loadKept(c, actor);
  if (!procedure) return errorPage(c, 404);
  const { db } = c.get('services').database;
  const [partner] = (await partnersKeptBy(db, actor)).filter((p) => p.id === procedure.partnerOrganisationId);
  const used = await procedureIsUsed(db, procedure.id);
  return page(
    c,
    { title: `Retirer la démarche « ${procedure.name} »`, breadcrumbs: [crumb] },
    <RemoveProcedurePage id={procedure.id} name={procedure.name} partnerName={partner?.name ?? ''} used={used} />,
  );
});

catalogueRoutes.post('/catalogue-demarches/:id/retirer', access.to('procedure.manage'), async (c) => {
  const actor = currentActor(c);
  const procedure = await loadKept(c, actor);
  if (!procedure) return errorPage(c, 404);
  const result = await c.get('services').database.db.transaction((tx) => removeProcedure(tx, actor, procedure.id, context(c)));
  if (!result.ok) return errorPage(c, 404);
  const text = result.value === 'retired' ? `Démarche « ${procedure.name} » retirée de la liste. Elle reste dans les accompagnements passés.` : `Démarche « ${procedure.name} » supprimée.`;
  return redirectWithFlash(c, '/catalogue-demarches', { kind: 'success', text });
});
