/**
 * One-line builders for the allocation tests: a fresh catalogue item (so each test owns its stock),
 * batches of it in a demo society's warehouse brought in by the core's purchase goods-in, and the
 * demo's warehouses and staff sessions.
 */
import { shanghaiDate, addDays } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { systemActor } from '../../platform/access/actor.ts';
import type { Harness } from '../../testing/harness.ts';
import { receivePurchase } from './goods-in-purchase.ts';
import { createReliefItem } from './items-create.ts';
import { stockBatches, stockMovements, warehouses } from './schema.ts';

const actor = systemActor('test-fixtures');
let n = 0;

export const today = () => shanghaiDate(new Date());

/** The demo warehouse of a society ('wuxi', 'liangxi', 'province' …). */
export async function warehouseOf(h: Harness, orgKey: string) {
  const [w] = await h.ctx.db.select().from(warehouses).where(eq(warehouses.orgId, h.seed.orgs[orgKey]!));
  return w!;
}

/** A new item of the province's catalogue (usable everywhere below it). */
export async function newItem(h: Harness, name = '测试物资') {
  const code = `T${Date.now().toString(36)}${++n}`;
  return h.ctx.db.transaction((tx) =>
    createReliefItem(tx, actor, {
      orgId: h.seed.orgs.province!,
      code,
      name: `${name}${n}`,
      spec: null,
      unit: '箱',
      category: 'other',
      valuation: 'stated',
      isKit: false,
      components: [],
    }),
  );
}

export interface BatchSpec {
  quantity: number;
  unitPriceFen?: number;
  expiresOn?: string | null;
}

/** Batches of `itemId` bought into the warehouse of `orgKey`, in the order given; returns id and code of each. */
export async function stock(h: Harness, orgKey: string, itemId: number, specs: BatchSpec[]) {
  const w = await warehouseOf(h, orgKey);
  const note = await h.ctx.db.transaction((tx) =>
    receivePurchase(tx, actor, {
      warehouseId: w.id,
      receivedOn: today(),
      inspector: '测试验收员',
      supplier: '测试供应商',
      purchaseRef: `T-${++n}`,
      lines: specs.map((s) => ({
        itemId,
        quantity: s.quantity,
        unitPriceFen: s.unitPriceFen ?? 1_000,
        expiresOn: s.expiresOn ?? null,
      })),
    }),
  );
  return note.lines.map((l) => ({ id: l.batchId!, code: l.batchCode! }));
}

/** Moves a batch's expiry into the past (goods-in refuses expired goods, but stock ages). */
export const expire = (h: Harness, batchId: number) =>
  h.ctx.db
    .update(stockBatches)
    .set({ expiresOn: addDays(today(), -1) })
    .where(eq(stockBatches.id, batchId));

/** Marks a batch as a donor's designated goods. */
export const designate = (
  h: Harness,
  batchId: number,
  d: { designatedEventId?: number | null; designatedOrgId?: number | null; designation: string },
) => h.ctx.db.update(stockBatches).set(d).where(eq(stockBatches.id, batchId));

export async function batch(h: Harness, id: number) {
  const [b] = await h.ctx.db.select().from(stockBatches).where(eq(stockBatches.id, id));
  return b!;
}

/** The stock card's rule: a batch's on_hand is the sum of its movements, and reserved ≤ on_hand. */
export async function expectCardBalanced(h: Harness, batchId: number) {
  const b = await batch(h, batchId);
  const [m] = await h.ctx.db
    .select({ sum: sql<number>`coalesce(sum(${stockMovements.quantity}), 0)::int` })
    .from(stockMovements)
    .where(eq(stockMovements.batchId, batchId));
  expect(Number(m!.sum)).toBe(b.onHand);
  expect(b.reserved).toBeLessThanOrEqual(b.onHand);
  expect(b.reserved).toBeGreaterThanOrEqual(0);
  return b;
}

/** POST with a session and (optionally) an Idempotency-Key. */
export function poster(h: Harness) {
  return (url: string, cookie: string, body: unknown = {}, key?: string) =>
    h.app.inject({
      method: 'POST',
      url,
      headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
      payload: body as object,
    });
}

/** An active disaster event of a demo society, opened over HTTP by that society's admin. */
export async function newEvent(h: Harness, cookie: string, orgKey: string, name: string) {
  const res = await poster(h)('/api/disaster-events', cookie, {
    orgId: h.seed.orgs[orgKey],
    name,
    type: 'flood',
    area: '测试区域',
    responseLevel: 'IV',
    startsOn: addDays(today(), -3),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}
