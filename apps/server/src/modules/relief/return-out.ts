import type { Adjustment, CreateReturnOutInput } from '@boai/contracts';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { auditAdjustment, batchFor, presentAdjustments } from './adjustment-repository.ts';
import { stockAdjustments } from './schema.ts';
import { moveStock } from './stock.ts';

/**
 * 退货出库: goods go back to their supplier or donor (a defective batch). Only free stock can leave;
 * the movement (return_out, ref adjustment:N) and the record are one transaction.
 */
export async function returnOut(tx: Tx, actor: Actor, input: CreateReturnOutInput): Promise<Adjustment> {
  const batch = await batchFor(tx, actor, 'relief:manage', input);
  const who = actorName(actor);
  const [row] = await tx
    .insert(stockAdjustments)
    .values({
      orgId: batch.orgId,
      kind: 'return_out',
      warehouseId: batch.warehouseId,
      batchId: batch.id,
      quantity: input.quantity,
      reason: input.reason,
      note: input.note ?? null,
      counterparty: input.counterparty,
      status: 'done',
      requestedBy: who,
    })
    .returning();
  await moveStock(
    tx,
    {
      batchId: batch.id,
      kind: 'return_out',
      quantity: input.quantity,
      ref: `adjustment:${row!.id}`,
      actor: who,
      note: `退回${input.counterparty}：${input.reason}`,
    },
    'quantity',
  );
  await recordAudit(tx, actor, {
    action: 'relief.return_out',
    orgId: row!.orgId,
    entityType: 'stock_adjustment',
    entityId: row!.id,
    after: { ...auditAdjustment(row!), batch: batch.code, counterparty: input.counterparty },
  });
  return (await presentAdjustments(tx, [row!]))[0]!;
}
