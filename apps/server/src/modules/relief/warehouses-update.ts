import type { UpdateWarehouseInput, Warehouse } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { auditWarehouse, presentWarehouses } from './warehouses-repository.ts';
import { stockBatches, warehouses } from './schema.ts';

/**
 * Edits a warehouse, or deactivates it — refused while it holds anything (WAREHOUSE_NOT_EMPTY): stock
 * must be allocated, returned or written off first, so no batch is ever left in a closed warehouse.
 * The warehouse row is locked first; goods in takes a share lock on it, so none can land meanwhile.
 */
export async function updateWarehouse(
  tx: Tx,
  actor: Actor,
  id: number,
  input: UpdateWarehouseInput,
): Promise<Warehouse> {
  const t = warehouses;
  await requireAccess(tx, actor, 'relief:manage', t, t.id, t.orgId, [id]);
  const [before] = await tx.select().from(t).where(eq(t.id, id)).for('update');
  if (input.active === false && before!.active) {
    const [held] = await tx
      .select({ qty: sql<number>`coalesce(sum(${stockBatches.onHand}), 0)::bigint` })
      .from(stockBatches)
      .where(eq(stockBatches.warehouseId, id));
    const qty = Number(held?.qty ?? 0);
    if (qty > 0)
      throw new AppError('WAREHOUSE_NOT_EMPTY', 409, [{ field: 'active', code: 'WAREHOUSE_NOT_EMPTY' }], {
        qty,
      });
  }
  const [row] = await tx.update(t).set(input).where(eq(t.id, id)).returning();
  await recordAudit(tx, actor, {
    action: 'relief.warehouse_update',
    orgId: row!.orgId,
    entityType: 'warehouse',
    entityId: id,
    before: auditWarehouse(before!),
    after: auditWarehouse(row!),
  });
  return (await presentWarehouses(tx, [row!]))[0]!;
}
