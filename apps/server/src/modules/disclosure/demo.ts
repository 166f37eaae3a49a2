import { shanghaiDate, startOfShanghaiDay } from '@boai/contracts';
import { and, eq, isNotNull, lt } from 'drizzle-orm';
import { systemActor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { disbursements } from '../disbursements/index.ts';
import { gifts } from '../donations/index.ts';
import { publishDisclosure } from './publish-disclosure.ts';

/**
 * The demo's past: every day before today on which a demo society received a gift or approved a
 * disbursement was published that evening by the automatic job. Today stays open, so the console
 * shows a day still to preview and publish. Runs after the receipt desk numbered the demo gifts.
 */
/** 20:00, the default hour of automatic publication. */
const EVENING = 20 * 3_600_000;

export async function publishDemoDisclosures(db: Db): Promise<void> {
  const today = shanghaiDate(new Date());
  const giftDays = await db
    .selectDistinct({ orgId: gifts.orgId, day: gifts.receivedOn })
    .from(gifts)
    .where(and(eq(gifts.status, 'confirmed'), isNotNull(gifts.receiptId), lt(gifts.receivedOn, today)));
  const decided = await db
    .select({ orgId: disbursements.orgId, at: disbursements.decidedAt })
    .from(disbursements)
    .where(and(eq(disbursements.status, 'approved'), isNotNull(disbursements.decidedAt)));
  const days = new Map<number, Set<string>>();
  for (const { orgId, day } of [
    ...giftDays,
    ...decided.map((d) => ({ orgId: d.orgId, day: shanghaiDate(d.at!) })),
  ]) {
    if (day >= today) continue;
    days.set(orgId, (days.get(orgId) ?? new Set()).add(day));
  }
  const actor = systemActor('disclosure-auto');
  for (const [orgId, set] of days) {
    for (const day of [...set].sort()) {
      const evening = new Date(startOfShanghaiDay(day).getTime() + EVENING);
      await db.transaction((tx) => publishDisclosure(tx, actor, { orgId, day, automatic: true }, evening));
    }
  }
}
