import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../platform/http/access.ts';
import { redirectWithFlash } from '../../platform/http/flash.ts';
import { inputValue, readForm, type FieldErrors, type FormInput } from '../../platform/http/forms.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import { authorize, can, type Actor } from '../../platform/authz/index.ts';
import { formatDateTime, localDay } from '../../platform/format.ts';
import { acceptedFileTypes, checkUpload, deleteStoredFile, formatFileSize, maxFileBytes, readStoredFile, storeFile, uploadErrorMessages, type CheckedUpload } from '../../platform/files.ts';
import { communeByCode } from '../../territory/index.ts';
import { findPlace, placesManagedBy } from '../places/index.ts';
import {
  addEvidenceFile,
  commentApplication,
  createCriterion,
  decideApplication,
  formatDay,
  removeEvidenceFile,
  saveEvidence,
  startApplication,
  submitApplication,
  updateCriterion,
  type Decision,
  type LabelPlace,
} from './case-label.commands.ts';
import { commentFields, criterionFields, decisionFields, defaultExpiry, evidenceFields } from './case-label.forms.ts';
import { applicationStatusColours, applicationStatusLabels, commentKindLabels } from './case-label.labels.ts';
import { canSeeApplication } from './case-label.policy.ts';
import {
  applicationDetail,
  applicationsToReview,
  caseLabelOf,
  findApplication,
  findCriterion,
  findEvidenceFile,
  labelledPlaces,
  latestApplicationsOf,
  listCriteria,
  type Application,
  type EvidenceFile,
} from './case-label.queries.ts';
import { applicationStatuses, type ApplicationStatus } from './case-label.schema.ts';
import { isEditable, isOpen, nextStatus, type ApplicationEvent } from './case-label.states.ts';
import { CasesNumeriquesPage } from './views/public-list.tsx';
import { WorkspacePage, type OwnPlaceRow } from './views/workspace.tsx';
import { CriteriaListPage, CriterionFormPage, type CriterionFormValues } from './views/criteria.tsx';
import { ApplicationPage, DecisionPage, EvidenceFormPage, RemoveFilePage, type DecisionFormValues, type FileItem } from './views/application.tsx';

registerNav(
  { href: '/cases-numeriques', label: 'Cases numériques', shownTo: 'public', order: 12 },
  { href: '/label', label: 'Label Case numérique', shownTo: 'label.workspace', order: 25 },
);

export const caseLabelRoutes = new Hono<AppEnv>();

const labelCrumb = { href: '/label', label: 'Label Case numérique' };
const criteriaCrumb = { href: '/label/criteres', label: 'Critères du label' };

/** Statuses in the URL, in French. */
const statusSlugs = { draft: 'brouillon', submitted: 'deposee', changes_requested: 'a-completer', granted: 'accordee', refused: 'refusee' } as const satisfies Record<ApplicationStatus, string>;

function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

function pageNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100_000) : 1;
}

const communeName = (code: string) => communeByCode(code)?.name ?? code;
const context = (c: Context<AppEnv>) => ({ requestId: c.get('requestId'), baseUrl: c.get('services').config.baseUrl });

/** The French reason an event cannot happen to this application now. */
function refusal(application: Application, event: ApplicationEvent): string {
  const step = nextStatus(application.status, event);
  return step.ok ? 'Cette demande vient de changer. Rechargez la page.' : step.message;
}

// ——— Public ———

caseLabelRoutes.get('/cases-numeriques', access.public(), async (c) => {
  const current = pageNumber(c.req.query('page'));
  const result = await labelledPlaces(c.get('services').database.db, current);
  return page(
    c,
    { title: current > 1 ? `Les Cases numériques, page ${current}` : 'Les Cases numériques' },
    <CasesNumeriquesPage
      rows={result.rows.map((r) => ({ placeId: r.placeId, name: r.name, communeName: communeName(r.communeCode), address: [r.address, r.locality].filter(Boolean).join(', '), until: formatDay(r.expiresOn) }))}
      total={result.total}
      page={current}
      pageCount={result.pageCount}
      hrefFor={(n) => (n > 1 ? `/cases-numeriques?page=${n}` : '/cases-numeriques')}
    />,
  );
});

// ——— Workspace ———

async function ownPlaceRows(c: Context<AppEnv>, actor: Actor): Promise<OwnPlaceRow[]> {
  const { db } = c.get('services').database;
  const mine = (await placesManagedBy(db, actor)).filter((p) => can(actor, 'label.apply', p));
  const latest = await latestApplicationsOf(db, mine.map((p) => p.id));
  const today = localDay(new Date());
  return Promise.all(
    mine.map(async (p) => {
      const last = latest.get(p.id);
      const open = last && isOpen(last.status) ? last : null;
      const label = await caseLabelOf(db, p.id, today);
      let statusText = 'Pas de label';
      let statusColour: OwnPlaceRow['statusColour'] = 'grey';
      if (open) {
        statusText = `Demande : ${applicationStatusLabels[open.status].toLowerCase()}`;
        statusColour = applicationStatusColours[open.status];
      } else if (label && !label.expired) {
        statusText = `Label valable jusqu’au ${formatDay(label.expiresOn)}`;
        statusColour = 'green';
      } else if (label) {
        statusText = `Label expiré le ${formatDay(label.expiresOn)}`;
        statusColour = 'red';
      } else if (last?.status === 'refused') {
        statusText = 'Label refusé';
        statusColour = 'red';
      }
      return { placeId: p.id, name: p.name, communeName: communeName(p.communeCode), statusText, statusColour, applicationHref: last ? `/label/demandes/${last.id}` : null, canStart: !open };
    }),
  );
}

caseLabelRoutes.get('/label', access.to('label.workspace'), async (c) => {
  const actor = currentActor(c);
  const slug = c.req.query('statut') ?? '';
  const status = applicationStatuses.find((s) => statusSlugs[s] === slug);
  const current = pageNumber(c.req.query('page'));
  const ownPlaces = can(actor, 'label.apply') ? await ownPlaceRows(c, actor) : null;
  let review = null;
  if (can(actor, 'label.review')) {
    const result = await applicationsToReview(c.get('services').database.db, actor, { status, page: current });
    review = {
      status: status ? statusSlugs[status] : '',
      statusOptions: applicationStatuses.map((s) => ({ value: statusSlugs[s], label: applicationStatusLabels[s] })),
      rows: result.rows.map((r) => ({
        id: r.id,
        placeName: r.placeName,
        communeName: communeName(r.communeCode),
        statusLabel: applicationStatusLabels[r.status],
        statusColour: applicationStatusColours[r.status],
        applicantName: r.applicantName,
        updated: formatDateTime(r.updatedAt),
        expiry: r.status === 'granted' && r.expiresOn ? `${formatDay(r.expiresOn)}${r.expiresOn < localDay(new Date()) ? ' (expiré)' : ''}` : '—',
      })),
      total: result.total,
      page: current,
      pageCount: result.pageCount,
      hrefFor: (n: number) => {
        const params = new URLSearchParams();
        if (status) params.set('statut', statusSlugs[status]);
        if (n > 1) params.set('page', String(n));
        const query = params.toString();
        return query ? `/label?${query}` : '/label';
      },
    };
  }
  return page(
    c,
    { title: current > 1 ? `Label Case numérique, page ${current}` : 'Label Case numérique' },
    <WorkspacePage ownPlaces={ownPlaces} review={review} canManageCriteria={can(actor, 'label.criteria.manage')} />,
  );
});

// ——— Criteria ———

caseLabelRoutes.get('/label/criteres', access.to('label.criteria.manage'), async (c) => {
  const rows = await listCriteria(c.get('services').database.db, { includeRetired: true });
  return page(c, { title: 'Critères du label Case numérique', breadcrumbs: [labelCrumb] }, <CriteriaListPage rows={rows} />);
});

function criterionValues(input: FormInput): CriterionFormValues {
  return { title: inputValue(input, 'title'), description: inputValue(input, 'description'), position: inputValue(input, 'position'), active: inputValue(input, 'active') };
}

function criterionForm(c: Context<AppEnv>, heading: string, action: string, submitLabel: string, values: CriterionFormValues, errors: FieldErrors) {
  return page(
    c,
    { title: heading, hasErrors: Object.keys(errors).length > 0, breadcrumbs: [labelCrumb, criteriaCrumb] },
    <CriterionFormPage heading={heading} action={action} submitLabel={submitLabel} values={values} errors={errors} />,
  );
}

caseLabelRoutes.get('/label/criteres/nouveau', access.to('label.criteria.manage'), (c) =>
  criterionForm(c, 'Ajouter un critère du label', '/label/criteres/nouveau', 'Ajouter le critère', { title: '', description: '', position: '100', active: 'oui' }, {}),
);

caseLabelRoutes.post('/label/criteres/nouveau', access.to('label.criteria.manage'), async (c) => {
  const actor = currentActor(c);
  const form = await readForm(c, criterionFields);
  if (!form.ok) return criterionForm(c, 'Ajouter un critère du label', '/label/criteres/nouveau', 'Ajouter le critère', criterionValues(form.input), form.errors);
  await c.get('services').database.db.transaction((tx) => createCriterion(tx, actor, form.data, context(c)));
  return redirectWithFlash(c, '/label/criteres', { kind: 'success', text: `Critère « ${form.data.title} » ajouté.` });
});

caseLabelRoutes.get('/label/criteres/:id/modifier', access.to('label.criteria.manage'), async (c) => {
  const criterion = await findCriterion(c.get('services').database.db, c.req.param('id'));
  if (!criterion) return errorPage(c, 404);
  const values = { title: criterion.title, description: criterion.description, position: String(criterion.position), active: criterion.active ? 'oui' : 'non' };
  return criterionForm(c, `Modifier le critère « ${criterion.title} »`, `/label/criteres/${criterion.id}/modifier`, 'Enregistrer le critère', values, {});
});

caseLabelRoutes.post('/label/criteres/:id/modifier', access.to('label.criteria.manage'), async (c) => {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const criterion = await findCriterion(db, c.req.param('id'));
  if (!criterion) return errorPage(c, 404);
  const form = await readForm(c, criterionFields);
  const heading = `Modifier le critère « ${criterion.title} »`;
  if (!form.ok) return criterionForm(c, heading, `/label/criteres/${criterion.id}/modifier`, 'Enregistrer le critère', criterionValues(form.input), form.errors);
  const result = await db.transaction((tx) => updateCriterion(tx, actor, criterion.id, form.data, context(c)));
  if (!result.ok) return errorPage(c, 404);
  return redirectWithFlash(c, '/label/criteres', { kind: 'success', text: `Critère « ${form.data.title} » enregistré.` });
});

// ——— Applications ———

/** Loads an application and its place, or null (404) when the actor may not know about it. */
async function loadApplication(c: Context<AppEnv>, actor: Actor): Promise<{ application: Application; place: LabelPlace & { communeCode: string } } | null> {
  const { db } = c.get('services').database;
  const application = await findApplication(db, c.req.param('id') ?? '');
  if (!application) return null;
  const place = await findPlace(db, application.placeId);
  if (!place || !canSeeApplication(actor, place)) return null;
  return { application, place: { id: place.id, name: place.name, province: place.province, managedBy: place.managedBy, communeCode: place.communeCode } };
}

caseLabelRoutes.post('/label/lieux/:placeId/demande', access.to('label.apply'), async (c) => {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const place = await findPlace(db, c.req.param('placeId'));
  if (!place || actor.kind !== 'person') return errorPage(c, 404);
  if (!can(actor, 'label.apply', place)) return errorPage(c, can(actor, 'label.review', place) ? 403 : 404);
  const result = await db.transaction((tx) => startApplication(tx, actor, place, context(c)));
  if (!result.ok) {
    return redirectWithFlash(c, '/label', { kind: 'warning', text: `Une demande est déjà en cours pour « ${place.name} ». Ouvrez-la pour la compléter.` });
  }
  return redirectWithFlash(c, `/label/demandes/${result.value.id}`, { kind: 'success', text: 'Votre demande est créée. Donnez une preuve pour chaque critère, puis déposez-la.' });
});

function fileItems(files: EvidenceFile[], applicationId: string, removable: boolean): FileItem[] {
  return files.map((f) => ({
    id: f.id,
    name: f.originalName,
    typeLabel: Object.entries(acceptedFileTypes).find(([type]) => type === f.mimeType)?.[1].label ?? f.mimeType,
    size: formatFileSize(f.size),
    href: `/label/demandes/${applicationId}/fichiers/${f.id}`,
    removeHref: removable ? `/label/demandes/${applicationId}/fichiers/${f.id}/retirer` : null,
  }));
}

async function applicationPage(c: Context<AppEnv>, actor: Actor, application: Application, place: LabelPlace & { communeCode: string }, errors: FieldErrors = {}, commentValue = '') {
  const { db } = c.get('services').database;
  const [criteria, detail] = await Promise.all([listCriteria(db, { includeRetired: true }), applicationDetail(db, application.id)]);
  const applicant = can(actor, 'label.apply', place);
  const editable = applicant && isEditable(application.status);
  const shown = criteria.filter((k) => k.active || detail.evidence.some((e) => e.criterionId === k.id && e.text !== '') || detail.files.some((f) => f.criterionId === k.id));
  const facts: { key: string; value: string }[] = [{ key: 'Commencée le', value: formatDateTime(application.createdAt) }];
  if (application.submittedAt) facts.push({ key: 'Déposée le', value: formatDateTime(application.submittedAt) });
  if (application.decidedAt) facts.push({ key: 'Décision le', value: formatDateTime(application.decidedAt) });
  let banner = null;
  if (application.status === 'granted' && application.grantedOn && application.expiresOn) {
    const expired = application.expiresOn < localDay(new Date());
    facts.push({ key: 'Début du label', value: formatDay(application.grantedOn) }, { key: 'Fin du label', value: `${formatDay(application.expiresOn)}${expired ? ' (expiré)' : ''}` });
    banner = expired
      ? { kind: 'warning' as const, title: 'Label expiré', text: `Le label s’est terminé le ${formatDay(application.expiresOn)}. Faites une nouvelle demande pour le retrouver.` }
      : { kind: 'success' as const, title: 'Label accordé', text: `Le label est valable jusqu’au ${formatDay(application.expiresOn)}.` };
  } else if (application.status === 'refused') {
    banner = { kind: 'warning' as const, title: 'Label refusé', text: `Les motifs du refus :\n\n${application.refusalReasons ?? ''}` };
  } else if (application.status === 'changes_requested') {
    const request = [...detail.comments].reverse().find((m) => m.kind === 'changes_requested');
    banner = { kind: 'info' as const, title: 'Demande à compléter', text: request ? `Ce qu’il faut compléter :\n\n${request.body}` : 'La cellule numérique demande des compléments.' };
  }
  const hasErrors = Object.keys(errors).length > 0;
  return page(
    c,
    { title: `Demande de label : ${place.name}`, hasErrors, breadcrumbs: [labelCrumb] },
    <ApplicationPage
      id={application.id}
      placeName={place.name}
      communeName={communeName(place.communeCode)}
      statusLabel={applicationStatusLabels[application.status]}
      statusColour={applicationStatusColours[application.status]}
      applicantName={application.applicantName}
      facts={facts}
      banner={banner}
      criteria={shown.map((k) => ({
        id: k.id,
        title: k.title,
        description: k.description,
        retired: !k.active,
        text: detail.evidence.find((e) => e.criterionId === k.id)?.text ?? '',
        files: fileItems(detail.files.filter((f) => f.criterionId === k.id), application.id, editable),
        editHref: editable && k.active ? `/label/demandes/${application.id}/criteres/${k.id}` : null,
      }))}
      comments={detail.comments.map((m) => ({ kindLabel: commentKindLabels[m.kind], author: m.authorName, at: formatDateTime(m.createdAt), body: m.body }))}
      can={{ submit: editable, comment: can(actor, 'label.review', place), decide: can(actor, 'label.review', place) && application.status === 'submitted' }}
      errors={errors}
      commentValue={commentValue}
    />,
  );
}

caseLabelRoutes.get('/label/demandes/:id', access.to('label.workspace'), async (c) => {
  const actor = currentActor(c);
  const found = await loadApplication(c, actor);
  if (!found) return errorPage(c, 404);
  return applicationPage(c, actor, found.application, found.place);
});

caseLabelRoutes.post('/label/demandes/:id/deposer', access.to('label.apply'), async (c) => {
  const actor = currentActor(c);
  const found = await loadApplication(c, actor);
  if (!found) return errorPage(c, 404);
  const { application, place } = found;
  authorize(actor, 'label.apply', place);
  const result = await c.get('services').database.db.transaction((tx) => submitApplication(tx, actor, application, place, context(c)));
  if (!result.ok) {
    const message = result.error === 'missing_evidence' ? 'Donnez une preuve (un texte ou un fichier) pour chaque critère avant de déposer la demande.' : refusal(application, 'submit');
    return applicationPage(c, actor, application, place, { deposer: message });
  }
  c.get('services').notifyOutbox();
  return redirectWithFlash(c, `/label/demandes/${application.id}`, { kind: 'success', text: 'Votre demande est déposée. La cellule numérique va la lire.' });
});

caseLabelRoutes.post('/label/demandes/:id/commentaires', access.to('label.review'), async (c) => {
  const actor = currentActor(c);
  const found = await loadApplication(c, actor);
  if (!found) return errorPage(c, 404);
  const { application, place } = found;
  authorize(actor, 'label.review', place);
  const form = await readForm(c, commentFields);
  if (!form.ok) return applicationPage(c, actor, application, place, form.errors, inputValue(form.input, 'body'));
  await c.get('services').database.db.transaction((tx) => commentApplication(tx, actor, application, place, form.data.body, context(c)));
  c.get('services').notifyOutbox();
  return redirectWithFlash(c, `/label/demandes/${application.id}`, { kind: 'success', text: 'Commentaire envoyé au demandeur.' });
});

// ——— Evidence ———

async function loadEditable(c: Context<AppEnv>, actor: Actor) {
  const found = await loadApplication(c, actor);
  if (!found) return null;
  authorize(actor, 'label.apply', found.place);
  const criterion = await findCriterion(c.get('services').database.db, c.req.param('criterionId') ?? '');
  if (!criterion || !criterion.active) return null;
  return { ...found, criterion };
}

async function evidenceForm(c: Context<AppEnv>, found: NonNullable<Awaited<ReturnType<typeof loadEditable>>>, text: string, errors: FieldErrors) {
  const { application, place, criterion } = found;
  const detail = await applicationDetail(c.get('services').database.db, application.id);
  return page(
    c,
    { title: `${criterion.title} : preuve pour ${place.name}`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: [labelCrumb, { href: `/label/demandes/${application.id}`, label: `Demande de label : ${place.name}` }] },
    <EvidenceFormPage
      applicationId={application.id}
      placeName={place.name}
      criterionTitle={criterion.title}
      criterionDescription={criterion.description}
      action={`/label/demandes/${application.id}/criteres/${criterion.id}`}
      text={text}
      files={fileItems(detail.files.filter((f) => f.criterionId === criterion.id), application.id, true)}
      errors={errors}
    />,
  );
}

const notEditable = 'Cette demande ne peut plus être modifiée : elle est déposée ou décidée.';

caseLabelRoutes.get('/label/demandes/:id/criteres/:criterionId', access.to('label.apply'), async (c) => {
  const actor = currentActor(c);
  const found = await loadEditable(c, actor);
  if (!found) return errorPage(c, 404);
  if (!isEditable(found.application.status)) return redirectWithFlash(c, `/label/demandes/${found.application.id}`, { kind: 'warning', text: notEditable });
  const detail = await applicationDetail(c.get('services').database.db, found.application.id);
  return evidenceForm(c, found, detail.evidence.find((e) => e.criterionId === found.criterion.id)?.text ?? '', {});
});

caseLabelRoutes.post(
  '/label/demandes/:id/criteres/:criterionId',
  access.to('label.apply'),
  // A little above 5 MB for the rest of the form; a bigger body is refused before it is read.
  bodyLimit({
    maxSize: maxFileBytes + 64 * 1024,
    onError: (c) =>
      page(
        c,
        { title: 'Fichier trop lourd', hasErrors: true },
        <>
          <h1>Fichier trop lourd</h1>
          <p>{uploadErrorMessages.too_large}</p>
          <p>
            <a href={c.req.path}>Revenir au formulaire</a>
          </p>
        </>,
      ),
  }),
  async (c) => {
    const actor = currentActor(c);
    const found = await loadEditable(c, actor);
    if (!found) return errorPage(c, 404);
    const { application, place, criterion } = found;
    if (!isEditable(application.status)) return redirectWithFlash(c, `/label/demandes/${application.id}`, { kind: 'warning', text: notEditable });
    const form = await readForm(c, evidenceFields);
    const text = inputValue(form.input, 'text');
    if (!form.ok) return evidenceForm(c, found, text, form.errors);
    const body = await c.req.parseBody({ all: true });
    const sent = body['fichier'];
    const upload = sent instanceof File && sent.size > 0 ? sent : null;
    let checked: CheckedUpload | null = null;
    if (upload) {
      const result = checkUpload(upload.name, new Uint8Array(await upload.arrayBuffer()));
      if (!result.ok) return evidenceForm(c, found, text, { fichier: uploadErrorMessages[result.error] });
      checked = result.value;
    }
    const { database, config } = c.get('services');
    const storageKey = checked ? await storeFile(config.dataDir, 'label', checked) : null;
    try {
      const saved = await database.db.transaction(async (tx) => {
        const written = await saveEvidence(tx, actor, application, place, criterion.id, form.data.text, context(c));
        if (!written.ok) return written;
        if (checked && storageKey) {
          const added = await addEvidenceFile(tx, actor, application, place, criterion.id, { originalName: checked.originalName, mimeType: checked.mimeType, size: checked.size, storageKey }, context(c));
          if (!added.ok) return added;
        }
        return written;
      });
      if (!saved.ok) {
        if (storageKey) await deleteStoredFile(config.dataDir, storageKey);
        return redirectWithFlash(c, `/label/demandes/${application.id}`, { kind: 'warning', text: notEditable });
      }
    } catch (error) {
      if (storageKey) await deleteStoredFile(config.dataDir, storageKey);
      throw error;
    }
    return redirectWithFlash(c, `/label/demandes/${application.id}`, { kind: 'success', text: `Preuve enregistrée pour « ${criterion.title} ».` });
  },
);

async function loadFile(c: Context<AppEnv>, actor: Actor) {
  const found = await loadApplication(c, actor);
  if (!found) return null;
  const file = await findEvidenceFile(c.get('services').database.db, found.application.id, c.req.param('fileId') ?? '');
  return file ? { ...found, file } : null;
}

caseLabelRoutes.get('/label/demandes/:id/fichiers/:fileId', access.to('label.workspace'), async (c) => {
  const actor = currentActor(c);
  const found = await loadFile(c, actor);
  if (!found) return errorPage(c, 404);
  const bytes = await readStoredFile(c.get('services').config.dataDir, found.file.storageKey);
  if (!bytes) return errorPage(c, 404);
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': found.file.mimeType,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(found.file.originalName)}`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
});

caseLabelRoutes.get('/label/demandes/:id/fichiers/:fileId/retirer', access.to('label.apply'), async (c) => {
  const actor = currentActor(c);
  const found = await loadFile(c, actor);
  if (!found) return errorPage(c, 404);
  authorize(actor, 'label.apply', found.place);
  if (!isEditable(found.application.status)) return redirectWithFlash(c, `/label/demandes/${found.application.id}`, { kind: 'warning', text: notEditable });
  const criterion = await findCriterion(c.get('services').database.db, found.file.criterionId);
  return page(
    c,
    { title: `Retirer le fichier « ${found.file.originalName} »`, breadcrumbs: [labelCrumb, { href: `/label/demandes/${found.application.id}`, label: `Demande de label : ${found.place.name}` }] },
    <RemoveFilePage applicationId={found.application.id} fileId={found.file.id} fileName={found.file.originalName} criterionTitle={criterion?.title ?? ''} />,
  );
});

caseLabelRoutes.post('/label/demandes/:id/fichiers/:fileId/retirer', access.to('label.apply'), async (c) => {
  const actor = currentActor(c);
  const found = await loadFile(c, actor);
  if (!found) return errorPage(c, 404);
  authorize(actor, 'label.apply', found.place);
  const { database, config } = c.get('services');
  const result = await database.db.transaction((tx) => removeEvidenceFile(tx, actor, found.application, found.place, found.file.id, context(c)));
  if (!result.ok) return redirectWithFlash(c, `/label/demandes/${found.application.id}`, { kind: 'warning', text: result.error === 'not_found' ? 'Ce fichier est déjà retiré.' : notEditable });
  // The bytes go only once the database no longer points at them.
  await deleteStoredFile(config.dataDir, result.value.storageKey);
  return redirectWithFlash(c, `/label/demandes/${found.application.id}`, { kind: 'success', text: `Fichier « ${found.file.originalName} » retiré.` });
});

// ——— Decision ———

const decisionDone = {
  draft: 'Décision enregistrée.',
  submitted: 'Décision enregistrée.',
  changes_requested: 'Compléments demandés au lieu. Il a reçu un e-mail.',
  granted: 'Label accordé. Le lieu a reçu un e-mail.',
  refused: 'Label refusé. Le lieu a reçu un e-mail avec les motifs.',
} as const satisfies Record<ApplicationStatus, string>;

function decisionPage(c: Context<AppEnv>, application: Application, place: LabelPlace, values: DecisionFormValues, errors: FieldErrors) {
  return page(
    c,
    { title: `Décider pour « ${place.name} »`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: [labelCrumb, { href: `/label/demandes/${application.id}`, label: `Demande de label : ${place.name}` }] },
    <DecisionPage applicationId={application.id} placeName={place.name} values={values} errors={errors} />,
  );
}

caseLabelRoutes.get('/label/demandes/:id/decision', access.to('label.review'), async (c) => {
  const actor = currentActor(c);
  const found = await loadApplication(c, actor);
  if (!found) return errorPage(c, 404);
  authorize(actor, 'label.review', found.place);
  if (found.application.status !== 'submitted') return redirectWithFlash(c, `/label/demandes/${found.application.id}`, { kind: 'warning', text: refusal(found.application, 'grant') });
  const today = localDay(new Date());
  return decisionPage(c, found.application, found.place, { decision: '', message: '', grantedOn: today, expiresOn: defaultExpiry(today) }, {});
});

caseLabelRoutes.post('/label/demandes/:id/decision', access.to('label.review'), async (c) => {
  const actor = currentActor(c);
  const found = await loadApplication(c, actor);
  if (!found) return errorPage(c, 404);
  const { application, place } = found;
  authorize(actor, 'label.review', place);
  const form = await readForm(c, decisionFields);
  const values = { decision: inputValue(form.input, 'decision'), message: inputValue(form.input, 'message'), grantedOn: inputValue(form.input, 'grantedOn'), expiresOn: inputValue(form.input, 'expiresOn') };
  if (!form.ok) return decisionPage(c, application, place, values, form.errors);
  const d = form.data;
  const decision: Decision =
    d.decision === 'a_completer' ? { kind: 'request_changes', message: d.message } : d.decision === 'accordee' ? { kind: 'grant', grantedOn: d.grantedOn, expiresOn: d.expiresOn, message: d.message } : { kind: 'refuse', reasons: d.message };
  const result = await c.get('services').database.db.transaction((tx) => decideApplication(tx, actor, application, place, decision, context(c)));
  if (!result.ok) {
    const event: ApplicationEvent = decision.kind === 'grant' ? 'grant' : decision.kind === 'refuse' ? 'refuse' : 'request_changes';
    return decisionPage(c, application, place, values, { decision: result.error === 'reasons_required' ? 'Écrivez un message au lieu.' : refusal(application, event) });
  }
  c.get('services').notifyOutbox();
  return redirectWithFlash(c, `/label/demandes/${application.id}`, { kind: 'success', text: decisionDone[result.value] });
});
