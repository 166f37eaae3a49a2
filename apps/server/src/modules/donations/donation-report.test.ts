import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

let h: Harness;
let wx: string;
beforeAll(async () => {
  h = await startHarness();
  wx = await h.login('wx_admin');
});
afterAll(() => h?.close());

type Row = { key: string; label: string; giftCount: number; amountFen: number };
const report = async (cookie: string, query: string) =>
  h.req('GET', `/api/donation-reports?${query}`, { cookie });

describe('donation reports and exports', () => {
  it('sums each grouping of the same subtree and period to the same total as the gift list', async () => {
    const list = (
      await h.req('GET', `/api/gifts?orgId=${h.seed.orgs.wuxi}&pageSize=200`, { cookie: wx })
    ).json();
    const money = list.items.filter(
      (g: { form: string; status: string }) => g.form === 'money' && g.status === 'confirmed',
    );
    const expected = money.reduce((s: number, g: { amountFen: number }) => s + g.amountFen, 0);
    for (const groupBy of ['month', 'channel', 'designation', 'org']) {
      const res = await report(wx, `orgId=${h.seed.orgs.wuxi}&groupBy=${groupBy}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.amountFen).toBe(expected);
      expect(body.giftCount).toBe(money.length);
      expect(body.rows.reduce((s: number, r: Row) => s + r.amountFen, 0)).toBe(expected);
    }
  });

  it('rolls a city up to itself and its counties, labelled in Chinese', async () => {
    const rows: Row[] = (await report(wx, `orgId=${h.seed.orgs.wuxi}&groupBy=org`)).json().rows;
    const labels = rows.map((r) => r.label);
    expect(labels).toContain('本级');
    expect(labels).toContain('梁溪区红十字会');
    // 崇安寺街道 is below 梁溪区: its gifts count in 梁溪区's line, never as a line of its own
    expect(labels.some((l) => l.includes('崇安寺'))).toBe(false);
    const channels: Row[] = (await report(wx, `orgId=${h.seed.orgs.wuxi}&groupBy=channel`)).json().rows;
    expect(channels.map((r) => r.label)).toContain('银行转账');
  });

  it('refuses a society outside the caller’s scope and a reversed period', async () => {
    const xs = await h.login('xs_admin');
    const res = await report(xs, `orgId=${h.seed.orgs.liangxi}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'orgId', code: 'NOT_FOUND' });
    const bad = await report(wx, `orgId=${h.seed.orgs.wuxi}&from=2026-05-01&to=2026-04-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('querystring.to');
  });

  it('exports the filtered gift list and the report as .xlsx that opens and adds up', async () => {
    const res = await h.req('GET', `/api/gifts/export.xlsx?orgId=${h.seed.orgs.liangxi}`, { cookie: wx });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('捐赠明细')!;
    const list = (
      await h.req('GET', `/api/gifts?orgId=${h.seed.orgs.liangxi}&pageSize=200`, { cookie: wx })
    ).json();
    expect(sheet.rowCount).toBe(list.total + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('票据号码');
    const receiptNos = new Set(list.items.map((g: { receiptNo: string }) => g.receiptNo));
    expect(receiptNos.has(String(sheet.getRow(2).getCell(1).value))).toBe(true);

    const rep = await h.req(
      'GET',
      `/api/donation-reports/export.xlsx?orgId=${h.seed.orgs.wuxi}&groupBy=org`,
      {
        cookie: wx,
      },
    );
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load(rep.rawPayload as unknown as ArrayBuffer);
    const s2 = book2.worksheets[0]!;
    const last = s2.getRow(s2.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    const json = (await report(wx, `orgId=${h.seed.orgs.wuxi}&groupBy=org`)).json();
    expect(Math.round(Number(last.getCell(3).value) * 100)).toBe(json.amountFen);
  });
});
