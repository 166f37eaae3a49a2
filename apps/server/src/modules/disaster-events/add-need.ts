import type { CreateDisasterNeedInput, DisasterNeed } from '@boai/contracts';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { orgs } from '../orgs/index.ts';
import { reliefItems } from '../relief/index.ts';
import { presentNeed } from './get-event.ts';
import { lockEventForChange } from './repository.ts';
import { disasterEventNeeds } from './schema.ts';

/**
 * A catalogue item the event's society may use: an active item of that society or of one above it
 * (a province's 家庭应急包 serves its counties). Anything else is NOT_FOUND under `itemId`.
 */
async function usableItem(q: Queryable, eventOrgId: number, itemId: number) {
  const [item] = await q
    .select({ id: reliefItems.id, name: reliefItems.name, unit: reliefItems.unit })
    .from(reliefItems)
    .where(
      and(
        eq(reliefItems.id, itemId),
        eq(reliefItems.active, true),
        sql`(select e.path from ${orgs} as e where e.id = ${eventOrgId}) like (select o.path from ${orgs} as o where o.id = ${reliefItems}.org_id) || '%'`,
      ),
    );
  if (!item) throw invalid('NOT_FOUND', 'itemId');
  return item;
}

export const needDuplicate = (name: string, field: string) =>
  new AppError('DISASTER_NEED_DUPLICATE', 409, [{ field, code: 'DISASTER_NEED_DUPLICATE' }], { name });

/**
 * Adds a line to the needs list (需求清单), by catalogue item (its name and unit are the catalogue's)
 * or by a free name and unit. One line per item and per name: a second request for 棉被 changes the
 * quantity of the first. The event's row lock makes that check safe against a concurrent add.
 */
export async function addNeed(
  tx: Tx,
  actor: Actor,
  eventId: number,
  input: CreateDisasterNeedInput,
): Promise<DisasterNeed> {
  const event = await lockEventForChange(tx, actor, eventId);
  const item = input.itemId ? await usableItem(tx, event.orgId, input.itemId) : null;
  const name = item?.name ?? input.name!;
  const unit = item?.unit ?? input.unit!;
  const n = disasterEventNeeds;
  const [dup] = await tx
    .select({ id: n.id })
    .from(n)
    .where(and(eq(n.eventId, eventId), or(eq(n.name, name), item ? eq(n.itemId, item.id) : undefined)));
  if (dup) throw needDuplicate(name, item ? 'itemId' : 'name');
  const [row] = await tx
    .insert(n)
    .values({
      orgId: event.orgId,
      eventId,
      itemId: item?.id ?? null,
      name,
      unit,
      quantity: input.quantity,
      note: input.note ?? null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'disaster_events.need_add',
    orgId: event.orgId,
    entityType: 'disaster_event',
    entityId: eventId,
    after: { needId: row!.id, itemId: row!.itemId, name, unit, quantity: row!.quantity, note: row!.note },
  });
  return presentNeed(row!);
}
