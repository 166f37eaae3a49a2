import type { CreateWarehouseInput, Warehouse } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { insertLocations } from './locations.ts';
import { auditWarehouse, presentWarehouses } from './warehouses-repository.ts';
import { warehouses } from './schema.ts';

/** Opens a warehouse (应急物资库) of a society at any level, with its first locations (库位). */
export async function createWarehouse(tx: Tx, actor: Actor, input: CreateWarehouseInput): Promise<Warehouse> {
  await requireWritableOrg(tx, actor, 'relief:manage', input.orgId);
  const [row] = await tx
    .insert(warehouses)
    .values({
      orgId: input.orgId,
      code: input.code,
      name: input.name,
      address: input.address,
      keeperName: input.keeperName,
    })
    .onConflictDoNothing()
    .returning();
  if (!row)
    throw new AppError('WAREHOUSE_CODE_TAKEN', 409, [{ field: 'code', code: 'WAREHOUSE_CODE_TAKEN' }], {
      code: input.code,
    });
  await insertLocations(tx, row, input.locations, 'locations');
  await recordAudit(tx, actor, {
    action: 'relief.warehouse_create',
    orgId: row.orgId,
    entityType: 'warehouse',
    entityId: row.id,
    after: { ...auditWarehouse(row), locations: input.locations },
  });
  return (await presentWarehouses(tx, [row]))[0]!;
}
