import { shanghaiDate, type Adjustment, type CreateWriteOffInput } from '@boai/contracts';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import {
  attachToAdjustment,
  auditAdjustment,
  batchFor,
  presentAdjustments,
} from './adjustment-repository.ts';
import { stockAdjustments } from './schema.ts';
import { reserveStock } from './stock.ts';

/**
 * 报废申请: asks to write off part of a batch. The quantity is reserved at once (only free stock can
 * be), so nothing promised to an allocation is written away and an allocation cannot take what is
 * waiting for the approver; a rejection gives it back. "Expired" must be true on the label's date.
 */
export async function requestWriteOff(
  tx: Tx,
  actor: Actor,
  input: CreateWriteOffInput,
  now = new Date(),
): Promise<Adjustment> {
  const batch = await batchFor(tx, actor, 'relief:manage', input);
  if (input.reason === 'expired' && !(batch.expiresOn && batch.expiresOn < shanghaiDate(now)))
    throw invalid('WRITE_OFF_NOT_EXPIRED', 'reason', { date: batch.expiresOn ?? '—' });
  await reserveStock(tx, batch.id, input.quantity, 'quantity');
  const who = actorName(actor);
  const [row] = await tx
    .insert(stockAdjustments)
    .values({
      orgId: batch.orgId,
      kind: 'write_off',
      warehouseId: batch.warehouseId,
      batchId: batch.id,
      quantity: input.quantity,
      reason: input.reason,
      note: input.note ?? null,
      status: 'requested',
      requestedBy: who,
    })
    .returning();
  const photo = input.photo ? await attachToAdjustment(tx, row!, who, input.photo) : null;
  await recordAudit(tx, actor, {
    action: 'relief.write_off_request',
    orgId: row!.orgId,
    entityType: 'stock_adjustment',
    entityId: row!.id,
    after: { ...auditAdjustment(row!), batch: batch.code, note: row!.note, photoSha256: photo?.sha256 },
  });
  return (await presentAdjustments(tx, [row!]))[0]!;
}
