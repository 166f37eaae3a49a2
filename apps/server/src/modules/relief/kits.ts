import type { KitComponentInput } from '@boai/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import type { ItemRow } from './items-repository.ts';
import { usableBy } from './repository.ts';
import { reliefItems, reliefKitComponents } from './schema.ts';

/** Whether kit `kitId` is reachable from item `fromId` through what kits contain, at any depth. */
async function contains(tx: Tx, fromId: number, kitId: number): Promise<boolean> {
  const hit = await queryRows<{ id: number }>(
    tx,
    sql`with recursive reach(id) as (
          select component_item_id from ${reliefKitComponents} where kit_item_id = ${fromId}
          union
          select c.component_item_id from ${reliefKitComponents} c join reach r on c.kit_item_id = r.id
        )
        select id from reach where id = ${kitId} limit 1`,
  );
  return hit.length > 0;
}

/**
 * Replaces what one kit contains. Each component must be an active item the kit's society may
 * stock (its own or an ancestor's), listed once; and no component may lead back to the kit — a kit
 * cannot contain itself, nor a kit that (at any depth) contains it.
 *
 * The cycle check reads the whole composition graph, so kit edits are serialised by one
 * transaction-level advisory lock: two concurrent edits (A gets B, B gets A) cannot both pass.
 */
export async function setKitComponents(tx: Tx, kit: ItemRow, components: KitComponentInput[]): Promise<void> {
  const seen = new Set<number>();
  components.forEach((c, i) => {
    if (c.itemId === kit.id) throw invalid('RELIEF_KIT_CYCLE', `components.${i}.itemId`);
    if (seen.has(c.itemId)) throw invalid('RELIEF_KIT_COMPONENT_DUPLICATE', `components.${i}.itemId`);
    seen.add(c.itemId);
  });
  if (components.length) {
    const usable = new Set(
      (
        await tx
          .select({ id: reliefItems.id })
          .from(reliefItems)
          .where(
            and(
              inArray(reliefItems.id, [...seen]),
              eq(reliefItems.active, true),
              usableBy(reliefItems.orgId, kit.orgId),
            ),
          )
      ).map((r) => r.id),
    );
    const bad = components.findIndex((c) => !usable.has(c.itemId));
    if (bad >= 0) throw invalid('RELIEF_KIT_COMPONENT_NOT_USABLE', `components.${bad}.itemId`);

    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relief_kit_components'))`);
    for (const [i, c] of components.entries())
      if (await contains(tx, c.itemId, kit.id)) throw invalid('RELIEF_KIT_CYCLE', `components.${i}.itemId`);
  }
  await tx.delete(reliefKitComponents).where(eq(reliefKitComponents.kitItemId, kit.id));
  if (components.length)
    await tx.insert(reliefKitComponents).values(
      components.map((c) => ({
        orgId: kit.orgId,
        kitItemId: kit.id,
        componentItemId: c.itemId,
        quantity: c.quantity,
      })),
    );
}
