import { shanghaiDate } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGbk } from '../../testing/gbk.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';

let h: Harness;
let lx: string;
let xs: string;
let liangxi: number;

const DAY_MS = 86_400_000;
/** A day before today, as YYYY-MM-DD (so no row is ever "in the future"). */
const ago = (n: number) => shanghaiDate(new Date(Date.now() - n * DAY_MS));
const tomorrow = () => shanghaiDate(new Date(Date.now() + DAY_MS));

async function xlsx(rows: (string | number | Date | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('明细');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n')).toString('base64');

const upload = (cookie: string, body: Record<string, unknown>) =>
  h.req('POST', '/api/gift-imports', {
    cookie,
    body: { orgId: liangxi, source: 'bank', fileName: '明细.csv', ...body },
  });
const commit = (cookie: string, id: number) =>
  h.req('POST', `/api/gift-imports/${id}/commit`, { cookie, body: {} });

const rowsOf = async <T>(q: ReturnType<typeof sql>) =>
  ((await h.ctx.db.execute(q)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
  xs = await h.login('xs_admin');
  liangxi = h.seed.orgs.liangxi!;
});
afterAll(() => h?.close());

describe('importing a bank statement (.xlsx)', () => {
  const header = ['交易日期', '交易流水号', '对方户名', '对方账号', '借方金额', '贷方金额', '摘要'];
  let file: string;
  let importId: number;

  beforeAll(async () => {
    const d = (n: number) => new Date(`${ago(n)}T00:00:00Z`);
    file = await xlsx([
      ['无锡农村商业银行 账户明细查询'],
      ['账号：0501 0120 0001 2345', null, '户名：无锡市梁溪区红十字会'],
      header,
      [d(6), 'NS2026A001', '无锡市梁溪区惠民商贸有限公司', '3201 0088 1234', null, 8000, '捐赠 助学'],
      [d(6), 'NS2026A002', '刘思远', '6222 0210 0001', null, '1,000.50', '爱心捐款'],
      [d(5), 'NS2026A003', '刘思远', '6222 0210 0001', null, 99.9, '月捐'],
      [d(5), 'NS2026A004', '无锡市梁溪区红十字会', null, '2,300.00', null, '支付 培训费'],
      [d(4), 'NS2026A005', '韩梅', '6228 4804 0002', null, '12.345', ''],
      [d(4), 'NS2026A006', null, null, null, '500.00', ''],
      [tomorrow(), 'NS2026A007', '邹凯', '6228 4804 0003', null, '200.00', ''],
      [ago(3).replaceAll('-', ''), 'NS2026A008', '徐静', '6217 0010 0004', null, '¥66.00', ''],
      [d(3), 'NS2026A009', '周强', '6217 0010 0005', null, 'abc', ''],
      ['合计', null, null, null, '2,300.00', '9,744.40', null],
    ]);
  });

  it('previews: counts valid, error and debit rows and reports each error in Chinese, by row and column', async () => {
    const res = await upload(lx, { fileName: '农商行-9月.xlsx', contentBase64: file });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    importId = p.id;
    expect(p).toMatchObject({
      status: 'previewed',
      source: 'bank',
      orgName: '梁溪区红十字会',
      totalRows: 9,
      validRows: 4,
      errorRows: 4,
      debitRows: 1,
      duplicates: 0,
      validFen: 800_000 + 100_050 + 9_990 + 6_600,
      createdGifts: 0,
    });
    expect(p.errors.map((e: { text: string }) => e.text)).toEqual([
      '第 8 行「贷方金额」：金额最多保留两位小数',
      '第 9 行「对方户名」：户名为空',
      '第 10 行「交易日期」：日期晚于今天',
      '第 12 行「贷方金额」：金额格式不正确',
    ]);
    expect(p.errors[0]).toEqual({
      row: 8,
      column: '贷方金额',
      message: '金额最多保留两位小数',
      text: '第 8 行「贷方金额」：金额最多保留两位小数',
    });
    expect(p.sample.map((r: { row: number; receivedOn: string; amountFen: number }) => r.row)).toEqual([
      4, 5, 6, 11,
    ]);
    expect(p.sample[3]).toMatchObject({ receivedOn: ago(3), amountFen: 6_600, payer: '徐静' });
    // Nothing is recorded by a preview.
    const [n] = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from gifts where import_id = ${importId}`,
    );
    expect(n!.n).toBe(0);
  });

  it('commits the valid rows as bank gifts with receipts, one donor per payer name, and audits both steps', async () => {
    const res = await commit(lx, importId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      alreadyCommitted: false,
      import: { status: 'committed', createdGifts: 4, duplicates: 0 },
    });
    const gifts = await rowsOf<{
      channel: string;
      amount_fen: number;
      received_on: string;
      external_ref: string;
      number: string | null;
      kind: string;
      name: string;
      donor_id: number;
    }>(sql`select g.channel, g.amount_fen, g.received_on::text, g.external_ref, r.number, d.kind, d.name, g.donor_id
           from gifts g join donors d on d.id = g.donor_id left join receipts r on r.id = g.receipt_id
           where g.import_id = ${importId} order by g.id`);
    expect(gifts.map((g) => [g.external_ref, g.amount_fen, g.kind, g.name])).toEqual([
      ['NS2026A001', 800_000, 'enterprise', '无锡市梁溪区惠民商贸有限公司'],
      ['NS2026A002', 100_050, 'person', '刘思远'],
      ['NS2026A003', 9_990, 'person', '刘思远'],
      ['NS2026A008', 6_600, 'person', '徐静'],
    ]);
    expect(gifts.every((g) => g.channel === 'bank' && /^\d{14}$/.test(g.number ?? ''))).toBe(true);
    expect(gifts[1]!.donor_id).toBe(gifts[2]!.donor_id);
    expect(gifts[0]!.received_on).toBe(ago(6));
    const audit = await rowsOf<{ action: string }>(
      sql`select action from audit_log where entity_type = 'gift_import' and entity_id = ${String(importId)} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['gift_imports.preview', 'gift_imports.commit']);
  });

  it('does nothing when the same import is committed again', async () => {
    const res = await commit(lx, importId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ alreadyCommitted: true, import: { createdGifts: 4 } });
    const [n] = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from gifts where import_id = ${importId}`,
    );
    expect(n!.n).toBe(4);
  });

  it('re-importing the same file creates no gift: every valid row is a duplicate', async () => {
    const counts = sql`select (select count(*)::int from gifts) as gifts, (select count(*)::int from donors) as donors`;
    const before = await rowsOf<{ gifts: number; donors: number }>(counts);
    const p = (await upload(lx, { fileName: '农商行-9月（重新下载）.xlsx', contentBase64: file })).json();
    expect(p).toMatchObject({ validRows: 4, duplicates: 4 });
    expect(p.sample.every((r: { duplicate: boolean }) => r.duplicate)).toBe(true);
    const c = (await commit(lx, p.id)).json();
    expect(c.import).toMatchObject({ createdGifts: 0, duplicates: 4, status: 'committed' });
    // Not even a donor: rows already imported are left out before donors are registered.
    expect(await rowsOf(counts)).toEqual(before);
  });

  it('imports only the new rows of an overlapping statement', async () => {
    const overlapping = await xlsx([
      header,
      [ago(5), 'NS2026A003', '刘思远', '6222 0210 0001', null, 99.9, '月捐'],
      [ago(3), 'NS2026A008', '徐静', '6217 0010 0004', null, '66.00', ''],
      [ago(2), 'NS2026A010', '谢芳', '6217 0010 0006', null, '300.00', ''],
      [ago(1), 'NS2026A011', '江苏华兴建设集团', '3205 0001', null, '20,000.00', '捐赠'],
    ]);
    const p = (await upload(lx, { fileName: '农商行-9月下旬.xlsx', contentBase64: overlapping })).json();
    expect(p).toMatchObject({ validRows: 4, duplicates: 2 });
    const c = (await commit(lx, p.id)).json();
    expect(c.import).toMatchObject({ createdGifts: 2, duplicates: 2 });
    const refs = await rowsOf<{ external_ref: string }>(
      sql`select external_ref from gifts where import_id = ${p.id} order by id`,
    );
    expect(refs.map((r) => r.external_ref)).toEqual(['NS2026A010', 'NS2026A011']);
  });
});

describe('importing files without serial numbers, in GBK', () => {
  it('imports identical rows as separate gifts, and recognises all of them on re-import', async () => {
    const text = [
      '记账日期,付款人名称,收入金额,支出金额,附言',
      `${ago(4)},钱文杰,100.00,,捐款`,
      `${ago(4)},钱文杰,100.00,,捐款`,
      `${ago(3)},无锡市锡惠学校,"3,000.00",,助学`,
    ].join('\r\n');
    const body = { fileName: '工行明细.csv', contentBase64: encodeGbk(text).toString('base64') };
    const p = (await upload(lx, body)).json();
    expect(p).toMatchObject({ validRows: 3, errorRows: 0, duplicates: 0 });
    expect(p.sample.map((r: { payer: string; memo: string }) => [r.payer, r.memo])).toEqual([
      ['钱文杰', '捐款'],
      ['钱文杰', '捐款'],
      ['无锡市锡惠学校', '助学'],
    ]);
    expect((await commit(lx, p.id)).json().import.createdGifts).toBe(3);
    const again = (await upload(lx, body)).json();
    expect(again).toMatchObject({ validRows: 3, duplicates: 3 });
    expect((await commit(lx, again.id)).json().import.createdGifts).toBe(0);
  });
});

describe('importing a platform export (99公益日)', () => {
  it('records platform gifts, nicknames as anonymous donors, designated to the chosen appeal', async () => {
    const appeal = (await h.req('GET', '/api/appeals', { cookie: lx }))
      .json()
      .items.find((a: { orgId: number; open: boolean }) => a.orgId === liangxi && a.open);
    const text = [
      '\ufeff订单号,支付时间,实付金额,昵称,项目名称,留言',
      `99GY0001,${ago(2)} 10:23:11,9.99,小太阳☀,博爱家园,加油`,
      `99GY0002,${ago(2)} 10:25:00,"1,000.00",无锡华润燃气有限公司,博爱家园,`,
      `99GY0003,${ago(2)} 11:00:00,0.01,,博爱家园,`,
      `,${ago(1)} 09:00:00,5.00,阿明,博爱家园,`,
    ].join('\n');
    const p = (
      await upload(lx, {
        source: 'platform',
        fileName: '99公益日-导出.csv',
        contentBase64: Buffer.from(text).toString('base64'),
        appealId: appeal.id,
      })
    ).json();
    expect(p).toMatchObject({ validRows: 4, errorRows: 0, appealId: appeal.id, appealName: appeal.name });
    expect(p.sample[3].externalRef).toMatch(/^fp:/);
    expect((await commit(lx, p.id)).json().import.createdGifts).toBe(4);
    const gifts = await rowsOf<{
      channel: string;
      appeal_id: number;
      kind: string;
      name: string;
      note: string;
    }>(
      sql`select g.channel, g.appeal_id, d.kind, d.name, g.note from gifts g join donors d on d.id = g.donor_id
          where g.import_id = ${p.id} order by g.id`,
    );
    expect(gifts.map((g) => [g.channel, g.appeal_id, g.kind, g.name])).toEqual([
      ['platform', appeal.id, 'anonymous', '爱心人士'],
      ['platform', appeal.id, 'enterprise', '无锡华润燃气有限公司'],
      ['platform', appeal.id, 'anonymous', '爱心人士'],
      ['platform', appeal.id, 'anonymous', '爱心人士'],
    ]);
    expect(gifts[0]!.note).toBe('平台昵称：小太阳☀；项目：博爱家园；留言：加油；订单号：99GY0001');
  });

  it("refuses to designate a statement to another society's appeal", async () => {
    const other = (await h.req('GET', '/api/appeals', { cookie: await h.login('wx_admin') }))
      .json()
      .items.find((a: { orgId: number }) => a.orgId !== liangxi);
    const res = await upload(lx, { contentBase64: csv(['交易日期,贷方金额,对方户名']), appealId: other.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'appealId', code: 'GIFT_APPEAL_OTHER_ORG' });
  });
});

describe('refusing files that cannot be imported', () => {
  it('names the missing columns in one file-level error', async () => {
    const res = await upload(lx, { contentBase64: csv(['日期,金额,对方户名', `${ago(1)},100,张三`]) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'GIFT_IMPORT_COLUMNS_MISSING',
      message:
        '文件缺少必需的列：交易日期（或 记账日期/入账日期/交易时间）、贷方金额（或 收入金额/入账金额/贷方发生额/收入）。请对照导入模板检查表头',
    });
  });

  it('refuses an unreadable workbook, an empty file and an .xls', async () => {
    const broken = await upload(lx, { fileName: 'a.xlsx', contentBase64: csv(['not a zip']) });
    expect(broken.json().code).toBe('GIFT_IMPORT_FILE_UNREADABLE');
    const empty = await upload(lx, { contentBase64: csv(['交易日期,贷方金额,对方户名']) });
    expect(empty.json().code).toBe('GIFT_IMPORT_FILE_EMPTY');
    const xls = await upload(lx, { fileName: '明细.xls', contentBase64: csv(['x']) });
    expect(xls.json().fields[0]).toMatchObject({
      field: 'body.fileName',
      message: '仅支持 .xlsx 或 .csv 文件（.xls 请先另存为 .xlsx）',
    });
  });

  it('refuses a file over 15 MB with a clear message, and nothing is stored', async () => {
    const stored = sql`select count(*)::int as n from gift_imports`;
    const before = await rowsOf(stored);
    const res = await upload(lx, { contentBase64: 'A'.repeat(20 * 1024 * 1024 + 4) });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({
      field: 'body.contentBase64',
      message: '文件不能超过 15 MB，请按月份分开导出后分批导入',
    });
    const way = await upload(lx, { contentBase64: 'A'.repeat(30 * 1024 * 1024) });
    expect(way.statusCode).toBe(413);
    expect(await rowsOf(stored)).toEqual(before);
  });
});

describe('a 2,000-row statement', () => {
  it('commits in one go and every gift gets its receipt', async () => {
    const lines = ['交易日期,交易流水号,对方户名,贷方金额,摘要'];
    for (let i = 0; i < 2000; i++) {
      lines.push(
        `${ago(1 + (i % 20))},BIG${String(i).padStart(6, '0')},捐赠人${i % 700},${(i % 97) + 1}.${String(i % 100).padStart(2, '0')},捐款`,
      );
    }
    const p = (await upload(lx, { fileName: '全年明细.csv', contentBase64: csv(lines) })).json();
    expect(p).toMatchObject({ totalRows: 2000, validRows: 2000, errorRows: 0 });
    const started = Date.now();
    const res = await commit(lx, p.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().import.createdGifts).toBe(2000);
    console.log(`2,000-row commit with receipts: ${Date.now() - started} ms`);
    const [r] = await rowsOf<{ n: number; receipted: number; donors: number; fen: number }>(
      sql`select count(*)::int as n, count(receipt_id)::int as receipted, count(distinct donor_id)::int as donors,
                 sum(amount_fen)::bigint as fen
          from gifts where import_id = ${p.id}`,
    );
    expect(r).toMatchObject({ n: 2000, receipted: 2000, donors: 700, fen: p.validFen });
  }, 120_000);
});

describe('society scope', () => {
  it('a sibling society cannot preview into 梁溪区, commit its imports, nor read them', async () => {
    const body = { contentBase64: csv(['交易日期,贷方金额,对方户名', `${ago(1)},100,张三`]) };
    const preview = await upload(xs, body);
    expect(preview.statusCode).toBe(400);
    expect(preview.json().fields[0]).toMatchObject({ field: 'orgId', code: 'NOT_FOUND' });

    const own = (await upload(lx, body)).json();
    const missing = 2_000_000_000;
    for (const [method, url] of [
      ['POST', `/api/gift-imports/${own.id}/commit`],
      ['GET', `/api/gift-imports/${own.id}`],
    ] as const) {
      const res = await h.req(method, url, { cookie: xs, body: method === 'POST' ? {} : undefined });
      const miss = await h.req(method, url.replace(String(own.id), String(missing)), {
        cookie: xs,
        body: method === 'POST' ? {} : undefined,
      });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toBe(miss.body);
    }
    const list = (await h.req('GET', '/api/gift-imports?pageSize=200', { cookie: xs })).json();
    expect(list.items.some((i: { orgId: number }) => i.orgId === liangxi)).toBe(false);
    expect((await h.req('GET', `/api/gift-imports/${own.id}`, { cookie: lx })).json().status).toBe(
      'previewed',
    );
  });

  it('lists the history of the societies in scope, newest first, with the demo import among them', async () => {
    const list = (
      await h.req('GET', `/api/gift-imports?orgId=${liangxi}&pageSize=100`, { cookie: lx })
    ).json();
    expect(list.total).toBeGreaterThan(5);
    const ids = list.items.map((i: { id: number }) => i.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));
    const demo = list.items.at(-1);
    expect(demo).toMatchObject({ status: 'committed', errorRows: 1, debitRows: 1, createdGifts: 5 });
    const detail = (await h.req('GET', `/api/gift-imports/${demo.id}`, { cookie: lx })).json();
    expect(detail.errors).toHaveLength(1);
    expect(detail.errors[0].text).toMatch(/^第 10 行「贷方金额」：金额格式不正确$/);
  });
});

describe('the template', () => {
  it('holds the expected headers and an example row that imports cleanly', async () => {
    for (const source of ['bank', 'platform'] as const) {
      const res = await h.req('GET', `/api/gift-imports/template.xlsx?source=${source}`, { cookie: lx });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const headers = (wb.worksheets[0]!.getRow(1).values as string[]).slice(1);
      expect(headers).toEqual(
        source === 'bank'
          ? ['交易日期', '贷方金额', '借方金额', '对方户名', '对方账号', '交易流水号', '摘要']
          : ['订单号', '捐赠时间', '捐赠金额', '捐赠人', '项目名称', '留言'],
      );
      const p = await upload(lx, {
        source,
        fileName: 'template.xlsx',
        contentBase64: res.rawPayload.toString('base64'),
      });
      expect(p.json()).toMatchObject({ validRows: 1, errorRows: 0 });
    }
  });
});

describe('idempotency', () => {
  it('a retried upload with the same Idempotency-Key answers the first preview and stores one', async () => {
    const send = () =>
      h.app.inject({
        method: 'POST',
        url: '/api/gift-imports',
        headers: { cookie: lx, 'idempotency-key': 'import-retry-0001' },
        payload: {
          orgId: liangxi,
          source: 'bank',
          fileName: '重试.csv',
          contentBase64: csv(['交易日期,贷方金额,对方户名', `${ago(1)},100,重试者`]),
        },
      });
    const first = await send();
    const second = await send();
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const [n] = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from gift_imports where file_name = '重试.csv'`,
    );
    expect(n!.n).toBe(1);
  });
});
