import type { Executor } from '../../db/client.ts';
import { localDay } from '../../platform/format.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { addDays, defaultExpiry } from './case-label.forms.ts';
import { listCriteria } from './case-label.queries.ts';
import { labelApplications, labelEvidence } from './case-label.schema.ts';

/**
 * Demonstration data for the label: one place labelled since last year, and one application waiting for a decision,
 * so that the public list, the reviewers' queue and an application page have something real to show.
 * Call it from the demo seed once places exist and are managed by the demo place manager's organisation.
 * @example await seedCaseLabelDemo(tx, { labelledPlaceId, pendingPlaceId, applicant: { name: 'Léa Wenisso', email: 'responsable-lieu@demo.relais.nc' } })
 */
export async function seedCaseLabelDemo(tx: Executor, input: { labelledPlaceId: string; pendingPlaceId: string; applicant: { userId?: string; name: string; email: string } }): Promise<void> {
  const today = localDay(new Date());
  const grantedOn = addDays(today, -300);
  const criteria = await listCriteria(tx, { includeRetired: false });
  const applications = [
    { placeId: input.labelledPlaceId, status: 'granted' as const, grantedOn, expiresOn: defaultExpiry(grantedOn), submittedAt: new Date(`${addDays(grantedOn, -20)}T00:00:00Z`), decidedAt: new Date(`${grantedOn}T00:00:00Z`) },
    { placeId: input.pendingPlaceId, status: 'submitted' as const, grantedOn: null, expiresOn: null, submittedAt: new Date(), decidedAt: null },
  ];
  for (const a of applications) {
    const id = newId();
    await tx.insert(labelApplications).values({ id, ...a, applicantUserId: input.applicant.userId ?? null, applicantName: input.applicant.name, applicantEmail: input.applicant.email });
    for (const criterion of criteria) {
      await tx.insert(labelEvidence).values({ id: newId(), applicationId: id, criterionId: criterion.id, text: `Exemple de preuve pour « ${criterion.title} » (démonstration).` });
    }
    await recordAudit(tx, null, { action: 'label.application.seed', subjectType: 'label_application', subjectId: id, summary: 'Demande de label de démonstration créée', details: { placeId: a.placeId, status: a.status } });
  }
}
