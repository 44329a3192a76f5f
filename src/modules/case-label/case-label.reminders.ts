import { and, eq, gt, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { localDay } from '../../platform/format.ts';
import { recordAudit } from '../audit/index.ts';
import { queueMessage } from '../outbox/index.ts';
import { places } from '../places/places.schema.ts';
import { formatDay } from './case-label.commands.ts';
import { addDays } from './case-label.forms.ts';
import { labelApplications } from './case-label.schema.ts';

/** Days before the end of a label when its applicant is reminded, the earliest first. */
export const reminderDays = [90, 30] as const;

/**
 * The daily job: for each valid label ending within 90 (then 30) days, queues one e-mail to its applicant, marks it
 * sent and audits it. Running it twice the same day (or after a crash) sends nothing more: the mark is set with a
 * guarded UPDATE and the outbox refuses a second message with the same dedupe key. A label already renewed (a later
 * label for the same place) is not reminded. When a label is granted with less than 30 days left, only the 30-day
 * reminder goes.
 * @example await db.transaction((tx) => sendExpiryReminders(tx, { baseUrl: config.baseUrl }))
 */
export async function sendExpiryReminders(tx: Executor, options: { baseUrl: string; today?: string }): Promise<{ queued: number }> {
  const today = options.today ?? localDay(new Date());
  let queued = 0;
  for (const days of reminderDays) {
    const column = days === 90 ? labelApplications.reminded90At : labelApplications.reminded30At;
    const due = await tx
      .select({ application: labelApplications, placeName: places.name })
      .from(labelApplications)
      .innerJoin(places, eq(places.id, labelApplications.placeId))
      .where(
        and(
          eq(labelApplications.status, 'granted'),
          isNull(column),
          gte(labelApplications.expiresOn, today),
          lte(labelApplications.expiresOn, addDays(today, days)),
          // Not when a later label of the same place already takes over.
          sql`not exists (select 1 from ${labelApplications} as later where later.place_id = ${labelApplications.placeId} and later.status = 'granted' and later.expires_on > ${labelApplications.expiresOn})`,
        ),
      );
    for (const { application, placeName } of due) {
      // The 90-day reminder is pointless once the 30-day one is due: mark it without sending.
      const alsoLate = days === 90 && application.expiresOn !== null && application.expiresOn <= addDays(today, 30);
      const marked = await tx
        .update(labelApplications)
        .set(days === 90 ? { reminded90At: new Date() } : { reminded30At: new Date(), reminded90At: application.reminded90At ?? new Date() })
        .where(and(eq(labelApplications.id, application.id), isNull(column), gt(labelApplications.expiresOn, addDays(today, -1))))
        .returning({ id: labelApplications.id });
      if (marked.length === 0 || alsoLate || !application.expiresOn) continue;
      const until = formatDay(application.expiresOn);
      await queueMessage(tx, {
        channel: 'email',
        recipient: application.applicantEmail,
        subject: `Le label Case numérique de « ${placeName} » se termine bientôt`,
        text: `Bonjour ${application.applicantName},\n\nLe label Case numérique de « ${placeName} » est valable jusqu’au ${until}.\nPour le garder, faites une nouvelle demande avant cette date.\n\nFaire la demande : ${options.baseUrl}/label\n\nLa cellule numérique du gouvernement`,
        purpose: 'label.expiry_reminder',
        dedupeKey: `label-expiry-${days}:${application.id}`,
      });
      await recordAudit(tx, null, {
        action: 'label.application.remind',
        subjectType: 'label_application',
        subjectId: application.id,
        summary: `Rappel envoyé : le label de « ${placeName} » se termine le ${until} (${days} jours)`,
        details: { placeId: application.placeId, days, expiresOn: application.expiresOn },
      });
      queued += 1;
    }
  }
  return { queued };
}
