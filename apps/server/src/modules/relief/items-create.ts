import type { CreateReliefItemInput, ReliefItem } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { setKitComponents } from './kits.ts';
import { auditItem, presentItems } from './items-repository.ts';
import { reliefItems } from './schema.ts';

export const itemCodeTaken = (code: string) =>
  new AppError('RELIEF_ITEM_CODE_TAKEN', 409, [{ field: 'code', code: 'RELIEF_ITEM_CODE_TAKEN' }], { code });

/**
 * Adds an item (or a kit with its components) to a society's catalogue. The (society, code) unique
 * index decides a race between two entries of the same code.
 */
export async function createReliefItem(
  tx: Tx,
  actor: Actor,
  input: CreateReliefItemInput,
): Promise<ReliefItem> {
  await requireWritableOrg(tx, actor, 'relief:manage', input.orgId);
  const [row] = await tx
    .insert(reliefItems)
    .values({
      orgId: input.orgId,
      code: input.code,
      name: input.name,
      spec: input.spec ?? null,
      unit: input.unit,
      category: input.category,
      isKit: input.isKit,
      valuation: input.valuation,
      standardValueFen: input.standardValueFen ?? null,
      shelfLifeMonths: input.shelfLifeMonths ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw itemCodeTaken(input.code);
  if (input.isKit) await setKitComponents(tx, row, input.components);
  await recordAudit(tx, actor, {
    action: 'relief.item_create',
    orgId: row.orgId,
    entityType: 'relief_item',
    entityId: row.id,
    after: { ...auditItem(row), components: input.components },
  });
  return (await presentItems(tx, [row]))[0]!;
}
