import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), 'boai-certificate-'));

let h: Harness;
let lx: string;
beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
});
afterAll(() => h?.close());

const giftOf = async (donorName: string) =>
  (await h.req('GET', `/api/gifts?orgId=${h.seed.orgs.liangxi}&pageSize=100`, { cookie: lx }))
    .json()
    .items.find((g: { donorName: string }) => g.donorName === donorName);

describe('donation certificate PDF', () => {
  it.skipIf(!hasPoppler && process.env.CI !== 'true')(
    'names the donor, the gift in capitals, the designation and the receipt it belongs to, on one page',
    async () => {
      const gift = await giftOf('陈美华');
      const res = await h.req('GET', `/api/gifts/${gift.id}/certificate.pdf`, { cookie: lx });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('捐赠证书'));
      const file = path.join(dir, 'certificate.pdf');
      writeFileSync(file, res.rawPayload);
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      expect(text).toContain('捐赠证书');
      expect(text).toContain('陈美华：');
      expect(text).toContain('人民币壹仟元整（¥1,000.00）');
      expect(text).toContain('天使计划');
      expect(text).toContain(`ZS${gift.receiptNo}`);
      expect(text).toContain('梁溪区红十字会');
      expect(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout).toMatch(/Pages:\s+1\n/);
      const png = spawnSync('pdftoppm', ['-png', '-r', '50', '-singlefile', file, path.join(dir, 'cert')]);
      expect(png.status).toBe(0);
    },
  );

  it('calls an anonymous giver 爱心人士 and refuses a gift outside the caller’s scope as missing', async () => {
    const xs = await h.login('xs_admin');
    const gift = await giftOf('陈美华');
    const other = await h.req('GET', `/api/gifts/${gift.id}/certificate.pdf`, { cookie: xs });
    const missing = await h.req('GET', `/api/gifts/2000000000/certificate.pdf`, { cookie: xs });
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
    const anon = (await h.req('GET', `/api/gifts?pageSize=200`, { cookie: lx }))
      .json()
      .items.find((g: { donorName: string }) => g.donorName === '爱心人士');
    if (hasPoppler && anon) {
      const res = await h.req('GET', `/api/gifts/${anon.id}/certificate.pdf`, { cookie: lx });
      const file = path.join(dir, 'anon.pdf');
      writeFileSync(file, res.rawPayload);
      expect(spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout).toContain('爱心人士：');
    }
  });
});
