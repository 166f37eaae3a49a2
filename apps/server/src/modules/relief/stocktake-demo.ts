import { shanghaiDate, addDays } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import { systemActor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { approveAllocation } from './approve-allocation.ts';
import { lockAllocation } from './allocation-repository.ts';
import { receivePurchase } from './goods-in-purchase.ts';
import { pickBatch } from './pick-allocation.ts';
import { requestAllocation } from './request-allocation.ts';
import { returnIn } from './return-in.ts';
import { reliefItems, stockBatches, warehouses } from './schema.ts';
import { shipAllocation } from './ship-allocation.ts';
import { signAllocation } from './sign-allocation.ts';
import { approveStocktake } from './stocktake-approve.ts';
import { recordStocktakeCounts } from './stocktake-counts.ts';
import { startStocktake } from './stocktake-start.ts';
import { submitStocktake } from './stocktake-submit.ts';
import { requestWriteOff } from './write-off-request.ts';

const DAY = 86_400_000;

/**
 * Stock operations demo, after the core and allocation seeds: 无锡市's quarterly count approved with
 * one life jacket short, 梁溪区's count under way, expired masks at 梁溪区 waiting for a write-off
 * approval, and the province's tents sent for the typhoon with the unused ones returned. Requests are
 * made by the demo seed and decisions by a second named actor (四眼原则), so the demo admins (王丽华,
 * 李明) can decide what waits.
 */
export async function seedDemoStockOps(tx: Tx, seed: DemoSeed): Promise<void> {
  const wh = async (orgKey: string) =>
    (await tx.select().from(warehouses).where(eq(warehouses.orgId, seed.orgs[orgKey]!)))[0];
  const item = async (code: string) =>
    (
      await tx
        .select()
        .from(reliefItems)
        .where(and(eq(reliefItems.orgId, seed.orgs.province!), eq(reliefItems.code, code)))
    )[0];
  const [wuxi, liangxi, province] = [await wh('wuxi'), await wh('liangxi'), await wh('province')];
  const [masks, jacket, tent] = [await item('KZ-YY'), await item('JSY'), await item('ZP-12')];
  if (!wuxi || !liangxi || !province || !masks || !jacket || !tent) return;
  const approver = systemActor('demo-approver');
  const today = shanghaiDate(new Date());

  // 无锡市's count: everything as booked but one life jacket, lent to a drill and never returned.
  const count = await startStocktake(tx, seed.actor, { warehouseId: wuxi.id });
  await recordStocktakeCounts(tx, seed.actor, count.id, {
    counts: count.lines.map((l) =>
      l.itemId === jacket.id
        ? {
            lineId: l.id,
            countedQty: l.systemQty - 1,
            varianceReason: '6 月水域救援演练借出 1 件未归还，已责成演练队赔偿',
          }
        : { lineId: l.id, countedQty: l.systemQty },
    ),
  });
  await submitStocktake(tx, seed.actor, count.id);
  await approveStocktake(tx, approver, count.id, { comment: '差异属实，同意调整账面' });

  // Masks bought for the 2024 epidemic season, expired ten days ago: the office asks to write them off.
  await receivePurchase(tx, seed.actor, {
    warehouseId: liangxi.id,
    receivedOn: addDays(today, -720),
    inspector: '钱志明',
    supplier: '无锡市康达医疗器械有限公司',
    purchaseRef: 'LXHH-CG-2024-019',
    lines: [
      {
        itemId: masks.id,
        quantity: 40,
        unitPriceFen: 2_500,
        lotNo: 'KZ20240315',
        expiresOn: addDays(today, -10),
        locationId: null,
      },
    ],
  });
  const [expired] = await tx
    .select()
    .from(stockBatches)
    .where(and(eq(stockBatches.warehouseId, liangxi.id), eq(stockBatches.lotNo, 'KZ20240315')));
  await requestWriteOff(tx, seed.actor, {
    batchId: expired!.id,
    quantity: 40,
    reason: 'expired',
    note: '2024 年批次医用外科口罩已过有效期，拟交医疗废物处置单位销毁',
  });

  // 梁溪区's own count, under way: the first shelf is done.
  const open = await startStocktake(tx, seed.actor, { warehouseId: liangxi.id });
  const first = open.lines[0];
  if (first)
    await recordStocktakeCounts(tx, seed.actor, open.id, {
      counts: [{ lineId: first.id, countedQty: first.systemQty }],
    });

  // Tents for the typhoon's shelters; after the shelters closed, the unused ones came back.
  const typhoon = seed.disasterEvents?.typhoon;
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
  const sent = await requestAllocation(
    tx,
    seed.actor,
    {
      fromWarehouseId: province.id,
      ...(typhoon
        ? { destination: 'event' as const, eventId: typhoon }
        : { destination: 'org' as const, toOrgId: seed.orgs.wuxi! }),
      purpose: '台风“海葵”无锡市临时安置点搭建',
      lines: [{ itemId: tent.id, quantity: 30 }],
    },
    at(12),
  );
  await approveAllocation(tx, approver, sent.id, { comment: '同意' }, at(12));
  const alloc = await lockAllocation(tx, seed.actor, sent.id);
  for (const p of sent.picks) await pickBatch(tx, seed.actor, alloc, p.batchCode, undefined, at(11));
  await shipAllocation(
    tx,
    seed.actor,
    sent.id,
    { carrier: '江苏省红十字会救灾运输车', trackingNo: '苏A·H7730' },
    at(11),
  );
  const signed = await signAllocation(
    tx,
    systemActor('demo-receiver'),
    sent.id,
    { signerName: '顾国平' },
    at(10),
  );
  const pick = signed.picks[0];
  if (!pick) return;
  await returnIn(tx, seed.actor, {
    allocationId: sent.id,
    lines: [{ pickId: pick.id, quantity: Math.min(12, pick.receivedQty ?? 0) }],
    reason: '安置点撤除，未启用的帐篷退回省库',
    note: '经清点外观完好，已重新入 A-01 库位',
  });
}
