import ExcelJS from 'exceljs';
import { shanghaiDate } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access/actor.ts';
import { startHarness, DEMO_PASSWORD, type Harness } from '../../testing/harness.ts';
import { makeUser } from '../../testing/factories.ts';
import { createUser } from '../staff/create-user.ts';
import { roles } from '../staff/schema.ts';
import { appeals, gifts } from '../donations/index.ts';
import { fundBalance, useOfFunds } from './index.ts';

let h: Harness;
let lx: string; // 梁溪区 admin: requests and approves
let lx2: string; // a second 梁溪区 admin: the other pair of eyes
let req: string; // 梁溪区 clerk who may request but not approve
let xs: string; // 锡山区 admin (sibling)
let wx: string; // 无锡市 admin (parent)
const o = () => h.seed.orgs as Record<string, number>;
let key = 0;
const post = (url: string, cookie: string, body: unknown) =>
  h.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'idempotency-key': `disb-test-${++key}-${Date.now()}` },
    payload: body as object,
  });
const get = (url: string, cookie: string) => h.req('GET', url, { cookie });
const balances = async (orgId: number, cookie = lx) =>
  (await get(`/api/fund-balances?orgId=${orgId}`, cookie)).json().items as {
    source: string;
    appealId: number | null;
    giftId: number | null;
    name: string;
    receivedFen: number;
    reservedFen: number;
    spentFen: number;
    balanceFen: number;
  }[];

async function appealId(orgKey: string, name: string): Promise<number> {
  const [a] = await h.ctx.db
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(eq(appeals.orgId, o()[orgKey]!), eq(appeals.name, name)));
  return a!.id;
}

/** A fresh fund holding exactly `yuan`: a new appeal, a designated gift, or a society's general funds. */
async function fund(kind: 'appeal' | 'gift' | 'general', yuan: number, orgKey = 'guangyi') {
  const orgId = o()[orgKey]!;
  const donor = (
    await post('/api/donors', lx, { orgId, kind: 'enterprise', name: `测试捐赠企业${++key}有限公司` })
  ).json().donor;
  let appeal: number | null = null;
  if (kind === 'appeal') {
    appeal = (await post('/api/appeals', lx, { orgId, kind: 'appeal', name: `测试专项${key}` })).json().id;
  }
  const gift = await post('/api/gifts', lx, {
    orgId,
    donorId: donor.id,
    channel: 'bank',
    amountFen: yuan * 100,
    receivedOn: shanghaiDate(new Date()),
    appealId: appeal,
    purpose: kind === 'gift' ? `测试定向用途${key}` : null,
  });
  expect(gift.statusCode).toBe(200);
  const g = gift.json();
  return {
    orgId,
    appealId: appeal,
    giftId: kind === 'gift' ? (g.id as number) : null,
    purpose: kind === 'gift' ? (g.purpose as string) : '测试拨付用途',
    source: kind === 'appeal' ? { appealId: appeal } : kind === 'gift' ? { giftId: g.id } : {},
  };
}

beforeAll(async () => {
  h = await startHarness();
  await makeUser(h.ctx, 'lx_second', o().liangxi!, 'admin');
  const [readRole] = await h.ctx.db.select().from(roles).where(eq(roles.code, 'staff'));
  const role = await post('/api/roles', await h.login('js_admin'), {
    orgId: o().province,
    code: 'disb_clerk',
    name: '拨付经办',
    permissions: ['disbursements:request', 'donations:read'],
  });
  expect(role.statusCode).toBe(200);
  await h.ctx.db.transaction((tx) =>
    createUser(tx, { pii: h.ctx.pii, policy: { minLength: 10, minClasses: 3 } }, systemActor('test'), {
      orgId: o().liangxi!,
      username: 'lx_clerk',
      displayName: '经办员',
      mobile: null,
      password: DEMO_PASSWORD,
      grants: [
        { roleId: role.json().id, orgId: o().liangxi!, scope: 'subtree' },
        { roleId: readRole!.id, orgId: o().liangxi!, scope: 'subtree' },
      ],
    }),
  );
  [lx, lx2, req, xs, wx] = (await Promise.all(
    ['lx_admin', 'lx_second', 'lx_clerk', 'xs_admin', 'wx_admin'].map((u) => h.login(u)),
  )) as [string, string, string, string, string];
});
afterAll(() => h?.close());

describe('demo disbursements', () => {
  it('leave the demo funds spent within what they received', async () => {
    const angel = (await balances(o().liangxi!)).find((f) => f.name === '“天使计划”困境儿童医疗救助')!;
    expect(angel).toMatchObject({ spentFen: 80_000, reservedFen: 0, balanceFen: angel.receivedFen - 80_000 });
    const designated = (await balances(o().liangxi!)).find((f) => f.source === 'gift')!;
    expect(designated).toMatchObject({ receivedFen: 3_680_000, spentFen: 1_840_000, balanceFen: 1_840_000 });
    const flood = (await balances(o().wuxi!, wx)).find((f) => f.name === '太湖流域防汛救灾专项')!;
    // The rejected request released its reservation; the pending one is in another appeal.
    expect(flood).toMatchObject({ spentFen: 20_000_000, reservedFen: 0 });
    const boai = (await balances(o().wuxi!, wx)).find((f) => f.name.includes('博爱送万家'))!;
    expect(boai.reservedFen).toBe(5_000_000);
    for (const f of [...(await balances(o().liangxi!)), ...(await balances(o().wuxi!, wx))])
      expect(f.balanceFen).toBeGreaterThanOrEqual(0);
  });
});

describe('requesting a disbursement', () => {
  it('reserves the amount from an appeal, a designated gift or general funds at once', async () => {
    for (const kind of ['appeal', 'gift', 'general'] as const) {
      const f = await fund(kind, 1_000);
      const res = await post('/api/disbursements', req, {
        orgId: f.orgId,
        ...f.source,
        amountFen: 30_000,
        purpose: f.purpose,
        recipientName: '受助人王某',
        aidBatchRef: 'JZ-TEST-1',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'pending', source: kind, requestedBy: 'lx_clerk' });
      expect(await fundBalance(h.ctx.db, f)).toEqual({
        receivedFen: kind === 'general' ? expect.any(Number) : 100_000,
        committedFen: expect.any(Number),
        balanceFen: expect.any(Number),
      });
      const b = await fundBalance(h.ctx.db, f);
      expect(b.receivedFen - b.committedFen).toBe(b.balanceFen);
      if (kind !== 'general')
        expect(b).toEqual({ receivedFen: 100_000, committedFen: 30_000, balanceFen: 70_000 });
    }
  });

  it('refuses more than the balance, naming the balance', async () => {
    const f = await fund('appeal', 500);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/disbursements',
      headers: { cookie: lx, 'accept-language': 'zh-CN' },
      payload: { orgId: f.orgId, ...f.source, amountFen: 50_001, purpose: '救助', recipientName: '某某' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({
      field: 'amountFen',
      code: 'DISBURSEMENT_INSUFFICIENT_FUNDS',
    });
    expect(res.json().message).toContain('500.00');
    const ok = await post('/api/disbursements', lx, {
      orgId: f.orgId,
      ...f.source,
      amountFen: 50_000,
      purpose: '救助',
      recipientName: '某某',
    });
    expect(ok.statusCode).toBe(200);
    const none = await post('/api/disbursements', lx, {
      orgId: f.orgId,
      ...f.source,
      amountFen: 1,
      purpose: '救助',
      recipientName: '某某',
    });
    expect(none.json().message).toContain('0.00');
  });

  it("binds a designated gift to the donor's purpose and named recipient", async () => {
    const [demoGift] = await h.ctx.db
      .select()
      .from(gifts)
      .where(eq(gifts.purpose, '崇安寺街道困难家庭春节慰问'));
    const base = { orgId: o().liangxi, giftId: demoGift!.id, amountFen: 10_000 };
    const other = await post('/api/disbursements', lx, {
      ...base,
      purpose: '其他用途',
      recipientOrgId: o().chonganshi,
    });
    expect(other.json().fields[0]).toMatchObject({ field: 'purpose', code: 'DISBURSEMENT_PURPOSE_MISMATCH' });
    expect(other.json().message).toContain('崇安寺街道困难家庭春节慰问');
    const elsewhere = await post('/api/disbursements', lx, {
      ...base,
      purpose: demoGift!.purpose,
      recipientOrgId: o().guangyi,
    });
    expect(elsewhere.json().fields[0].code).toBe('DISBURSEMENT_RECIPIENT_MISMATCH');
    expect(elsewhere.json().message).toContain('崇安寺街道红十字会');
    const named = await post('/api/disbursements', lx, {
      ...base,
      purpose: demoGift!.purpose,
      recipientName: '困难家庭',
    });
    expect(named.json().fields[0].code).toBe('DISBURSEMENT_RECIPIENT_MISMATCH');
    // The named street's own community is still that street.
    const community = await post('/api/disbursements', lx, {
      ...base,
      purpose: demoGift!.purpose,
      recipientOrgId: o()['chonganshi-community'],
    });
    expect(community.statusCode, community.body).toBe(200);
    const undesignated = await fund('general', 10);
    const [plain] = await h.ctx.db.select().from(gifts).where(eq(gifts.orgId, undesignated.orgId));
    const notDesignated = await post('/api/disbursements', lx, {
      ...base,
      giftId: plain!.id,
      orgId: undesignated.orgId,
      purpose: 'x',
      recipientName: 'y',
    });
    expect(notDesignated.json().fields[0].code).toBe('DISBURSEMENT_GIFT_NOT_DESIGNATED');
  });

  it("refuses another society's source, recipients out of reach, and two sources at once", async () => {
    const angel = await appealId('liangxi', '“天使计划”困境儿童医疗救助');
    const body = { amountFen: 100, purpose: '救助', recipientName: '某某' };
    // 无锡市 sees 梁溪区's appeal, but a society spends only its own funds.
    const other = await post('/api/disbursements', wx, { ...body, orgId: o().wuxi, appealId: angel });
    expect(other.json().fields[0]).toMatchObject({
      field: 'appealId',
      code: 'DISBURSEMENT_SOURCE_OTHER_ORG',
    });
    // 锡山区 does not see it at all: the same answer as a missing appeal.
    const hidden = await post('/api/disbursements', xs, { ...body, orgId: o().xishan, appealId: angel });
    const missing = await post('/api/disbursements', xs, {
      ...body,
      orgId: o().xishan,
      appealId: 2_000_000_000,
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.body).toBe(missing.body);
    const far = await post('/api/disbursements', lx, {
      ...body,
      orgId: o().liangxi,
      appealId: angel,
      recipientOrgId: o().xishan,
    });
    expect(far.json().fields[0]).toMatchObject({ field: 'recipientOrgId', code: 'NOT_FOUND' });
    const both = await post('/api/disbursements', lx, {
      ...body,
      orgId: o().liangxi,
      appealId: angel,
      giftId: 1,
    });
    expect(both.statusCode).toBe(400);
    const nobody = await post('/api/disbursements', lx, {
      orgId: o().liangxi,
      amountFen: 1,
      purpose: '救助',
    });
    expect(nobody.json().fields[0].field).toContain('recipientName');
    const intruder = await post('/api/disbursements', xs, { ...body, orgId: o().liangxi });
    expect(intruder.statusCode).toBe(400);
    expect(intruder.json().fields[0]).toMatchObject({ field: 'orgId', code: 'NOT_FOUND' });
  });

  it('is idempotent: a retried request reserves once', async () => {
    const f = await fund('appeal', 100);
    const headers = { cookie: lx, 'idempotency-key': `retry-${Date.now()}` };
    const payload = { orgId: f.orgId, ...f.source, amountFen: 6_000, purpose: '救助', recipientName: '某某' };
    const first = await h.app.inject({ method: 'POST', url: '/api/disbursements', headers, payload });
    const again = await h.app.inject({ method: 'POST', url: '/api/disbursements', headers, payload });
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await fundBalance(h.ctx.db, f)).committedFen).toBe(6_000);
  });
});

describe('deciding', () => {
  async function pending(amountFen = 10_000) {
    const f = await fund('appeal', 1_000);
    const d = (
      await post('/api/disbursements', req, {
        orgId: f.orgId,
        ...f.source,
        amountFen,
        purpose: '救助',
        recipientOrgId: f.orgId,
      })
    ).json();
    return { f, id: d.id as number };
  }

  it('lets another person approve (四眼原则), never the requester; paidOn defaults to today', async () => {
    const f = await fund('appeal', 1_000);
    const mine = (
      await post('/api/disbursements', lx, {
        orgId: f.orgId,
        ...f.source,
        amountFen: 100,
        purpose: '救助',
        recipientName: 'a',
      })
    ).json();
    const self = await post(`/api/disbursements/${mine.id}/approve`, lx, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('DISBURSEMENT_SELF_APPROVAL');
    expect((await post(`/api/disbursements/${mine.id}/reject`, lx, { note: '不行' })).json().code).toBe(
      'DISBURSEMENT_SELF_APPROVAL',
    );
    const future = await post(`/api/disbursements/${mine.id}/approve`, lx2, { paidOn: '2999-01-01' });
    expect(future.json().fields[0].code).toBe('DISBURSEMENT_PAID_ON_FUTURE');
    const ok = await post(`/api/disbursements/${mine.id}/approve`, lx2, { note: '同意' });
    expect(ok.json()).toMatchObject({
      status: 'approved',
      decidedBy: 'lx_second',
      decisionNote: '同意',
      paidOn: shanghaiDate(new Date()),
    });
    expect((await post(`/api/disbursements/${mine.id}/approve`, lx2, {})).statusCode).toBe(409);
    expect((await fundBalance(h.ctx.db, f)).committedFen).toBe(100);
  });

  it('the requester-only clerk cannot approve at all', async () => {
    const { id } = await pending();
    expect((await post(`/api/disbursements/${id}/approve`, req, {})).statusCode).toBe(403);
  });

  it('rejection and cancellation release the reservation', async () => {
    const a = await pending(40_000);
    expect((await fundBalance(h.ctx.db, a.f)).balanceFen).toBe(60_000);
    const rejected = await post(`/api/disbursements/${a.id}/reject`, lx, { note: '材料不全' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: '材料不全' });
    expect((await fundBalance(h.ctx.db, a.f)).balanceFen).toBe(100_000);
    expect((await post(`/api/disbursements/${a.id}/cancel`, req, { reason: 'x' })).json().code).toBe(
      'DISBURSEMENT_ALREADY_CLOSED',
    );

    const b = await pending(40_000);
    const withdrawn = await post(`/api/disbursements/${b.id}/cancel`, req, { reason: '重复申请' });
    expect(withdrawn.json()).toMatchObject({ status: 'cancelled', decisionNote: '重复申请' });
    expect((await fundBalance(h.ctx.db, b.f)).balanceFen).toBe(100_000);
  });

  it('only an approver cancels approved money, with a reason', async () => {
    const { f, id } = await pending(25_000);
    await post(`/api/disbursements/${id}/approve`, lx, {});
    const byClerk = await post(`/api/disbursements/${id}/cancel`, req, { reason: '退回' });
    expect(byClerk.statusCode).toBe(403);
    expect(byClerk.json().code).toBe('DISBURSEMENT_CANCEL_NOT_ALLOWED');
    expect((await post(`/api/disbursements/${id}/cancel`, lx2, {})).statusCode).toBe(400);
    const byApprover = await post(`/api/disbursements/${id}/cancel`, lx2, { reason: '受助方退回款项' });
    expect(byApprover.json()).toMatchObject({ status: 'cancelled', paidOn: shanghaiDate(new Date()) });
    expect((await fundBalance(h.ctx.db, f)).balanceFen).toBe(100_000);
  });

  it('keeps a sibling society out: its approvers get the same answer as for a missing request', async () => {
    const { id } = await pending();
    for (const action of ['approve', 'reject', 'cancel']) {
      const payload = action === 'approve' ? {} : action === 'reject' ? { note: 'x' } : { reason: 'x' };
      const res = await post(`/api/disbursements/${id}/${action}`, xs, payload);
      const miss = await post(`/api/disbursements/2000000000/${action}`, xs, payload);
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(miss.body);
    }
  });

  it('audits every step', async () => {
    const { id } = await pending();
    await post(`/api/disbursements/${id}/approve`, lx, { note: '同意' });
    const audit = (
      await get(`/api/audit?entityType=disbursement&entityId=${id}&pageSize=50`, await h.login('js_admin'))
    ).json();
    const actions = audit.items.map((a: { action: string }) => a.action);
    expect(actions.sort()).toEqual(['disbursements.approve', 'disbursements.request']);
  });
});

describe('listing, exporting and use of funds', () => {
  it('filters by status, source, appeal and date, with totals over the whole filter', async () => {
    const url = `/api/disbursements?orgId=${o().wuxi}&pageSize=1`;
    const all = (await get(url, wx)).json();
    const full = (await get(`/api/disbursements?orgId=${o().wuxi}&pageSize=200`, wx)).json();
    expect(all.items).toHaveLength(1);
    expect(all.total).toBe(full.items.length);
    const sum = (s: string) =>
      full.items
        .filter((d: { status: string }) => d.status === s)
        .reduce((n: number, d: { amountFen: number }) => n + d.amountFen, 0);
    expect(all.totals).toEqual({
      pendingFen: sum('pending'),
      approvedFen: sum('approved'),
      rejectedFen: sum('rejected'),
      cancelledFen: sum('cancelled'),
    });
    // The subtree: 无锡市 sees 梁溪区's and 锡山区's disbursements too.
    expect(new Set(full.items.map((d: { orgId: number }) => d.orgId))).toContain(o().xishan);
    const rejected = (await get(`/api/disbursements?orgId=${o().wuxi}&status=rejected`, wx)).json();
    expect(rejected.items.map((d: { purpose: string }) => d.purpose)).toContain('锡山区防汛救灾物资储备');
    expect(rejected.items.every((d: { status: string }) => d.status === 'rejected')).toBe(true);
    const flood = await appealId('wuxi', '太湖流域防汛救灾专项');
    const byAppeal = (await get(`/api/disbursements?appealId=${flood}`, wx)).json();
    expect(byAppeal.total).toBe(2);
    const general = (
      await get(`/api/disbursements?source=general&orgId=${o().suzhou}`, await h.login('sz_admin'))
    ).json();
    expect(general.items.map((d: { recipientOrgName: string }) => d.recipientOrgName)).toEqual([
      '平江街道红十字会',
    ]);
    const today = shanghaiDate(new Date());
    const recent = (
      await get(`/api/disbursements?orgId=${o().wuxi}&from=${today}&to=${today}&pageSize=200`, wx)
    ).json();
    const old = (
      await get(
        `/api/disbursements?orgId=${o().wuxi}&to=${shanghaiDate(new Date(Date.now() - 9 * 86_400_000))}`,
        wx,
      )
    ).json();
    expect(old.items.map((d: { purpose: string }) => d.purpose)).toEqual(
      expect.arrayContaining(['江阴市受灾群众应急生活救助金', expect.stringContaining('AED')]),
    );
    expect(recent.total + old.total).toBeLessThan(full.total);
    // 锡山区 sees only its own.
    const sibling = (await get('/api/disbursements?pageSize=200', xs)).json();
    expect(sibling.items.every((d: { orgId: number }) => d.orgId === o().xishan)).toBe(true);
  });

  it('exports the filtered list as .xlsx', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/disbursements/export.xlsx?orgId=${o().wuxi}&status=approved`,
      headers: { cookie: wx },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('拨付明细')!;
    expect(sheet.getRow(1).getCell(5).value).toBe('金额（元）');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const listed = (
      await get(`/api/disbursements?orgId=${o().wuxi}&status=approved&pageSize=200`, wx)
    ).json();
    expect(rows).toHaveLength(listed.total);
    expect(rows.flat()).toContain(200_000);
    expect(rows.flat()).toContain('已拨付');
  });

  it('shows the public where a fund went: approved only, recipient by name, nobody who decided', async () => {
    const angel = await appealId('liangxi', '“天使计划”困境儿童医疗救助');
    const uses = await useOfFunds(h.ctx.db, { appealId: angel });
    expect(uses).toEqual([
      {
        id: expect.any(Number),
        paidOn: shanghaiDate(new Date(Date.now() - 4 * 86_400_000)),
        amountFen: 80_000,
        purpose: '困境儿童医疗救助（白血病患儿住院费用补助）',
        recipient: '崇安寺街道红十字会',
        aidBatchRef: null,
      },
    ]);
    const aed = await useOfFunds(h.ctx.db, {
      appealId: await appealId('xishan', '锡山区“生命守护”AED冠名基金'),
    });
    expect(aed[0]!.recipient).toBe('江苏康宁医疗设备有限公司');
    const general = await useOfFunds(h.ctx.db, { orgId: o().gusu });
    expect(general.map((u) => u.purpose)).toEqual(['独居老人应急救助']);
    const boai = await useOfFunds(h.ctx.db, {
      appealId: await appealId('wuxi', '2026年“博爱送万家”专项募捐'),
    });
    expect(boai).toEqual([]); // pending is not spent
    expect(await useOfFunds(h.ctx.db, {})).toEqual([]);
  });

  it('lists fund balances only for societies in reach', async () => {
    const hidden = await get(`/api/fund-balances?orgId=${o().liangxi}`, xs);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe((await get('/api/fund-balances?orgId=2000000000', xs)).body);
    const own = await balances(o().xishan!, xs);
    expect(own[0]).toMatchObject({ source: 'general', name: '非定向资金', receivedFen: 9_900 });
  });
});
