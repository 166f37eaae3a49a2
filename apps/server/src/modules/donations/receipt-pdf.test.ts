import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

/** Reads the PDF back the way a person's viewer would: real text extraction and a rendered page. */
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), 'boai-receipt-'));

let h: Harness;
let wx: string;
beforeAll(async () => {
  h = await startHarness();
  wx = await h.login('wx_admin');
});
afterAll(() => h?.close());

describe('receipt PDF', () => {
  it.skipIf(!hasPoppler && process.env.CI !== 'true')(
    'prints the number, donor, amount in capitals and the verification QR as real Chinese text',
    async () => {
      const gifts = (
        await h.req('GET', `/api/gifts?orgId=${h.seed.orgs.wuxi}&pageSize=50`, { cookie: wx })
      ).json().items;
      const gift = gifts.find((g: { donorName: string }) => g.donorName === '无锡红豆实业股份有限公司');
      const res = await h.req('GET', `/api/gifts/${gift.id}/receipt.pdf`, { cookie: wx });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const file = path.join(dir, 'receipt.pdf');
      writeFileSync(file, res.rawPayload);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('捐 赠 票 据');
      expect(text).toContain(gift.receiptNo);
      expect(text).toContain('无锡红豆实业股份有限公司');
      expect(text).toContain('伍拾万元整');
      expect(text).toContain('¥500,000.00');
      expect(text).toContain('定向：太湖流域防汛救灾专项');
      expect(text).toContain('无锡市红十字会');
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Pages:\s+1\n/);
      expect(res.rawPayload.length).toBeLessThan(400 * 1024);
      // render it too, so a person can look at it (and so a broken font would show as an error here)
      const png = spawnSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, path.join(dir, 'receipt')]);
      expect(png.status).toBe(0);
    },
  );

  it('lets anyone verify a receipt by its number, showing only the public name', async () => {
    const gift = (await h.req('GET', `/api/gifts?orgId=${h.seed.orgs.liangxi}&pageSize=50`, { cookie: wx }))
      .json()
      .items.find((g: { donorName: string }) => g.donorName === '陈美华');
    const res = await h.req('GET', `/api/public/receipts/${gift.receiptNo}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      number: gift.receiptNo,
      status: 'issued',
      amountFen: 100_000,
      donorPublicName: '陈*华',
      orgName: '梁溪区红十字会',
    });
    expect(res.body).not.toContain('陈美华');
    expect((await h.req('GET', '/api/public/receipts/20269999999999')).statusCode).toBe(404);
    expect((await h.req('GET', '/api/public/receipts/abc')).statusCode).toBe(400);
  });

  it('is out of reach of another society like any other row', async () => {
    const wxGift = (
      await h.req('GET', `/api/gifts?orgId=${h.seed.orgs.wuxi}&pageSize=1`, { cookie: wx })
    ).json().items[0];
    const sz = await h.login('sz_admin');
    const res = await h.req('GET', `/api/gifts/${wxGift.id}/receipt.pdf`, { cookie: sz });
    expect(res.statusCode).toBe(404);
  });
});
