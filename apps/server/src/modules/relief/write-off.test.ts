import { shanghaiDate } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../testing/factories.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { batchIn, itemAt, warehouseAt } from './report-fixtures.ts';
import { stockBatches, stockMovements } from './schema.ts';

let h: Harness;
let lx: string;
let lx2: string;
let xs: string;
let n = 0;
const get = (url: string, cookie = lx) => h.req('GET', url, { cookie });
const post = (url: string, body: unknown = {}, cookie = lx) => h.req('POST', url, { cookie, body });
const today = shanghaiDate(new Date());
const dayOffset = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

async function batchOf(quantity: number, expiresOn: string | null = null) {
  return h.ctx.db.transaction(async (tx) => {
    const liangxi = h.seed.orgs.liangxi!;
    const wh = await warehouseAt(tx, liangxi, `WO${++n}`, `报废测试仓库 ${n}`);
    const item = await itemAt(tx, liangxi, `WO-MASK-${n}`, '医用外科口罩', {
      unit: '盒',
      category: 'medical',
    });
    return batchIn(tx, { warehouse: wh, itemId: item.id, quantity, unitValueFen: 2_500, expiresOn });
  });
}
const batch = async (id: number) =>
  (await h.ctx.db.select().from(stockBatches).where(eq(stockBatches.id, id)))[0]!;

beforeAll(async () => {
  h = await startHarness();
  await makeUser(h.ctx, 'lx_approver', h.seed.orgs.liangxi!, 'admin');
  lx = await h.login('lx_admin');
  lx2 = await h.login('lx_approver');
  xs = await h.login('xs_admin');
});
afterAll(() => h?.close());

describe('write-offs (报废)', () => {
  it('reserves on request, needs another approver, and writes the batch down on approval', async () => {
    const b = await batchOf(200, dayOffset(-3));
    const tooMuch = await post('/api/relief/write-offs', { batchId: b.id, quantity: 201, reason: 'expired' });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().fields[0]).toMatchObject({ field: 'quantity', code: 'STOCK_INSUFFICIENT' });

    const res = await post('/api/relief/write-offs', {
      batchCode: b.code.toLowerCase(),
      quantity: 120,
      reason: 'expired',
      note: '2024 年批次口罩已过有效期',
      photo: { fileName: '过期标签.png', mime: 'image/png', contentBase64: PNG },
    });
    expect(res.statusCode, res.body).toBe(200);
    const wo = res.json();
    expect(wo).toMatchObject({
      kind: 'write_off',
      status: 'requested',
      quantity: 120,
      valueFen: 120 * 2_500,
      batchCode: b.code,
      requestedBy: 'lx_admin',
      attachments: [{ fileName: '过期标签.png', mime: 'image/png' }],
    });
    expect(await batch(b.id)).toMatchObject({ onHand: 200, reserved: 120 });
    // What waits for the approver cannot be promised to anyone else.
    const second = await post('/api/relief/write-offs', { batchId: b.id, quantity: 81, reason: 'damaged' });
    expect(second.json().code).toBe('STOCK_INSUFFICIENT');

    const photo = await get(`/api/relief/adjustments/${wo.id}/attachments/${wo.attachments[0].id}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(Buffer.from(PNG, 'base64'))).toBe(true);

    const self = await post(`/api/relief/write-offs/${wo.id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('WRITE_OFF_SELF_APPROVAL');
    expect((await post(`/api/relief/write-offs/${wo.id}/approve`, {}, xs)).statusCode).toBe(404);

    const ok = await post(`/api/relief/write-offs/${wo.id}/approve`, { note: '同意，交环保公司销毁' }, lx2);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'approved',
      decidedBy: 'lx_approver',
      decisionNote: '同意，交环保公司销毁',
    });
    expect(await batch(b.id)).toMatchObject({ onHand: 80, reserved: 0 });
    const [move] = await h.ctx.db
      .select()
      .from(stockMovements)
      .where(eq(stockMovements.ref, `adjustment:${wo.id}`));
    expect(move).toMatchObject({
      kind: 'write_off',
      quantity: -120,
      valueFen: -120 * 2_500,
      actor: 'lx_approver',
    });
    expect(move!.note).toContain('过期');

    const again = await post(`/api/relief/write-offs/${wo.id}/reject`, { note: '重复' }, lx2);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ADJUSTMENT_NOT_PENDING');
  });

  it('gives the reservation back on rejection', async () => {
    const b = await batchOf(30);
    const wo = (
      await post('/api/relief/write-offs', { batchId: b.id, quantity: 10, reason: 'damaged' })
    ).json();
    expect((await batch(b.id)).reserved).toBe(10);
    const noReason = await post(`/api/relief/write-offs/${wo.id}/reject`, {}, lx2);
    expect(noReason.statusCode).toBe(400);
    const res = await post(
      `/api/relief/write-offs/${wo.id}/reject`,
      { note: '仅外包装破损，可继续使用' },
      lx2,
    );
    expect(res.json()).toMatchObject({ status: 'rejected', decisionNote: '仅外包装破损，可继续使用' });
    expect(await batch(b.id)).toMatchObject({ onHand: 30, reserved: 0 });
  });

  it('holds “expired” to the label date: good on its expiry day, expired the day after', async () => {
    const good = await batchOf(5, today);
    const res = await post('/api/relief/write-offs', { batchId: good.id, quantity: 1, reason: 'expired' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'reason', code: 'WRITE_OFF_NOT_EXPIRED' });
    expect(res.json().fields[0].message).toContain(today);
    const none = await batchOf(5, null);
    expect(
      (await post('/api/relief/write-offs', { batchId: none.id, quantity: 1, reason: 'expired' })).statusCode,
    ).toBe(400);
    const other = await post('/api/relief/write-offs', { batchId: none.id, quantity: 1, reason: 'other' });
    expect(other.json().fields[0].field).toBe('body.note');
  });

  it('refuses a photo that is not what it says', async () => {
    const b = await batchOf(5);
    const res = await post('/api/relief/write-offs', {
      batchId: b.id,
      quantity: 1,
      reason: 'damaged',
      photo: {
        fileName: 'x.png',
        mime: 'image/png',
        contentBase64: Buffer.from('<html>').toString('base64'),
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({
      field: 'photo.contentBase64',
      code: 'GOODS_ATTACHMENT_TYPE_MISMATCH',
    });
    expect((await batch(b.id)).reserved).toBe(0);
  });

  it('shows a sibling society nothing: its batches are not found by id or code', async () => {
    const b = await batchOf(5);
    const wo = (await post('/api/relief/write-offs', { batchId: b.id, quantity: 1, reason: 'lost' })).json();
    const byCode = await post(
      '/api/relief/write-offs',
      { batchCode: b.code, quantity: 1, reason: 'lost' },
      xs,
    );
    expect(byCode.statusCode).toBe(400);
    expect(byCode.json().fields[0]).toMatchObject({ field: 'batchCode', code: 'NOT_FOUND' });
    expect(
      (await post('/api/relief/write-offs', { batchId: b.id, quantity: 1, reason: 'lost' }, xs)).json()
        .fields[0].field,
    ).toBe('batchId');
    const list = (await get('/api/relief/adjustments?pageSize=200', xs)).json();
    expect(list.items.map((a: { id: number }) => a.id)).not.toContain(wo.id);
    expect(
      (await get(`/api/relief/adjustments?kind=write_off&status=requested&pageSize=200`))
        .json()
        .items.map((a: { id: number }) => a.id),
    ).toContain(wo.id);
    const exported = await get('/api/relief/adjustments/export.xlsx?kind=write_off');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('.xlsx');
  });
});
