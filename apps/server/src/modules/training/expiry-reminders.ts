import { COURSE_KIND_LABELS, shanghaiDate, type CourseKind, addDays } from '@boai/contracts';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { systemActor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { queueSms } from '../../platform/sms/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import { trainingCertificates, trainingTrainees } from './schema.ts';
import { every } from '../../platform/jobs.ts';

/** How long before the last valid day the holder is reminded to renew (a renewal class needs time). */
export const REMINDER_DAYS_AHEAD = 60;
const BATCH = 500;
const actor = systemActor('training-reminders');

/**
 * Queues one text message per certificate about to run out (valid, with a phone on its trainee
 * record, not reminded before). Each batch is one transaction: the messages enter the SMS outbox
 * and the certificates are marked reminded together, so a crash never reminds twice or skips one;
 * SKIP LOCKED lets two server processes share the work. Returns how many were queued.
 */
export async function queueExpiryReminders(db: Db, pii: PiiVault, now = new Date()): Promise<number> {
  const today = shanghaiDate(now);
  const until = addDays(today, REMINDER_DAYS_AHEAD);
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await tx
        .select({ c: trainingCertificates, mobileEnc: trainingTrainees.mobileEnc })
        .from(trainingCertificates)
        .innerJoin(trainingTrainees, eq(trainingTrainees.id, trainingCertificates.traineeId))
        .where(
          and(
            eq(trainingCertificates.status, 'issued'),
            isNull(trainingCertificates.remindedAt),
            isNotNull(trainingTrainees.mobileEnc),
            sql`${trainingCertificates.validUntil} between ${today} and ${until}`,
          ),
        )
        .orderBy(trainingCertificates.validUntil, trainingCertificates.id)
        .limit(BATCH)
        .for('update', { of: trainingCertificates, skipLocked: true });
      if (!due.length) return 0;
      const orgNames = await orgNamesById(
        tx,
        due.map((d) => d.c.orgId),
      );
      for (const { c, mobileEnc } of due) {
        const params = {
          name: c.holderName,
          kind: COURSE_KIND_LABELS[c.kind as CourseKind].zh,
          number: c.number,
          date: c.validUntil,
          org: orgNames.get(c.orgId) ?? '红十字会',
        };
        await queueSms(tx, pii, {
          mobile: pii.decrypt(mobileEnc!),
          template: 'training_cert_expiry',
          params,
          text: `【${params.org}】${params.name}您好，您的${params.kind}证（${params.number}）将于${params.date}到期，请及时报名参加复训。`,
        });
      }
      await tx
        .update(trainingCertificates)
        .set({ remindedAt: now })
        .where(
          inArray(
            trainingCertificates.id,
            due.map((d) => d.c.id),
          ),
        );
      await recordAudit(tx, actor, {
        action: 'training.expiry_reminders',
        orgId: null,
        entityType: 'training_certificate',
        after: { certificates: due.map((d) => d.c.number) },
      });
      return due.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

/** The module's background job: reminders on start and then every `intervalMs` (hourly by default). */
export function startExpiryReminders(
  db: Db,
  pii: PiiVault,
  onError: (err: unknown) => void,
  intervalMs = 3_600_000,
): () => void {
  return every(intervalMs, () => queueExpiryReminders(db, pii), onError, 5_000);
}
