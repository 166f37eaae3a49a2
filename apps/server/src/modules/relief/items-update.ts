import type { ReliefItem, UpdateReliefItemInput } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { setKitComponents } from './kits.ts';
import { auditItem, itemsInUse, presentItems } from './items-repository.ts';
import { reliefItems } from './schema.ts';

/** What a stock card, a label and the public log show of an item: fixed once it has been in stock. */
const SHOWN_FIELDS = ['name', 'spec', 'unit'] as const;

/**
 * Edits an item of the actor's own catalogue (a society below cannot edit the province's kit):
 * names and unit while it has never been in stock, valuation and shelf life (for batches to come),
 * a kit's components, and activation (a deactivated item is kept for history, never stocked again).
 */
export async function updateReliefItem(
  tx: Tx,
  actor: Actor,
  id: number,
  input: UpdateReliefItemInput,
): Promise<ReliefItem> {
  const t = reliefItems;
  await requireAccess(tx, actor, 'relief:manage', t, t.id, t.orgId, [id]);
  const [before] = await tx.select().from(t).where(eq(t.id, id)).for('update');
  const changedShown = SHOWN_FIELDS.find((f) => input[f] !== undefined && (input[f] ?? null) !== before![f]);
  if (changedShown && (await itemsInUse(tx, [id])).has(id))
    throw conflict('RELIEF_ITEM_IN_USE', changedShown);
  const valuation = input.valuation ?? before!.valuation;
  const standard = input.standardValueFen !== undefined ? input.standardValueFen : before!.standardValueFen;
  if (valuation === 'standard' && (standard === null || standard === undefined))
    throw invalid('RELIEF_ITEM_STANDARD_VALUE_REQUIRED', 'standardValueFen');
  if (input.components !== undefined) {
    if (!before!.isKit && input.components.length) throw invalid('RELIEF_ITEM_NOT_KIT', 'components');
    if (before!.isKit && !input.components.length) throw invalid('RELIEF_KIT_EMPTY', 'components');
  }
  const { components, ...fields } = input;
  const [row] = Object.keys(fields).length
    ? await tx
        .update(t)
        .set({
          ...fields,
          ...(input.spec !== undefined ? { spec: input.spec ?? null } : {}),
          ...(input.standardValueFen !== undefined
            ? { standardValueFen: input.standardValueFen ?? null }
            : {}),
          ...(input.shelfLifeMonths !== undefined ? { shelfLifeMonths: input.shelfLifeMonths ?? null } : {}),
        })
        .where(eq(t.id, id))
        .returning()
    : [before!];
  if (components !== undefined && before!.isKit) await setKitComponents(tx, row!, components);
  await recordAudit(tx, actor, {
    action: 'relief.item_update',
    orgId: row!.orgId,
    entityType: 'relief_item',
    entityId: id,
    before: auditItem(before!),
    after: { ...auditItem(row!), ...(components !== undefined ? { components } : {}) },
  });
  return (await presentItems(tx, [row!]))[0]!;
}
