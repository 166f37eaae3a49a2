import type { LocationInput, Warehouse } from '@boai/contracts';
import { eq, inArray, and } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { presentWarehouses, type WarehouseRow } from './warehouses-repository.ts';
import { warehouseLocations, warehouses } from './schema.ts';

const codeTaken = (field: string, code: string) =>
  new AppError('WAREHOUSE_LOCATION_CODE_TAKEN', 409, [{ field, code: 'WAREHOUSE_LOCATION_CODE_TAKEN' }], {
    code,
  });

/**
 * Adds locations (库位, e.g. A-01-2) to a warehouse. A code already used in the warehouse, or twice in
 * the list, is refused naming its line; the (warehouse, code) unique index decides a race.
 */
export async function insertLocations(
  tx: Tx,
  warehouse: WarehouseRow,
  locations: LocationInput[],
  field: string,
): Promise<void> {
  if (!locations.length) return;
  const seen = new Set<string>();
  locations.forEach((l, i) => {
    if (seen.has(l.code)) throw codeTaken(`${field}.${i}.code`, l.code);
    seen.add(l.code);
  });
  const taken = await tx
    .select({ code: warehouseLocations.code })
    .from(warehouseLocations)
    .where(
      and(eq(warehouseLocations.warehouseId, warehouse.id), inArray(warehouseLocations.code, [...seen])),
    );
  if (taken.length) {
    const i = locations.findIndex((l) => l.code === taken[0]!.code);
    throw codeTaken(`${field}.${i}.code`, taken[0]!.code);
  }
  const rows = await tx
    .insert(warehouseLocations)
    .values(
      locations.map((l) => ({
        orgId: warehouse.orgId,
        warehouseId: warehouse.id,
        code: l.code,
        name: l.name ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: warehouseLocations.id });
  if (rows.length !== locations.length) throw codeTaken(`${field}.0.code`, locations[0]!.code);
}

/** 新增库位 in an existing warehouse (an inactive one cannot take new stock, so gets no new places). */
export async function addLocations(
  tx: Tx,
  actor: Actor,
  warehouseId: number,
  locations: LocationInput[],
): Promise<Warehouse> {
  const t = warehouses;
  await requireAccess(tx, actor, 'relief:manage', t, t.id, t.orgId, [warehouseId]);
  const [warehouse] = await tx.select().from(t).where(eq(t.id, warehouseId));
  if (!warehouse!.active) throw invalid('WAREHOUSE_INACTIVE', 'warehouseId');
  await insertLocations(tx, warehouse!, locations, 'locations');
  await recordAudit(tx, actor, {
    action: 'relief.location_create',
    orgId: warehouse!.orgId,
    entityType: 'warehouse',
    entityId: warehouseId,
    after: { locations },
  });
  return (await presentWarehouses(tx, [warehouse!]))[0]!;
}
