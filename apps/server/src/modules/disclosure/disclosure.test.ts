import { shanghaiDate } from '@boai/contracts';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access/actor.ts';
import { queryRows } from '../../platform/db/client.ts';
import { approveDisbursement } from '../disbursements/approve-disbursement.ts';
import { publishedDays } from './published-days.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';

let h: Harness;
let lx: string;
const DAY = 86_400_000;
const daysAgo = (n: number) => shanghaiDate(new Date(Date.now() - n * DAY));
const today = () => daysAgo(0);

beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
});
afterAll(() => h?.close());

async function donor(orgId: number, body: Record<string, unknown>): Promise<number> {
  const res = await h.req('POST', '/api/donors', { cookie: lx, body: { orgId, ...body } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().donor.id;
}

async function gift(orgId: number, donorId: number, body: Record<string, unknown> = {}) {
  const res = await h.req('POST', '/api/gifts', {
    cookie: lx,
    body: { orgId, donorId, channel: 'cash', amountFen: 10_000, receivedOn: today(), ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; receiptNo: string };
}

const preview = (orgId: number, day: string, cookie = lx) =>
  h.req('GET', `/api/disclosure/preview?orgId=${orgId}&day=${day}`, { cookie });
const publish = (orgId: number, day: string, cookie = lx) =>
  h.req('POST', '/api/disclosure/batches', { cookie, body: { orgId, day } });
type Line = {
  id: number;
  batchId: number;
  day: string;
  kind: string;
  amountFen: number;
  publicName: string;
  receiptNo: string | null;
  reverses: { lineId: number } | null;
  [field: string]: unknown;
};
const batchLines = async (id: number, cookie = lx) =>
  (await h.req('GET', `/api/disclosure/batches/${id}`, { cookie })).json().lines as Line[];

const cancelGift = async (giftId: number, cookie: string) => {
  const res = await h.req('POST', `/api/gifts/${giftId}/cancel`, { cookie, body: { reason: '重复登记' } });
  expect(res.statusCode, res.body).toBe(200);
};

describe('daily disclosure: preview and publish', () => {
  it('publishes exactly what the preview showed, masked as the donor chose, and audits it', async () => {
    const orgId = h.seed.orgs.guangyi!;
    const masked = await donor(orgId, { kind: 'person', name: '欧阳娜娜', mobile: '13961239876' });
    const named = await donor(orgId, { kind: 'person', name: '顾明远', nameConsent: true });
    const firm = await donor(orgId, { kind: 'enterprise', name: '无锡广益机电有限公司' });
    const anon = await donor(orgId, { kind: 'anonymous', mobile: '13700009999' });
    const first = await gift(orgId, masked, { amountFen: 20_000, purpose: '广益街道困难老人助餐' });
    await gift(orgId, named, { amountFen: 5_000 });
    await gift(orgId, firm, { amountFen: 1_000_000, channel: 'bank' });
    await gift(orgId, anon, { amountFen: 300 });
    await gift(orgId, anon, { amountFen: 700 });

    const p = (await preview(orgId, today())).json();
    expect(p.publishedBatchId).toBeNull();
    expect(p.lines.map((l: { publicName: string }) => l.publicName)).toEqual([
      '欧**娜',
      '顾明远',
      '无锡广益机电有限公司',
      '爱心人士',
      '爱心人士',
    ]);
    expect(p.lines[0].designation).toBe('定向：广益街道困难老人助餐');
    expect(p.totals).toMatchObject({
      giftCount: 5,
      giftFen: 1_026_000,
      disbursementCount: 0,
      reversalCount: 0,
    });
    const text = JSON.stringify(p);
    for (const secret of ['欧阳娜娜', '13961239876', '139****9876', '13700009999', '"donorId"', '"giftId"']) {
      expect(text.includes(secret), secret).toBe(false);
    }

    const res = await publish(orgId, today());
    expect(res.statusCode, res.body).toBe(200);
    const batch = res.json();
    expect(batch).toMatchObject({ orgId, day: today(), giftCount: 5, giftFen: 1_026_000, automatic: false });
    expect(batch.publishedBy).toBe('lx_admin');
    const lines = await batchLines(batch.id);
    expect(lines.map(({ id: _i, batchId: _b, day: _d, ...l }) => l)).toEqual(p.lines);

    const [audit] = await queryRows<{ actor_name: string; entity_id: string }>(
      h.ctx.db,
      sql`select actor_name, entity_id from audit_log where action = 'disclosure.publish' and org_id = ${orgId}`,
    );
    expect(audit).toEqual({ actor_name: 'lx_admin', entity_id: String(batch.id) });
    // Nothing left to publish; the day is taken.
    const again = (await preview(orgId, today())).json();
    expect(again).toMatchObject({ publishedBatchId: batch.id, lines: [] });
    const twice = await publish(orgId, today());
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('DISCLOSURE_ALREADY_PUBLISHED');
    // What the donor self-service shows: the day each gift was published.
    const late = await gift(orgId, named, { amountFen: 1_000 });
    const days = await publishedDays(h.ctx.db, [first.id, late.id]);
    expect([...days]).toEqual([[first.id, { day: today(), batchId: batch.id }]]);
  });

  it('exports a published batch as the .xlsx a society files: the public lines, amounts in yuan', async () => {
    const orgId = h.seed.orgs.guangyi!;
    const [batch] = (await h.req('GET', `/api/disclosure/batches?orgId=${orgId}`, { cookie: lx })).json()
      .items;
    const res = await h.req('GET', `/api/disclosure/batches/${batch.id}/export.xlsx`, { cookie: lx });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => void rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toHaveLength(6);
    expect(rows[1]!.slice(0, 6)).toEqual([1, '接收捐赠', today(), '欧**娜', '资金', 200]);
    expect(JSON.stringify(rows).includes('欧阳娜娜')).toBe(false);
    const sibling = await h.req('GET', `/api/disclosure/batches/${batch.id}/export.xlsx`, {
      cookie: await h.login('xs_admin'),
    });
    expect(sibling.statusCode).toBe(404);
  });

  it('refuses a future day and a day before one already published; publishes an empty day', async () => {
    const orgId = h.seed.orgs.chengjiang!;
    const wx = await h.login('wx_admin');
    const future = await publish(orgId, daysAgo(-1), wx);
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0]).toMatchObject({ field: 'day', code: 'DISCLOSURE_DAY_IN_FUTURE' });
    expect((await preview(orgId, daysAgo(-1), wx)).statusCode).toBe(400);

    const empty = await publish(orgId, daysAgo(2), wx);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ giftCount: 0, giftFen: 0, disbursementCount: 0, reversalCount: 0 });
    expect(await batchLines(empty.json().id, wx)).toEqual([]);
    const earlier = await publish(orgId, daysAgo(3), wx);
    expect(earlier.json().fields[0].code).toBe('DISCLOSURE_DAY_BEFORE_LATEST');
  });

  it('puts a gift entered late for an earlier day into the next batch, and a later gift not at all', async () => {
    const orgId = h.seed.orgs.anzhen!;
    const xs = await h.login('xs_admin');
    const d = (
      await h.req('POST', '/api/donors', {
        cookie: xs,
        body: { orgId, kind: 'enterprise', name: '安镇纺织有限公司' },
      })
    ).json().donor.id;
    const record = async (receivedOn: string, amountFen: number) =>
      (
        await h.req('POST', '/api/gifts', {
          cookie: xs,
          body: { orgId, donorId: d, channel: 'bank', amountFen, receivedOn },
        })
      ).json();
    await record(daysAgo(5), 100_00);
    await record(daysAgo(3), 300_00);
    const first = (await publish(orgId, daysAgo(4), xs)).json();
    expect(first.giftFen).toBe(100_00); // the gift of 3 days ago waits for its own day
    const late = await record(daysAgo(6), 600_00); // entered now, for a day already published
    const second = (await publish(orgId, daysAgo(3), xs)).json();
    expect(second).toMatchObject({ giftCount: 2, giftFen: 900_00 });
    const lines = await batchLines(second.id, xs);
    expect(lines.find((l) => l.amountFen === 600_00)?.receiptNo).toBe(late.receiptNo);
  });

  it('keeps a sibling society and a child society out: no preview, no publish, no batch', async () => {
    const orgId = h.seed.orgs.liangxi!;
    const xs = await h.login('xs_admin');
    const cas = await h.login('cas_staff');
    const p = await preview(orgId, today(), xs);
    const missing = await preview(2_000_000_000, today(), xs);
    expect(p.statusCode).toBe(404);
    expect(p.body).toBe(missing.body);
    const res = await publish(orgId, today(), xs);
    expect(res.json().fields[0]).toMatchObject({ field: 'orgId', code: 'NOT_FOUND' });
    expect((await preview(orgId, today(), cas)).statusCode).toBe(403);
    expect((await publish(orgId, today(), cas)).statusCode).toBe(403);
    const [n] = await queryRows<{ n: number }>(
      h.ctx.db,
      sql`select count(*)::int as n from disclosure_batches where org_id = ${orgId} and day = ${today()}`,
    );
    expect(n!.n).toBe(0);
    // Nor can the sibling read 梁溪区's batches in the console.
    const list = (await h.req('GET', `/api/disclosure/batches?orgId=${orgId}`, { cookie: xs })).json();
    expect(list.items).toEqual([]);
  });

  it('replays a retried publish with the same Idempotency-Key and writes one batch', async () => {
    const orgId = h.seed.orgs['wuxi-hospital']!;
    const send = () =>
      h.app.inject({
        method: 'POST',
        url: '/api/disclosure/batches',
        headers: { cookie: lx, 'idempotency-key': 'disclosure-retry-0001' },
        payload: { orgId, day: today() },
      });
    const a = await send();
    const b = await send();
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().id).toBe(a.json().id);
  });
});

describe('a published disclosure never changes', () => {
  it('refuses UPDATE and DELETE of published lines and batches, even in plain SQL', async () => {
    const [line] = await queryRows<{ id: number; batch_id: number }>(
      h.ctx.db,
      sql`select id, batch_id from disclosure_lines order by id limit 1`,
    );
    expect(line).toBeDefined();
    for (const stmt of [
      sql`update disclosure_lines set amount_fen = 1 where id = ${line!.id}`,
      sql`update disclosure_lines set public_name = '改名' where id = ${line!.id}`,
      sql`delete from disclosure_lines where id = ${line!.id}`,
      sql`update disclosure_batches set gift_fen = 0 where id = ${line!.batch_id}`,
      sql`delete from disclosure_batches where id = ${line!.batch_id}`,
      sql`truncate disclosure_lines cascade`,
    ]) {
      const error = await h.ctx.db.execute(stmt).then(
        () => null,
        (e: Error) => e,
      );
      expect(String((error?.cause as Error | undefined)?.message ?? error)).toMatch(/immutable/);
    }
  });

  it('answers a gift cancelled after publication with exactly one reversal, in the next batch only', async () => {
    const orgId = h.seed.orgs.donggang!;
    const xs = await h.login('xs_admin');
    const d = (
      await h.req('POST', '/api/donors', {
        cookie: xs,
        body: { orgId, kind: 'person', name: '钱小梅', nameConsent: false },
      })
    ).json().donor.id;
    const record = (amountFen: number) =>
      h
        .req('POST', '/api/gifts', {
          cookie: xs,
          body: { orgId, donorId: d, channel: 'cash', amountFen, receivedOn: daysAgo(3) },
        })
        .then((r) => r.json());
    const wrong = await record(8_800);
    const right = await record(1_200);
    const first = (await publish(orgId, daysAgo(3), xs)).json();
    const firstLines = await batchLines(first.id, xs);
    const wrongLine = firstLines.find((l) => l.receiptNo === wrong.receiptNo)!;

    await cancelGift(wrong.id, xs);
    const p = (await preview(orgId, daysAgo(2), xs)).json();
    expect(p.lines).toHaveLength(1);
    expect(p.lines[0]).toMatchObject({
      kind: 'reversal',
      amountFen: -8_800,
      publicName: '钱*梅',
      receiptNo: wrong.receiptNo,
      reverses: { lineId: wrongLine.id, kind: 'gift', day: daysAgo(3) },
    });
    const second = (await publish(orgId, daysAgo(2), xs)).json();
    expect(second).toMatchObject({ giftCount: 0, reversalCount: 1 });
    const third = (await publish(orgId, daysAgo(1), xs)).json();
    expect(third.reversalCount).toBe(0);

    const pub = (await h.req('GET', `/api/public/disclosure/orgs/${orgId}`)).json();
    expect(pub.funds).toMatchObject({ receivedFen: 1_200, giftCount: 1 });
    expect(right.receiptNo).toBeTruthy();
    // Cancelled before publication: never published, so nothing to reverse.
    const never = await record(500);
    await cancelGift(never.id, xs);
    expect((await preview(orgId, today(), xs)).json().lines).toEqual([]);
  });

  it('publishes approved disbursements once, and reverses one cancelled after publication', async () => {
    const orgId = h.seed.orgs['chonganshi-community']!;
    const appealRes = await h.req('POST', '/api/appeals', {
      cookie: lx,
      body: { orgId, kind: 'appeal', name: '五爱社区独居老人冬季关爱', targetFen: 5_000_000 },
    });
    expect(appealRes.statusCode, appealRes.body).toBe(200);
    const appealId = appealRes.json().id;
    const d = await donor(orgId, { kind: 'enterprise', name: '五爱社区物业公司' });
    await gift(orgId, d, { amountFen: 100_000, appealId, receivedOn: daysAgo(3) });
    const request = (body: Record<string, unknown>) =>
      h.req('POST', '/api/disbursements', {
        cookie: lx,
        body: { orgId, appealId, recipientOrgId: h.seed.orgs.chonganshi!, ...body },
      });
    const asked = await request({ amountFen: 50_000, purpose: '购置冬季御寒包' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((await request({ amountFen: 7_000, purpose: '尚未批准的拨付' })).statusCode).toBe(200);
    const toPerson = await request({
      amountFen: 2_000,
      purpose: '独居老人冬季慰问金',
      recipientOrgId: null,
      recipientName: '张小明',
    });
    const toUnit = await request({
      amountFen: 3_000,
      purpose: '购置取暖设备',
      recipientOrgId: null,
      recipientName: '五爱社区居家养老服务站',
    });
    // Approved two days ago by someone other than the requester (四眼原则).
    await h.ctx.db.transaction((tx) =>
      approveDisbursement(
        tx,
        systemActor('test-approver'),
        asked.json().id,
        { paidOn: daysAgo(2) },
        new Date(Date.now() - 2 * DAY),
      ),
    );
    for (const res of [toPerson, toUnit]) {
      expect(res.statusCode, res.body).toBe(200);
      await h.ctx.db.transaction((tx) =>
        approveDisbursement(tx, systemActor('test-approver'), res.json().id, {}, new Date(Date.now() - DAY)),
      );
    }

    const p = (await preview(orgId, daysAgo(1))).json();
    expect(p.lines.filter((l: Line) => l.kind === 'disbursement')).toEqual([
      expect.objectContaining({
        publicName: '崇安寺街道红十字会',
        amountFen: 50_000,
        appealId,
        designation: '五爱社区独居老人冬季关爱',
        note: '购置冬季御寒包',
        occurredOn: daysAgo(2),
      }),
      // A recipient named like a person is masked; a unit is named in full.
      expect.objectContaining({ publicName: '张*明', amountFen: 2_000 }),
      expect.objectContaining({ publicName: '五爱社区居家养老服务站', amountFen: 3_000 }),
    ]);
    const first = (await publish(orgId, daysAgo(1))).json();
    expect(first).toMatchObject({ giftCount: 1, disbursementCount: 3, disbursementFen: 55_000 });
    const cancelled = await h.req('POST', `/api/disbursements/${asked.json().id}/cancel`, {
      cookie: lx,
      body: { reason: '受助方已另获资助' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const second = (await publish(orgId, today())).json();
    expect(second).toMatchObject({ disbursementCount: 0, reversalCount: 1 });
    const disbursementLine = (await batchLines(first.id)).find((l) => l.kind === 'disbursement')!;
    expect((await batchLines(second.id)).map((l) => [l.kind, l.amountFen, l.reverses?.lineId])).toEqual([
      ['reversal', -50_000, disbursementLine.id],
    ]);
    const appeal = (
      await h.req('GET', `/api/public/disclosure/appeals/${appealId}?list=disbursement`)
    ).json();
    expect(appeal.funds).toMatchObject({ receivedFen: 100_000, spentFen: 5_000, balanceFen: 95_000 });
    expect(appeal.lines.items.map((l: Line) => l.amountFen)).toEqual([-50_000, 50_000, 2_000, 3_000]);
  });
});

describe('publishing races', () => {
  it('writes one batch when the same day is published many times at once', async () => {
    const orgId = h.seed.orgs.pingjiang!;
    const sz = await h.login('sz_admin');
    const d = (
      await h.req('POST', '/api/donors', {
        cookie: sz,
        body: { orgId, kind: 'enterprise', name: '平江路商会' },
      })
    ).json().donor.id;
    for (let i = 0; i < 5; i++) {
      await h.req('POST', '/api/gifts', {
        cookie: sz,
        body: { orgId, donorId: d, channel: 'bank', amountFen: 1_000 + i, receivedOn: today() },
      });
    }
    const results = await Promise.all(Array.from({ length: 8 }, () => publish(orgId, today(), sz)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(7);
    const [n] = await queryRows<{ batches: number; lines: number }>(
      h.ctx.db,
      sql`select (select count(*)::int from disclosure_batches where org_id = ${orgId}) as batches,
                 (select count(*)::int from disclosure_lines where org_id = ${orgId}) as lines`,
    );
    expect(n).toEqual({ batches: 1, lines: 5 });
  });

  it('never publishes a gift twice when different days of one society are published at once', async () => {
    const orgId = h.seed.orgs.mudu!;
    const sz = await h.login('sz_admin');
    const d = (
      await h.req('POST', '/api/donors', {
        cookie: sz,
        body: { orgId, kind: 'enterprise', name: '木渎古镇旅游公司' },
      })
    ).json().donor.id;
    for (let i = 0; i < 6; i++) {
      await h.req('POST', '/api/gifts', {
        cookie: sz,
        body: { orgId, donorId: d, channel: 'bank', amountFen: 100 + i, receivedOn: daysAgo(4) },
      });
    }
    const results = await Promise.all([3, 2, 1, 0].map((n) => publish(orgId, daysAgo(n), sz)));
    expect(results.every((r) => r.statusCode < 500)).toBe(true);
    const [n] = await queryRows<{ lines: number; gifts: number }>(
      h.ctx.db,
      sql`select count(*)::int as lines, count(distinct gift_id)::int as gifts from disclosure_lines where org_id = ${orgId}`,
    );
    expect(n).toEqual({ lines: 6, gifts: 6 });
  });

  it('refuses a second line for a published gift at the database, whatever the code does', async () => {
    const [line] = await queryRows<{ id: number; org_id: number; batch_id: number; gift_id: number }>(
      h.ctx.db,
      sql`select id, org_id, batch_id, gift_id from disclosure_lines where kind = 'gift' order by id limit 1`,
    );
    await expect(
      h.ctx.db
        .execute(sql`insert into disclosure_lines (org_id, batch_id, line_no, kind, gift_id, occurred_on,
        public_name, amount_fen) values (${line!.org_id}, ${line!.batch_id}, 9999, 'gift', ${line!.gift_id},
        ${today()}, 'x', 1)`),
    ).rejects.toThrow();
  });
});
