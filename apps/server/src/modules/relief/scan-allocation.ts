import type { AllocationScanAnswer, AllocationScanInput, ReliefBatch, ScanResult } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { loadAllocationDetail } from './allocation-detail.ts';
import {
  lockAllocation,
  maySign,
  requireShippingSide,
  wrongStatus,
  type AllocationRow,
} from './allocation-repository.ts';
import { pickBatch } from './pick-allocation.ts';
import { normalizeBatchCode } from './repository.ts';
import { allocationPicks, reliefItems, stockBatches } from './schema.ts';

const ACTIONS = { pick: '拣货', ship: '发运核对', sign: '签收核对' } as const;

/**
 * Many labels scanned (or pasted) at once for one allocation: 拣货 applies each code; 发运 and 签收
 * check each label against the pick list as the goods are loaded or unloaded. Each code runs in its
 * own savepoint, so a bad code is answered on its own line and undoes nothing else; applying a code
 * twice is harmless (a pick is set, not added). The allocation stays locked for the whole scan.
 */
export async function scanAllocation(
  tx: Tx,
  actor: Actor,
  id: number,
  input: AllocationScanInput,
  lang: Lang,
  now = new Date(),
): Promise<AllocationScanAnswer> {
  const alloc = await lockAllocation(tx, actor, id);
  const wanted = input.task === 'sign' ? 'shipped' : 'approved';
  if (alloc.status !== wanted) throw wrongStatus(alloc.status, ACTIONS[input.task]);
  if (input.task === 'sign') {
    if (!(await maySign(tx, actor, alloc))) throw new AppError('ALLOCATION_SIGN_NOT_DESTINATION', 403);
  } else await requireShippingSide(tx, actor, alloc);

  const results: ScanResult[] = [];
  for (const item of input.items) {
    try {
      const r = await tx.transaction((sp) =>
        input.task === 'pick'
          ? pickBatch(sp, actor, alloc, item.code, item.quantity, now)
          : checkLabel(sp, alloc, item.code, input.task),
      );
      results.push({ code: item.code, ok: true, errorCode: null, message: r.message, batch: r.batch });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ code: item.code, ...failure(e, lang) });
    }
  }
  return { results, allocation: await loadAllocationDetail(tx, actor, id) };
}

/** An error as one line of a scan's answer. */
export function failure(e: AppError, lang: Lang): Omit<ScanResult, 'code'> {
  const body = e.toBody(lang);
  const f = body.fields[0];
  return { ok: false, errorCode: f?.code ?? body.code, message: f?.message ?? body.message, batch: null };
}

/**
 * A label loaded (发运) or unloaded (签收): it must be one of the allocation's picks, and, when
 * loading, fully picked. Found through the allocation itself, not the stock list: the receiving side
 * sees the allocation but not the shipping warehouse's stock.
 */
async function checkLabel(
  tx: Tx,
  alloc: AllocationRow,
  code: string,
  task: 'ship' | 'sign',
): Promise<{ message: string; batch: ReliefBatch | null }> {
  const [p] = await tx
    .select({ pick: allocationPicks, itemName: reliefItems.name, unit: reliefItems.unit })
    .from(allocationPicks)
    .innerJoin(stockBatches, eq(stockBatches.id, allocationPicks.batchId))
    .innerJoin(reliefItems, eq(reliefItems.id, stockBatches.itemId))
    .where(and(eq(allocationPicks.allocationId, alloc.id), eq(stockBatches.code, normalizeBatchCode(code))));
  if (!p) throw invalid('ALLOCATION_SCAN_NOT_IN_ALLOCATION', 'code');
  const { pick, itemName, unit } = p;
  if (task === 'ship' && pick.pickedQty < pick.quantity)
    throw invalid('ALLOCATION_SCAN_NOT_PICKED', 'code', { picked: pick.pickedQty, quantity: pick.quantity });
  return {
    message:
      task === 'ship'
        ? `${itemName} ${pick.quantity} ${unit}，已拣齐，可装车`
        : `${itemName} 应收 ${pick.quantity} ${unit}`,
    batch: null,
  };
}
