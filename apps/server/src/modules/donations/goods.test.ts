import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { ATTACHMENT_MAX_BYTES, shanghaiDate, type GiftDetail } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), 'boai-goods-'));
const today = () => shanghaiDate(new Date());
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

let h: Harness;
let wx: string;
let lx: string;
let wxDonor: number;
let typhoon: number;

beforeAll(async () => {
  h = await startHarness();
  wx = await h.login('wx_admin');
  lx = await h.login('lx_admin');
  wxDonor = (await h.req('GET', `/api/donors?q=${encodeURIComponent('红豆')}`, { cookie: wx })).json()
    .items[0].id;
  typhoon = (await h.req('GET', `/api/appeals?orgId=${h.seed.orgs.wuxi}`, { cookie: wx }))
    .json()
    .items.find((a: { name: string }) => a.name.includes('台风')).id;
});
afterAll(() => h?.close());

type Line = Record<string, unknown>;
const line = (over: Line = {}): Line => ({
  name: '家庭应急包',
  spec: '十件套',
  unit: '个',
  quantity: 10,
  unitValueFen: 12_800,
  valuationBasis: 'invoice',
  ...over,
});

const post = (url: string, body: unknown, cookie = wx, key?: string) =>
  h.app.inject({
    method: 'POST',
    url,
    headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
    payload: body as object,
  });
const goods = (body: Record<string, unknown> = {}, cookie = wx, key?: string) =>
  post(
    '/api/gifts/goods',
    { orgId: h.seed.orgs.wuxi, donorId: wxDonor, receivedOn: today(), items: [line()], ...body },
    cookie,
    key,
  );
const attach = (giftId: number, body: Record<string, unknown>, cookie = wx) =>
  post(
    `/api/gifts/${giftId}/attachments`,
    { fileName: '检验报告.pdf', mime: 'application/pdf', contentBase64: PDF.toString('base64'), ...body },
    cookie,
  );
const fieldsOf = (res: { json(): { fields: { field: string; code: string }[] } }) =>
  res.json().fields.map((f) => `${f.field}:${f.code}`);

describe('gifts of goods', () => {
  it('values every line and the total exactly in fen, issues the receipt and awaits receipt into stock', async () => {
    const res = await goods({
      appealId: typhoon,
      purpose: '受灾群众安置点',
      note: '随货附检验报告',
      items: [
        line({ quantity: 1_050, batchNo: 'AT-1', expiresOn: '2030-01-01' }),
        line({ name: '医用外科口罩', spec: null, unit: '盒', quantity: 3, unitValueFen: 1_999 }),
        line({ name: '矿泉水', unit: '箱', quantity: 7, unitValueFen: 1, valuationBasis: 'market' }),
        line({ name: '旧衣物', unit: '件', quantity: 40, unitValueFen: 0, valuationBasis: 'appraisal' }),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json() as GiftDetail;
    expect(g).toMatchObject({
      form: 'goods',
      channel: 'goods',
      stockStatus: 'awaiting',
      status: 'confirmed',
      appealName: '2026年防御台风应急救灾专项',
      purpose: '受灾群众安置点',
      note: '随货附检验报告',
      amountFen: 1_050 * 12_800 + 3 * 1_999 + 7,
    });
    expect(g.amountFen).toBe(13_446_004);
    expect(g.items.map((i) => [i.lineNo, i.name, i.quantity, i.unitValueFen, i.valueFen])).toEqual([
      [1, '家庭应急包', 1_050, 12_800, 13_440_000],
      [2, '医用外科口罩', 3, 1_999, 5_997],
      [3, '矿泉水', 7, 1, 7],
      [4, '旧衣物', 40, 0, 0],
    ]);
    expect(g.items[0]).toMatchObject({ batchNo: 'AT-1', expiresOn: '2030-01-01', valuationBasis: 'invoice' });
    expect(g.items[1]!.spec).toBeNull();
    expect(g.receiptNo).toMatch(/^\d{14}$/);
    // The receipt carries the valuation as its amount.
    const [receipt] = (
      (await h.ctx.db.execute(
        sql`select amount_fen, gift_id from receipts where number = ${g.receiptNo}`,
      )) as unknown as { rows: { amount_fen: number; gift_id: number }[] }
    ).rows;
    expect(Number(receipt!.amount_fen)).toBe(13_446_004);
    expect(receipt!.gift_id).toBe(g.id);
    const audit = (await h.ctx.db.execute(
      sql`select action from audit_log where entity_type = 'gift' and entity_id = ${String(g.id)}`,
    )) as unknown as { rows: { action: string }[] };
    expect(audit.rows.map((r) => r.action)).toEqual(['gifts.create_goods']);
  });

  it('sums any mix of lines to the exact total of unit × quantity (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 1_000_000 }),
            unitValueFen: fc.integer({ min: 0, max: 50_000_000 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (lines) => {
          fc.pre(lines.some((l) => l.unitValueFen > 0));
          const res = await goods({ items: lines.map((l) => line(l)) });
          expect(res.statusCode, res.body).toBe(200);
          const g = res.json() as GiftDetail;
          const expected = lines.reduce((s, l) => s + BigInt(l.quantity) * BigInt(l.unitValueFen), 0n);
          expect(BigInt(g.amountFen)).toBe(expected);
          g.items.forEach((it, i) =>
            expect(BigInt(it.valueFen)).toBe(BigInt(lines[i]!.quantity) * BigInt(lines[i]!.unitValueFen)),
          );
        },
      ),
      { numRuns: 15, seed: 20261124 },
    );
  });

  it('refuses a valuation past 2^53 fen, per line and in total, and a gift valued at nothing', async () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(fieldsOf(await goods({ items: [line(), line({ unitValueFen: max, quantity: 2 })] }))).toEqual([
      'items.1.unitValueFen:GOODS_VALUE_TOO_LARGE',
    ]);
    const half = Math.floor(max / 2) + 1;
    expect(
      fieldsOf(
        await goods({
          items: [line({ unitValueFen: half, quantity: 1 }), line({ unitValueFen: half, quantity: 1 })],
        }),
      ),
    ).toEqual(['items:GOODS_VALUE_TOO_LARGE']);
    expect(fieldsOf(await goods({ items: [line({ unitValueFen: 0 })] }))).toEqual(['items:GOODS_VALUE_ZERO']);
  });

  it('names the bad line and field, like body.items.2.quantity, in Chinese or English', async () => {
    const bad = await goods({
      items: [line(), line(), line({ quantity: 0 }), line({ quantity: 1.5, unit: undefined })],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.items.2.quantity', 'body.items.3.quantity', 'body.items.3.unit']),
    );
    expect(
      bad.json().fields.find((f: { field: string }) => f.field === 'body.items.2.quantity').message,
    ).toBe('数量必须大于 0');
    const basis = await goods({ items: [line({ valuationBasis: 'guess' })] });
    expect(basis.json().fields[0].field).toBe('body.items.0.valuationBasis');
    const money = await goods({ items: [line({ unitValueFen: 12.5 })] });
    expect(money.json().fields[0].field).toBe('body.items.0.unitValueFen');
    expect((await goods({ items: [] })).json().fields[0].field).toBe('body.items');
    expect((await goods({ items: Array.from({ length: 201 }, () => line()) })).json().fields[0].field).toBe(
      'body.items',
    );
    expect((await goods({ items: Array.from({ length: 200 }, () => line()) })).statusCode).toBe(200);
    expect((await goods({ items: [line({ colour: 'red' })] })).statusCode).toBe(400);
  });

  it('refuses goods already expired when received, future dates and another society’s donor or appeal', async () => {
    const expired = await goods({
      receivedOn: '2026-03-10',
      items: [line({ expiresOn: '2026-03-10' }), line({ expiresOn: '2026-03-09' })],
    });
    expect(fieldsOf(expired)).toEqual(['items.1.expiresOn:GOODS_EXPIRED']);
    expect(expired.json().fields[0].message).toContain('过期');
    const en = await h.req('POST', '/api/gifts/goods', {
      cookie: wx,
      lang: 'en',
      body: {
        orgId: h.seed.orgs.wuxi,
        donorId: wxDonor,
        receivedOn: '2026-03-10',
        items: [line({ expiresOn: '2026-01-01' })],
      },
    });
    expect(en.json().fields[0].message).toBe(
      'These goods expire before the date received; expired goods cannot be accepted',
    );
    expect((await goods({ receivedOn: '2999-01-01' })).json().fields[0].code).toBe('GIFT_DATE_IN_FUTURE');
    const lxDonor = (
      await h.req('GET', `/api/donors?q=${encodeURIComponent('陈美华')}`, { cookie: lx })
    ).json().items[0].id;
    expect(fieldsOf(await goods({ donorId: lxDonor }))).toEqual(['donorId:GIFT_DONOR_OTHER_ORG']);
    const angel = (await h.req('GET', `/api/appeals?orgId=${h.seed.orgs.liangxi}`, { cookie: lx })).json()
      .items[0].id;
    expect(fieldsOf(await goods({ appealId: angel }))).toEqual(['appealId:GIFT_APPEAL_OTHER_ORG']);
  });

  it('records a retried request once and answers it with the first answer', async () => {
    const count = async () =>
      (
        (await h.ctx.db.execute(
          sql`select count(*)::int as n from gifts where form = 'goods'`,
        )) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    const before = await count();
    const first = await goods({}, wx, 'goods-retry-0001');
    const again = await goods({}, wx, 'goods-retry-0001');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count()).toBe(before + 1);
  });

  it('lists goods by stock status: awaiting receipt into stock, or taken in by the relief module', async () => {
    const created = (await goods({ items: [line({ name: '帐篷', unit: '顶', quantity: 12 })] })).json();
    const list = async (stockStatus: string) =>
      (
        await h.req(
          'GET',
          `/api/gifts?orgId=${h.seed.orgs.wuxi}&form=goods&stockStatus=${stockStatus}&pageSize=200`,
          {
            cookie: wx,
          },
        )
      ).json();
    const awaiting = await list('awaiting');
    expect(
      awaiting.items.every(
        (g: { form: string; stockStatus: string }) => g.form === 'goods' && g.stockStatus === 'awaiting',
      ),
    ).toBe(true);
    expect(awaiting.items.map((g: { id: number }) => g.id)).toContain(created.id);
    expect(awaiting.totalFen).toBe(
      awaiting.items.reduce((s: number, g: { amountFen: number }) => s + g.amountFen, 0),
    );
    // The demo's 1,050 kits were inspected into the city's warehouse by the relief module.
    const demoKits = (await list('received')).items.find(
      (g: { donorName: string }) => g.donorName === '无锡安泰应急装备有限公司',
    );
    expect(demoKits).toMatchObject({
      amountFen: 1_050 * 12_800,
      receiptNo: expect.stringMatching(/^\d{14}$/),
    });
    const money = (await h.req('GET', `/api/gifts?form=money&pageSize=200`, { cookie: wx })).json();
    expect(money.items.every((g: { stockStatus: null }) => g.stockStatus === null)).toBe(true);
    expect((await h.req('GET', `/api/gifts?stockStatus=lost`, { cookie: wx })).statusCode).toBe(400);
  });

  it('shows a money gift’s detail with no lines', async () => {
    const money = (
      await h.req('GET', `/api/gifts?form=money&orgId=${h.seed.orgs.wuxi}`, { cookie: wx })
    ).json().items[0];
    const res = await h.req('GET', `/api/gifts/${money.id}`, { cookie: wx });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: money.id,
      form: 'money',
      stockStatus: null,
      items: [],
      attachments: [],
    });
  });
});

describe('attachments of a gift', () => {
  let giftId: number;
  let itemId: number;
  beforeAll(async () => {
    const g = (await goods({ items: [line(), line({ name: '棉被', unit: '床' })] })).json() as GiftDetail;
    giftId = g.id;
    itemId = g.items[1]!.id;
  });

  it('stores a quality document and gives it back byte for byte under its Chinese name', async () => {
    const res = await attach(giftId, { fileName: '棉被检验报告 2026.pdf', itemId });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({
      giftId,
      itemId,
      mime: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const png = await attach(giftId, {
      fileName: '现场照片.png',
      mime: 'image/png',
      contentBase64: PNG.toString('base64'),
    });
    expect(png.statusCode).toBe(200);
    const detail = (await h.req('GET', `/api/gifts/${giftId}`, { cookie: wx })).json() as GiftDetail;
    expect(detail.attachments.map((x) => x.fileName)).toEqual(['棉被检验报告 2026.pdf', '现场照片.png']);
    expect(JSON.stringify(detail)).not.toContain(PDF.toString('base64'));

    const dl = await h.req('GET', `/api/gifts/${giftId}/attachments/${a.id}`, { cookie: wx });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="attachment-${a.id}.pdf"; filename*=UTF-8''${encodeURIComponent('棉被检验报告 2026.pdf')}`,
    );
    expect(Buffer.compare(dl.rawPayload, PDF)).toBe(0);
    const audit = (await h.ctx.db.execute(
      sql`select after from audit_log where action = 'gifts.attach' and entity_id = ${String(giftId)} order by id`,
    )) as unknown as { rows: { after: Record<string, unknown> }[] };
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows[0]!.after).toMatchObject({ fileName: '棉被检验报告 2026.pdf', sha256: a.sha256 });
    expect(JSON.stringify(audit.rows)).not.toContain(PDF.toString('base64'));
  });

  it('refuses a file whose content is not the type it claims', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    for (const [mime, content] of [
      ['application/pdf', html],
      ['image/png', PDF],
      ['image/jpeg', PNG],
      ['application/pdf', Buffer.from('%PD')],
    ] as const) {
      const res = await attach(giftId, { mime, contentBase64: content.toString('base64') });
      expect(fieldsOf(res), mime).toEqual(['contentBase64:GOODS_ATTACHMENT_TYPE_MISMATCH']);
    }
    const svg = await attach(giftId, { mime: 'image/svg+xml' });
    expect(svg.json().fields[0].field).toBe('body.mime');
    expect((await attach(giftId, { contentBase64: 'not base64!' })).json().fields[0].field).toBe(
      'body.contentBase64',
    );
    expect((await attach(giftId, { fileName: '../../etc/passwd' })).json().fields[0].field).toBe(
      'body.fileName',
    );
  });

  it('takes a file of exactly 10 MB and refuses one byte more', async () => {
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES, 0x20);
    PDF.copy(big);
    const ok = await attach(giftId, {
      fileName: '捐赠协议扫描件.pdf',
      contentBase64: big.toString('base64'),
    });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(200);
    expect(ok.json().sizeBytes).toBe(ATTACHMENT_MAX_BYTES);
    const over = Buffer.concat([big, Buffer.from(' ')]);
    expect(fieldsOf(await attach(giftId, { contentBase64: over.toString('base64') }))).toEqual([
      'contentBase64:GOODS_ATTACHMENT_TOO_LARGE',
    ]);
    // Far beyond: refused before parsing, with the one error shape.
    const huge = await attach(giftId, { contentBase64: 'A'.repeat(16 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('BODY_TOO_LARGE');
    // Other routes keep the small limit.
    expect((await goods({ note: 'x'.repeat(2 * 1024 * 1024) })).statusCode).toBe(413);
  });

  it('stores a retried upload once', async () => {
    const body = { fileName: '合格证.png', mime: 'image/png', contentBase64: PNG.toString('base64') };
    const first = await post(`/api/gifts/${giftId}/attachments`, body, wx, 'attach-retry-0001');
    const again = await post(`/api/gifts/${giftId}/attachments`, body, wx, 'attach-retry-0001');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const detail = (await h.req('GET', `/api/gifts/${giftId}`, { cookie: wx })).json() as GiftDetail;
    expect(detail.attachments.filter((x) => x.fileName === '合格证.png')).toHaveLength(1);
  });

  it('refuses a line of another gift', async () => {
    const other = (await goods()).json() as GiftDetail;
    expect(fieldsOf(await attach(giftId, { itemId: other.items[0]!.id }))).toEqual(['itemId:NOT_FOUND']);
  });

  it('keeps a gift of goods and its files out of reach of a sibling society', async () => {
    const lxDonor = (
      await h.req('GET', `/api/donors?q=${encodeURIComponent('陈美华')}`, { cookie: lx })
    ).json().items[0].id;
    const lxGoods = await goods({ orgId: h.seed.orgs.liangxi, donorId: lxDonor }, lx);
    expect(lxGoods.statusCode).toBe(200);
    const id = lxGoods.json().id;
    const att = (await attach(id, {}, lx)).json().id;
    const xs = await h.login('xs_admin');
    const missing = await h.req('GET', `/api/gifts/2000000000`, { cookie: xs });
    for (const url of [
      `/api/gifts/${id}`,
      `/api/gifts/${id}/attachments/${att}`,
      `/api/gifts/${id}/receipt.pdf`,
    ]) {
      const res = await h.req('GET', url, { cookie: xs });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toBe(missing.body);
    }
    expect((await attach(id, {}, xs)).statusCode).toBe(404);
    const intrude = await goods({ orgId: h.seed.orgs.liangxi, donorId: lxDonor }, xs);
    expect(fieldsOf(intrude)).toEqual(['orgId:NOT_FOUND']);
    // The parent city sees it; the attachment of one gift is not reachable through another.
    expect((await h.req('GET', `/api/gifts/${id}/attachments/${att}`, { cookie: wx })).statusCode).toBe(200);
    expect((await h.req('GET', `/api/gifts/${giftId}/attachments/${att}`, { cookie: wx })).statusCode).toBe(
      404,
    );
  });
});

describe('receipt of a gift of goods', () => {
  it.skipIf(!hasPoppler && process.env.CI !== 'true')(
    'says 物资捐赠 and lists every line with its quantity, unit and value, over as many pages as needed',
    async () => {
      const items = [
        line({ quantity: 1_050, batchNo: 'AT-2026-0815' }),
        line({
          name: '医用外科口罩',
          spec: '50只/盒',
          unit: '盒',
          quantity: 400,
          unitValueFen: 1_750,
          valuationBasis: 'market',
        }),
        ...Array.from({ length: 40 }, (_, i) =>
          line({
            name: `折叠床${i + 1}号`,
            spec: '钢架',
            unit: '张',
            quantity: 2,
            unitValueFen: 26_000,
            valuationBasis: 'agreement',
          }),
        ),
      ];
      const g = (await goods({ appealId: typhoon, items })).json() as GiftDetail;
      const res = await h.req('GET', `/api/gifts/${g.id}/receipt.pdf`, { cookie: wx });
      expect(res.statusCode).toBe(200);
      const file = path.join(dir, 'goods-receipt.pdf');
      writeFileSync(file, res.rawPayload);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('捐 赠 票 据');
      expect(text).toContain(g.receiptNo);
      expect(text).toContain('物资捐赠（共 42 项，明细见附页）');
      expect(text).toContain('附：捐赠物资明细');
      expect(text).toMatch(/家庭应急包\s+十件套\s+1,050\s*个\s+128\.00\s+134,400\.00\s+发票价/);
      expect(text).toMatch(/医用外科口罩\s+50只\/盒\s+400\s*盒\s+17\.50\s+7,000\.00\s+市场价/);
      expect(text).toMatch(/折叠床40号\s+钢架\s+2\s*张\s+260\.00\s+520\.00\s+协议价/);
      const total = 134_400_00 + 7_000_00 + 40 * 520_00;
      expect(g.amountFen).toBe(total);
      expect(text).toMatch(/合计\s+162,200\.00/);
      expect(text).toContain('¥162,200.00');
      const pages = Number(
        /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)![1],
      );
      // 42 lines and the total, 16 to an annex page: the receipt and three annex pages.
      expect(pages).toBe(4);
      expect(text).toContain('第 3 页');
      expect(
        spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, path.join(dir, 'goods')])
          .status,
      ).toBe(0);
    },
  );
});
