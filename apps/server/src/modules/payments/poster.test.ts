import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), 'boai-poster-'));

let h: Harness;
let lx: string;
let xs: string;
let angelId: number;
let floodId: number;
beforeAll(async () => {
  // Port 9 (discard) has no listener here: the payment provider is unreachable in this file.
  h = await startHarness({
    publicUrl: 'https://donate.example.org.cn',
    paymentSandboxUrl: 'http://127.0.0.1:9',
  });
  lx = await h.login('lx_admin');
  xs = await h.login('xs_admin');
  const wx = await h.login('wx_admin');
  const all = (await h.req('GET', '/api/appeals', { cookie: wx })).json().items as {
    id: number;
    name: string;
  }[];
  angelId = all.find((a) => a.name.includes('天使计划'))!.id;
  floodId = all.find((a) => a.name.includes('太湖流域'))!.id;
});
afterAll(() => h?.close());

describe('QR code and poster of an appeal', () => {
  it('gives staff of the society a printable PNG QR code', async () => {
    const res = await h.req('GET', `/api/appeals/${angelId}/qr.png`, { cookie: lx });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const png = res.rawPayload;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, right after the signature and chunk header.
    expect(png.readUInt32BE(16)).toBe(600);
    expect(png.readUInt32BE(20)).toBe(600);
    expect(png.length).toBeLessThan(50_000);
  });

  it.skipIf(!hasPoppler && process.env.CI !== 'true')(
    'prints an A4 poster on one page naming the society, the appeal, its filing number and the donate address',
    async () => {
      const res = await h.req('GET', `/api/appeals/${angelId}/poster.pdf`, { cookie: lx });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const file = path.join(dir, 'poster.pdf');
      writeFileSync(file, res.rawPayload);
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Pages:\s+1\n/);
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      expect(text).toContain('梁溪区红十字会');
      expect(text).toContain('“天使计划”困境儿童医疗救助');
      expect(text).toContain('扫码捐赠');
      expect(text).toContain('慈善中国备案编号：53320213MJ5600012A26001');
      expect(text).toContain(`https://donate.example.org.cn/p/donate/${angelId}`);
    },
  );

  it("keeps a sibling society's appeal out of reach: 404 exactly like a missing appeal", async () => {
    for (const suffix of ['qr.png', 'poster.pdf']) {
      const foreign = await h.req('GET', `/api/appeals/${angelId}/${suffix}`, { cookie: xs });
      const missing = await h.req('GET', `/api/appeals/2000000000/${suffix}`, { cookie: xs });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.body).toBe(missing.body);
    }
    // A parent society sees its children's appeals; a county does not see its city's.
    expect((await h.req('GET', `/api/appeals/${floodId}/qr.png`, { cookie: lx })).statusCode).toBe(404);
  });
});

describe('public appeal summary', () => {
  it('shows name, society, target, progress and whether it takes gifts — no login needed', async () => {
    const res = await h.req('GET', `/api/public/appeals/${angelId}`);
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({
      id: angelId,
      name: '“天使计划”困境儿童医疗救助',
      orgName: '梁溪区红十字会',
      kind: 'project',
      targetFen: 30_000_000,
      open: true,
    });
    // The demo's cash gift (1,000 yuan), a scan gift (300) and two paid scan orders (500 + 10).
    expect(a.receivedFen).toBe(181_000);
    expect(a.giftCount).toBe(4);
    expect(JSON.stringify(a)).not.toMatch(/陈美华|孙建国|陆家豪/);
  });

  it('answers 404 for an appeal that does not exist', async () => {
    expect((await h.req('GET', '/api/public/appeals/2000000000')).statusCode).toBe(404);
  });
});

describe('when the payment provider cannot be reached', () => {
  it('answers 503 (never 500), keeps the order, and a retry with the same key replays the same order', async () => {
    const body = { appealId: angelId, amountFen: 5_000, anonymous: true };
    const send = () =>
      h.app.inject({
        method: 'POST',
        url: '/api/public/donations',
        headers: { 'idempotency-key': 'retry-after-outage-1' },
        payload: body,
      });
    const first = await send();
    expect(first.statusCode).toBe(503);
    expect(first.json().code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    const again = await send();
    expect(again.statusCode).toBe(503);
    const orders = await h.ctx.db.execute(
      sql`select status from payment_orders where amount_fen = 5000 and donor_name is null and status = 'created'`,
    );
    expect((orders as unknown as { rows: unknown[] }).rows).toEqual([{ status: 'created' }]);
  });
});
