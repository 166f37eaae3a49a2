import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { disasterEventNeeds } from './schema.ts';

/**
 * Points an event's free-text needs at catalogue items by name (家庭应急包 → item 12), for callers that
 * learn the item ids after the needs were written: the demo seed opens its typhoon before relief's
 * catalogue exists. Trusted callers only (seeds, migrations of data): it checks no scope. Lines
 * already pointing at an item are left alone; returns how many lines changed.
 */
export async function linkNeedsToItems(
  tx: Tx,
  eventId: number,
  byName: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
): Promise<number> {
  const map = byName instanceof Map ? byName : new Map(Object.entries(byName));
  const names = [...map.keys()];
  if (!names.length) return 0;
  const n = disasterEventNeeds;
  const cases = sql.join(
    names.map((name) => sql`when ${name} then ${map.get(name)!}::int`),
    sql` `,
  );
  const changed = await tx
    .update(n)
    .set({ itemId: sql`case ${n.name} ${cases} end` })
    .where(and(eq(n.eventId, eventId), isNull(n.itemId), inArray(n.name, names)))
    .returning({ id: n.id });
  return changed.length;
}
