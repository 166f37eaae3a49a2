import { AED_DUE_DAYS_DEFAULT, shanghaiDate, addDays } from '@boai/contracts';
import { and, asc, sql } from 'drizzle-orm';
import { systemActor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { queueSms } from '../../platform/sms/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import { dueBy } from './repository.ts';
import { aedDevices, aedReminders } from './schema.ts';
import { every } from '../../platform/jobs.ts';

const BATCH = 200;
const actor = systemActor('aed-reminders');
const PART_LABEL = { battery: '电池', pads: '电极片' } as const;

/**
 * Queues one SMS to the responsible person for each battery or pad set due within 30 days (or past),
 * once per device, part and due date: the reminder row's primary key is that rule, and the message
 * and the row are written in one transaction, so a crash neither skips nor repeats one and two
 * server processes racing each win only the rows they inserted. Returns how many were queued.
 */
export async function queueAedReminders(db: Db, pii: PiiVault, now = new Date()): Promise<number> {
  const today = shanghaiDate(now);
  const until = addDays(today, AED_DUE_DAYS_DEFAULT);
  const t = aedDevices;
  let total = 0;
  for (let after = 0; ;) {
    const devices = await db
      .select()
      .from(t)
      .where(and(dueBy(until), sql`${t.id} > ${after}`))
      .orderBy(asc(t.id))
      .limit(BATCH);
    if (!devices.length) return total;
    after = devices.at(-1)!.id;
    total += await db.transaction(async (tx) => {
      const wanted = devices.flatMap((d) =>
        (['battery', 'pads'] as const)
          .map((part) => ({ d, part, dueOn: part === 'battery' ? d.batteryExpiresOn : d.padsExpiresOn }))
          .filter((w) => w.dueOn <= until),
      );
      const inserted = await tx
        .insert(aedReminders)
        .values(wanted.map((w) => ({ deviceId: w.d.id, part: w.part, dueOn: w.dueOn, orgId: w.d.orgId })))
        .onConflictDoNothing()
        .returning({ deviceId: aedReminders.deviceId, part: aedReminders.part });
      if (!inserted.length) return 0;
      const fresh = new Set(inserted.map((r) => `${r.deviceId}:${r.part}`));
      const names = await orgNamesById(
        tx,
        devices.map((d) => d.orgId),
      );
      const queued: string[] = [];
      for (const w of wanted) {
        if (!fresh.has(`${w.d.id}:${w.part}`)) continue;
        const params = {
          name: w.d.responsibleName,
          org: names.get(w.d.orgId) ?? '红十字会',
          venue: w.d.venueName,
          serial: w.d.serial,
          part: PART_LABEL[w.part],
          date: w.dueOn,
        };
        const past = w.dueOn < today;
        await queueSms(tx, pii, {
          mobile: pii.decrypt(w.d.responsibleMobileEnc),
          template: 'aed_expiry',
          params,
          text: `【${params.org}】${params.name}您好，${params.venue}的 AED（序列号 ${params.serial}）${params.part}${past ? '已于' : '将于'}${params.date}到期，请及时更换，以免急救时无法使用。`,
        });
        queued.push(`${w.d.serial}:${w.part}:${w.dueOn}`);
      }
      await recordAudit(tx, actor, {
        action: 'aed.reminders',
        orgId: null,
        entityType: 'aed_device',
        after: { reminders: queued },
      });
      return queued.length;
    });
  }
}

/** The module's background job: a first run shortly after start, then every `intervalMs` (hourly). */
export function startAedReminders(
  db: Db,
  pii: PiiVault,
  onError: (err: unknown) => void,
  intervalMs = 3_600_000,
): () => void {
  return every(intervalMs, () => queueAedReminders(db, pii), onError, 7_000);
}
