import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BATCH_CODE_PATTERN, shanghaiDate, type ReliefBatch, addDays } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { loadActor } from '../../platform/auth/load-actor.ts';
import { users } from '../staff/schema.ts';
import { findBatchByCode } from './batches-repository.ts';

/** The stock view, the stock card, finding a batch by its label, and the label sheets themselves. */

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), 'boai-labels-'));
const today = shanghaiDate(new Date());

let h: Harness;
let wx: string;
let lx: string;
let xs: string;
let orgs: Record<string, number>;
const get = (url: string, cookie = wx) => h.req('GET', url, { cookie });
const page = async (url: string, cookie = wx) =>
  (await get(url, cookie)).json() as { items: ReliefBatch[]; total: number };

beforeAll(async () => {
  h = await startHarness();
  [wx, lx, xs] = (await Promise.all(['wx_admin', 'lx_admin', 'xs_admin'].map((u) => h.login(u)))) as [
    string,
    string,
    string,
  ];
  orgs = h.seed.orgs;
});
afterAll(() => h?.close());

const pdfText = (name: string, pdf: Buffer) => {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return {
    file,
    text: spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ''),
    pages: Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)![1]),
  };
};

describe('stock', () => {
  it('lists the demo gift’s kits with their donor, designation and value, and the purchases with their supplier', async () => {
    const kits = await page(`/api/relief/batches?source=gift&q=${encodeURIComponent('家庭应急包')}`);
    expect(kits.total).toBe(2);
    expect(kits.items.map((b) => b.receivedQty).sort((a, b) => a - b)).toEqual([50, 1_000]);
    for (const b of kits.items) {
      expect(b.onHand).toBeLessThanOrEqual(b.receivedQty); // the allocations' demo may have shipped some
      expect(b.code).toMatch(BATCH_CODE_PATTERN);
      expect(b).toMatchObject({
        warehouseName: '无锡市红十字会备灾仓库',
        donorName: '无锡安泰应急装备有限公司',
        unitValueFen: 12_800,
        valueFen: b.onHand * 12_800,
        free: b.onHand - b.reserved,
      });
      expect(b.giftReceiptNo).toMatch(/^\d{14}$/);
      expect(b.locationCode).toMatch(/^A-01-/);
    }
    const bought = await page(
      `/api/relief/batches?source=purchase&warehouseId=${kits.items[0]!.warehouseId}`,
    );
    expect(bought.items.every((b) => b.supplier === '无锡惠民商贸有限公司' && b.donorName === null)).toBe(
      true,
    );
    const quilts = await page(`/api/relief/batches?designated=true&q=${encodeURIComponent('棉被')}`);
    expect(quilts.items[0]).toMatchObject({ onHand: 28, designation: '“博爱送万家”冬季慰问困难家庭' });
    // The donor of the quilts is a person who did not consent: the stock shows the masked name.
    expect(quilts.items[0]!.donorName).toMatch(/\*/);
  });

  it('filters by expiry, society subtree and stock on hand, and never shows a sibling’s batches', async () => {
    const soon = await page('/api/relief/batches?expiringWithinDays=30&pageSize=200', lx);
    expect(soon.total).toBeGreaterThan(0);
    expect(soon.items.every((b) => b.expiresOn! <= addDays(today, 30) && b.onHand > 0)).toBe(true);
    const lxAll = await page('/api/relief/batches?pageSize=200', lx);
    expect(lxAll.items.every((b) => b.orgName === '梁溪区红十字会')).toBe(true);
    const xsAll = await page('/api/relief/batches?pageSize=200', xs);
    expect(xsAll.items.every((b) => !/梁溪|无锡市/.test(b.orgName))).toBe(true);
    const wxTree = await page(`/api/relief/batches?orgId=${orgs.wuxi}&pageSize=200`);
    expect(new Set(wxTree.items.map((b) => b.orgName))).toEqual(
      new Set(['无锡市红十字会', '梁溪区红十字会']),
    );
    const byCode = await page(`/api/relief/batches?q=${kits0().toLowerCase()}`);
    expect(byCode.items.map((b) => b.code)).toEqual([kits0()]);
  });

  it('shows the stock card, its last balance the batch’s on hand', async () => {
    const [batch] = (await page(`/api/relief/batches?q=${kits0()}`)).items;
    const card = (await get(`/api/relief/batches/${batch!.id}`)).json();
    expect(card.movements[0]).toMatchObject({
      kind: 'gift_in',
      quantity: card.receivedQty,
      actor: 'system:demo-seed',
    });
    expect(card.movements.at(-1).balance).toBe(card.onHand);
    expect(card.movements[0].ref).toMatch(/^goods-in:\d+$/);
    expect((await get(`/api/relief/batches/${batch!.id}`, xs)).statusCode).toBe(404);
  });

  it('exports the stock as filtered', async () => {
    const shown = await page(`/api/relief/batches?orgId=${orgs.wuxi}&inStock=true&pageSize=200`);
    const file = await get(`/api/relief/batches/export.xlsx?orgId=${orgs.wuxi}&inStock=true`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(shown.total);
    expect(sheet.getRow(1).getCell(4).value).toBe('批次码');
    expect(String(sheet.getRow(2).getCell(4).value)).toMatch(BATCH_CODE_PATTERN);
  });

  it('finds a batch by its label code typed in any case, and only within the actor’s scope', async () => {
    const code = kits0();
    const actorOf = async (username: string) => {
      const [u] = await h.ctx.db.select().from(users).where(eq(users.username, username));
      return loadActor(h.ctx.db, u!, null);
    };
    const wxActor = await actorOf('wx_admin');
    expect((await findBatchByCode(h.ctx.db, wxActor, ` ${code.toLowerCase()} `)).code).toBe(code);
    await expect(findBatchByCode(h.ctx.db, await actorOf('xs_admin'), code)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(findBatchByCode(h.ctx.db, wxActor, 'PC123')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(findBatchByCode(h.ctx.db, wxActor, 'PC99999999')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

let kitCode = '';
const kits0 = () => kitCode;
beforeAll(async () => {
  kitCode = (await page(`/api/relief/batches?source=gift&q=${encodeURIComponent('家庭应急包')}`)).items[0]!
    .code;
});

describe('labels', () => {
  it.skipIf(!hasPoppler && process.env.CI !== 'true')(
    'prints a goods-in note’s labels on A4 sheets of 24, each with its code as QR and in large type, the item, lot, expiry and source',
    async () => {
      const note = (await get('/api/relief/goods-in?source=gift&pageSize=200'))
        .json()
        .items.find((n: { donorName: string }) => n.donorName === '无锡安泰应急装备有限公司');
      const detail = (await get(`/api/relief/goods-in/${note.id}`)).json();
      const res = await get(`/api/relief/goods-in/${note.id}/labels.pdf?copies=13`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const { file, text, pages } = pdfText('goods-in', res.rawPayload);
      expect(pages).toBe(2); // 2 batches × 13 copies = 26 labels
      expect(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout).toMatch(
        /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/,
      );
      for (const line of detail.lines) expect(text.split(line.batchCode).length - 1).toBe(13);
      expect(text).toContain('家庭应急包');
      expect(text).toContain('批号：AT-2026-0815');
      expect(text).toContain(`有效期至：${detail.lines[0].expiresOn}`);
      expect(text).toContain('无锡市红十字会备灾仓库·A-01-1');
      expect(text).toContain('捐赠：无锡安泰应急装备有限公司');

      // The QR holds exactly the code, what a scanner sends back.
      const out = path.join(dir, 'qr');
      expect(spawnSync('pdfimages', ['-png', '-f', '1', '-l', '1', file, out]).status).toBe(0);
      const found = new Set<string>();
      for (const img of readdirSync(dir).filter((f) => f.startsWith('qr') && f.endsWith('.png'))) {
        const png = PNG.sync.read(readFileSync(path.join(dir, img)));
        const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
        if (qr) found.add(qr.data);
      }
      expect([...found].sort()).toEqual(detail.lines.map((l: { batchCode: string }) => l.batchCode).sort());
    },
  );

  it.skipIf(!hasPoppler && process.env.CI !== 'true')(
    'prints chosen batches, showing a designated batch’s recipient in red, and refuses too many at once',
    async () => {
      const quilt = (await page(`/api/relief/batches?designated=true&q=${encodeURIComponent('棉被')}`))
        .items[0]!;
      const water = (await page(`/api/relief/batches?source=purchase&q=${encodeURIComponent('矿泉水')}`))
        .items[0]!;
      const res = await get(`/api/relief/batches/labels.pdf?batchIds=${quilt.id},${water.id}&copies=2`);
      expect(res.statusCode, res.body).toBe(200);
      const { text, pages } = pdfText('chosen', res.rawPayload);
      expect(pages).toBe(1);
      expect(text).toContain(quilt.code);
      expect(text).toContain(water.code);
      expect(text).toContain('定向：“博爱送万家”冬季慰问困难家庭');
      expect(text).toContain('采购：无锡惠民商贸有限公司');
      expect(text).toContain('棉被');

      const five = (await page('/api/relief/batches?pageSize=5')).items.map((b) => b.id);
      expect(five).toHaveLength(5);
      const many = await get(`/api/relief/batches/labels.pdf?batchIds=${five.join(',')}&copies=500`);
      expect(many.statusCode).toBe(400);
      expect(many.json().code).toBe('RELIEF_LABELS_TOO_MANY');
      expect((await get(`/api/relief/batches/labels.pdf?batchIds=${quilt.id}`, xs)).statusCode).toBe(404);
      expect((await get('/api/relief/batches/labels.pdf?batchIds=abc')).statusCode).toBe(400);
    },
  );
});
