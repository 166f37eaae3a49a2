import type { DisclosureBatch } from '@boai/contracts';
import { desc, eq, sql } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { recordPublicEvents } from '../../platform/ledger/index.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { requirePublishableDay } from './preview-disclosure.ts';
import { pendingLines, presentBatches, totalsOf, unsafeFindBatch } from './repository.ts';
import { disclosureBatches, disclosureLines } from './schema.ts';

/** Advisory-lock namespace of disclosure publication (the second key is the society id). */
const PUBLISH_LOCK = 20261124;
const CHUNK = 1000;

/**
 * 发布: writes the society's day as a batch — the lines `previewDisclosure` shows — and it can never
 * change afterwards (a trigger refuses UPDATE and DELETE). A day is published once; days are
 * published in order, so a batch never lands before one already public.
 *
 * Publishes of one society take turns on a transaction-scoped advisory lock, so the second sees the
 * first's lines and takes only what is still pending. The unique indexes (one batch per society and
 * day, one line per gift, per disbursement and per reversed line) hold even without it.
 */
export async function publishDisclosure(
  tx: Tx,
  actor: Actor,
  input: { orgId: number; day: string; automatic?: boolean },
  now = new Date(),
): Promise<DisclosureBatch> {
  await requireWritableOrg(tx, actor, 'disclosure:publish', input.orgId);
  requirePublishableDay(input.day, now);
  await tx.execute(sql`select pg_advisory_xact_lock(${PUBLISH_LOCK}, ${input.orgId})`);
  if (await unsafeFindBatch(tx, input.orgId, input.day)) throw conflict('DISCLOSURE_ALREADY_PUBLISHED');
  const [latest] = await tx
    .select({ day: disclosureBatches.day })
    .from(disclosureBatches)
    .where(eq(disclosureBatches.orgId, input.orgId))
    .orderBy(desc(disclosureBatches.day))
    .limit(1);
  if (latest && latest.day > input.day) throw invalid('DISCLOSURE_DAY_BEFORE_LATEST', 'day');

  const lines = await pendingLines(tx, input.orgId, input.day);
  const totals = totalsOf(lines);
  try {
    const [batch] = await tx
      .insert(disclosureBatches)
      .values({
        orgId: input.orgId,
        day: input.day,
        giftCount: totals.giftCount,
        giftFen: totals.giftFen,
        disbursementCount: totals.disbursementCount,
        disbursementFen: totals.disbursementFen,
        reversalCount: totals.reversalCount,
        automatic: input.automatic ?? false,
        publishedBy: actorName(actor),
        publishedAt: now,
      })
      .returning();
    for (let i = 0; i < lines.length; i += CHUNK) {
      await tx.insert(disclosureLines).values(
        lines.slice(i, i + CHUNK).map((l) => ({
          orgId: input.orgId,
          batchId: batch!.id,
          lineNo: l.lineNo,
          kind: l.kind,
          giftId: l.giftId,
          disbursementId: l.disbursementId,
          reversesLineId: l.reverses?.lineId ?? null,
          occurredOn: l.occurredOn,
          publicName: l.publicName,
          form: l.form,
          amountFen: l.amountFen,
          appealId: l.appealId,
          designation: l.designation,
          receiptNo: l.receiptNo,
          note: l.note,
        })),
      );
    }
    await recordPublicEvents(tx, [
      { orgId: input.orgId, kind: 'disclosure.published', ref: `disclosure-batch:${batch!.id}` },
    ]);
    await recordAudit(tx, actor, {
      action: 'disclosure.publish',
      orgId: input.orgId,
      entityType: 'disclosure_batch',
      entityId: batch!.id,
      after: { day: input.day, automatic: input.automatic ?? false, ...totals },
    });
    return (await presentBatches(tx, [batch!]))[0]!;
  } catch (e) {
    // Only reachable if a writer bypassed the lock: the indexes still refuse a second publication.
    if (isUniqueViolation(e)) throw conflict('DISCLOSURE_ALREADY_PUBLISHED');
    throw e;
  }
}
