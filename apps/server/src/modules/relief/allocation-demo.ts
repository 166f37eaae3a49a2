import { and, eq } from 'drizzle-orm';
import { systemActor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { approveAllocation } from './approve-allocation.ts';
import { pickBatch } from './pick-allocation.ts';
import { requestAllocation } from './request-allocation.ts';
import { shipAllocation } from './ship-allocation.ts';
import { signAllocation } from './sign-allocation.ts';
import { lockAllocation } from './allocation-repository.ts';
import { reliefItems, warehouses } from './schema.ts';

const HOUR = 3_600_000;
const hoursAgo = (n: number) => new Date(Date.now() - n * HOUR);

/**
 * 调拨 demo, after the core seed has put the 1,050 kits into 无锡市's warehouse: 300 kits to 梁溪区's
 * storage point for the typhoon — requested, approved, picked by scanning, shipped and signed for —
 * then quilts and beds for 锡山区 awaiting the city's approval, and 无锡市 asking the province for tents
 * (awaiting the province). Requested by the demo seed and decided by a second named actor (四眼原则),
 * so the demo admins (王丽华 at the city, 周建国 at the province) can decide the waiting ones.
 */
export async function seedDemoAllocations(tx: Tx, seed: DemoSeed): Promise<void> {
  const wh = async (orgKey: string) =>
    (await tx.select().from(warehouses).where(eq(warehouses.orgId, seed.orgs[orgKey]!)))[0];
  const item = async (name: string) =>
    (
      await tx
        .select()
        .from(reliefItems)
        .where(and(eq(reliefItems.orgId, seed.orgs.province!), eq(reliefItems.name, name)))
    )[0];
  const [wuxi, liangxi, xishan, province] = [
    await wh('wuxi'),
    await wh('liangxi'),
    await wh('xishan'),
    await wh('province'),
  ];
  const [kit, quilt, bed, tent] = [
    await item('家庭应急包'),
    await item('棉被'),
    await item('折叠床'),
    await item('单帐篷'),
  ];
  if (!wuxi || !liangxi || !xishan || !province || !kit || !quilt || !bed || !tent) return;
  const typhoon = seed.disasterEvents?.typhoon ?? null;
  const approver = systemActor('demo-approver');

  const sent = await requestAllocation(
    tx,
    seed.actor,
    {
      fromWarehouseId: wuxi.id,
      destination: 'warehouse',
      toWarehouseId: liangxi.id,
      eventId: typhoon,
      purpose: '台风“海葵”梁溪区低洼小区转移安置群众发放家庭应急包',
      lines: [{ itemId: kit.id, quantity: 300 }],
    },
    hoursAgo(8 * 24),
  );
  await approveAllocation(tx, approver, sent.id, { comment: '同意，按安置人数调拨' }, hoursAgo(8 * 24 - 2));
  const alloc = await lockAllocation(tx, seed.actor, sent.id);
  for (const p of sent.picks)
    await pickBatch(tx, seed.actor, alloc, p.batchCode, undefined, hoursAgo(7 * 24 + 3));
  await shipAllocation(
    tx,
    seed.actor,
    sent.id,
    { carrier: '无锡市红十字会应急运输车', trackingNo: '苏B·D2601' },
    hoursAgo(7 * 24 + 2),
  );
  await signAllocation(
    tx,
    systemActor('demo-receiver'),
    sent.id,
    { signerName: '钱志明' },
    hoursAgo(7 * 24 - 1),
  );

  await requestAllocation(
    tx,
    seed.actor,
    {
      fromWarehouseId: wuxi.id,
      destination: 'warehouse',
      toWarehouseId: xishan.id,
      eventId: typhoon,
      purpose: '锡山区东港镇临时安置点过夜保障',
      lines: [
        { itemId: quilt.id, quantity: 20 },
        { itemId: bed.id, quantity: 30 },
      ],
    },
    hoursAgo(20),
  );
  await requestAllocation(
    tx,
    seed.actor,
    {
      fromWarehouseId: province.id,
      destination: 'warehouse',
      toWarehouseId: wuxi.id,
      eventId: typhoon,
      requestedByOrgId: seed.orgs.wuxi!,
      purpose: '申请调拨救灾帐篷，补充锡山区东港镇安置点',
      lines: [{ itemId: tent.id, quantity: 40 }],
    },
    hoursAgo(6),
  );
}
