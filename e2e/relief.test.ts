import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { shanghaiDate } from '@boai/contracts';
import { describe, expect, it } from 'vitest';
import { loginAs, shot, useE2e } from './server.ts';

/**
 * Issue 4's journey: a fresh gift of 1,050 家庭应急包 is inspected into 无锡市's warehouse, 梁溪区
 * asks for 300 for the typhoon, 无锡市 approves, picks by scanning the new batch's label at phone
 * width and ships, 梁溪区 scans the label on arrival and signs with a photo; the event page, the
 * gift's 物资去向 and the public trace all show it. The demo already sent 300 kits to 梁溪区 for the
 * same typhoon, so the event's numbers are compared before and after, never as totals.
 */
const e2e = useE2e();

const WAREHOUSE = '无锡市红十字会备灾仓库';
const COUNTY_WAREHOUSE = '梁溪区红十字会应急物资储备点';
const TYPHOON = '2026年第14号台风“海葵”防御与救灾';
const phoneSize = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true };

/** Opens an Ant Design select by its id, optionally types to filter, and clicks the visible option. */
async function choose(page: Page, id: string, option: string | RegExp, typed?: string) {
  await page.locator(`#${id}`).click();
  if (typed) await page.keyboard.type(typed);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: option,
    })
    .first()
    .click();
}

/** The value beside a label in an Ant Design Descriptions block. */
const described = (scope: Locator, label: string) =>
  scope
    .locator('.ant-descriptions-item', { hasText: label })
    .locator('.ant-descriptions-item-content')
    .innerText();

/** Once drawers and modals have finished sliding in (spinners, which never end, aside). */
const settled = (page: Page) =>
  page.waitForFunction(
    "document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)",
  );

/** A screenshot of the settled page. */
async function snap(page: Page, name: string) {
  await settled(page);
  await shot(page, name);
}

const noSideScroll = async (page: Page) => {
  await settled(page);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
};

/** A small PNG, as a phone photo of the signed delivery note would be. */
function notePhoto(): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([200, 22, 29, 255], i);
  return PNG.sync.write(png);
}

describe('relief: a gift of goods from goods-in to signed receipt at a county', () => {
  it('1,050 kits received, 300 allocated for the typhoon, picked by scanning, shipped and signed; the event, the gift and the public trace show it', async () => {
    const url = e2e.server.url;
    const wuxi = e2e.server.orgIds['无锡市红十字会']!;
    const desk = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await loginAs(desk, e2e.server, 'wx_admin');

    // The gift itself is entered through the API (the goods e2e covers its form).
    const donors = await (await desk.request.get(`${url}/api/donors?q=${encodeURIComponent('安泰')}`)).json();
    const appeals = await (await desk.request.get(`${url}/api/appeals?orgId=${wuxi}`)).json();
    const appeal = appeals.items.find((a: { name: string }) => a.name === '2026年防御台风应急救灾专项');
    const created = await desk.request.post(`${url}/api/gifts/goods`, {
      data: {
        orgId: wuxi,
        donorId: donors.items[0].id,
        receivedOn: shanghaiDate(new Date()),
        appealId: appeal.id,
        items: [
          {
            name: '家庭应急包',
            spec: '十件套（含手电、急救包、应急毯、哨子）',
            unit: '个',
            quantity: 1050,
            unitValueFen: 12_800,
            valuationBasis: 'invoice',
            batchNo: 'AT-2026-1101',
          },
        ],
      },
    });
    expect(created.status()).toBe(200);
    const gift = (await created.json()) as { id: number; receiptNo: string };

    // The typhoon's page before: what was already allocated, shipped and signed for (the demo's kits).
    await desk.goto(`${url}/console/disaster-events`);
    await desk.locator('.ant-table-row a', { hasText: TYPHOON }).click();
    await desk.waitForURL((u) => u.searchParams.has('id'));
    const eventId = Number(new URL(desk.url()).searchParams.get('id'));
    const kitRow = desk.locator('#event-needs .ant-table-row', { hasText: '家庭应急包' });
    const kitNumbers = async () => {
      // The flow loads apart from the event: its allocations list filled means the numbers are in.
      await desk.locator('#event-allocations .ant-table-row').first().waitFor();
      const cells = await kitRow.locator('td').allInnerTexts();
      return { allocated: Number(cells[3]), shipped: Number(cells[4]), signed: Number(cells[5]) };
    };
    const before = await kitNumbers();

    // 1. 入库: the gift inspected into the city warehouse, the line stocked as the catalogue's kit.
    await desk.goto(`${url}/console/relief/goods-in`);
    await desk.locator('#goods-in-gift').click();
    await choose(desk, 'giftId', gift.receiptNo, gift.receiptNo);
    await choose(desk, 'warehouseId', WAREHOUSE, WAREHOUSE);
    await desk.locator('#inspector').fill('顾国平');
    // The gift line named like a catalogue item starts mapped to it, all 1,050 accepted.
    const line = desk.locator('[data-line="0"]');
    await expect
      .poll(() => line.locator('.ant-select-selection-item').first().innerText())
      .toContain('家庭应急包');
    await expect.poll(() => desk.locator('#lines_0_acceptedQty').inputValue()).toBe('1050');
    await snap(desk, '90-relief-goods-in-form');
    const received = desk.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/relief/goods-in/gift',
    );
    await desk.locator('#goods-in-gift-submit').click();
    expect((await received).status()).toBe(200);
    const note = desk.locator('.ant-drawer-open', { hasText: '已入库 1 个批次' });
    await note.waitFor();
    // The new batch's label code, in sight beside the item (not behind the table's scroll).
    const codeCell = note
      .locator('.ant-table-row')
      .first()
      .getByText(/^PC\d{8}$/);
    const batchCode = await codeCell.innerText();
    // Measured once the drawer has slid in: mid-slide it still sits partly off to the right.
    await settled(desk);
    const box = (await codeCell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    await snap(desk, '91-relief-goods-in-note');
    // 打印标签: the sheet the button opens is a PDF whose text carries the batch code.
    await desk.locator('#goods-in-labels').click();
    const print = desk.locator('.ant-popover:not(.ant-popover-hidden) a', { hasText: '打印标签' });
    const labels = await desk.request.get(`${url}${await print.getAttribute('href')}`);
    expect(labels.headers()['content-type']).toBe('application/pdf');
    const pdf = path.join(mkdtempSync(path.join(tmpdir(), 'boai-labels-')), 'labels.pdf');
    writeFileSync(pdf, await labels.body());
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(batchCode);
    expect(text.stdout).toContain('家庭应急包');

    // 2. 梁溪区 asks the city's warehouse for 300 kits into its own storage point, for the typhoon.
    const county = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await loginAs(county, e2e.server, 'lx_admin');
    await county.goto(`${url}/console/relief/allocations`);
    await county.locator('#allocation-create').click();
    await choose(county, 'allocation-source', WAREHOUSE, WAREHOUSE);
    await choose(county, 'allocation-to-warehouse', COUNTY_WAREHOUSE, '梁溪');
    await choose(county, 'allocation-event', TYPHOON, '海葵');
    await county.locator('#allocation-purpose').fill('台风“海葵”梁溪区安置点第二批家庭应急包');
    await choose(county, 'allocation-line-0-item', '家庭应急包', '家庭应急包');
    await county.locator('#allocation-line-0-qty').fill('300');
    await snap(county, '92-relief-request');
    const requested = county.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/relief/allocations',
    );
    await county.locator('#allocation-request-submit').click();
    const allocation = (await (await requested).json()) as {
      id: number;
      approvalsNeeded: number;
      picks: { batchCode: string }[];
    };
    expect(allocation.approvalsNeeded).toBe(1);
    // Earliest expiry first: the older demo kits are reserved, not the batch just received.
    expect(allocation.picks.map((p) => p.batchCode)).not.toContain(batchCode);
    const id = allocation.id;

    // 3. The city approves (not the person who asked).
    await desk.goto(`${url}/console/relief/allocations`);
    await desk.locator(`#allocation-open-${id}`).click();
    await desk.locator('#allocation-approve').click();
    await desk.locator('#allocation-approve-text').fill('同意，按安置点人数调拨');
    await desk.locator('#allocation-approve-submit').click();
    const drawer = desk.locator('.ant-drawer-open', { hasText: `调拨单 ${id}` });
    await drawer.locator('.ant-tag', { hasText: '待发运' }).first().waitFor();
    await snap(desk, '93-relief-approved');

    // 4. Picking by scanning at phone width: the new batch's label swaps the reservation onto it.
    const picker = await (await e2e.browser.newContext(phoneSize)).newPage();
    await loginAs(picker, e2e.server, 'wx_admin');
    await picker.goto(`${url}/console/scan`);
    await picker.locator('#scan-task').getByText('拣货').click();
    await choose(picker, 'scan-allocation', new RegExp(`^${id} · `));
    await picker.locator('#scan-pick-list').waitFor();
    await picker.locator('#scan-code').fill(batchCode);
    await picker.locator('#scan-code').press('Enter');
    await picker.locator('#scan-results .scan-ok').first().waitFor();
    const pickList = picker.locator('#scan-pick-list');
    await expect.poll(() => pickList.locator('.ant-list-item').count()).toBe(1);
    await pickList.getByText(batchCode).waitFor();
    await pickList.getByText('300/300').waitFor();
    await noSideScroll(picker);
    await snap(picker, '94-relief-scan-pick-phone');
    const picked = await (await picker.request.get(`${url}/api/relief/allocations/${id}`)).json();
    expect(picked.picks).toEqual([expect.objectContaining({ batchCode, quantity: 300, pickedQty: 300 })]);

    // 5a. Loading the truck: the label checked off by bulk scanning, then shipped.
    await picker.locator('#scan-task').getByText('发运').click();
    await picker.locator('#scan-bulk').fill(`${batchCode}\n`);
    await picker.locator('#scan-bulk-apply').click();
    await picker.locator('#scan-remaining', { hasText: '全部标签已核对' }).waitFor();
    await picker.locator('#scan-finish').click();
    await picker.locator('#allocation-carrier').fill('无锡市红十字会应急运输车');
    await picker.locator('#allocation-tracking').fill('苏B·D2609');
    await noSideScroll(picker);
    await snap(picker, '95-relief-ship-phone');
    await picker.locator('#allocation-ship-submit').click();
    await picker.getByText('已发运，库存已扣减').waitFor();
    await picker.locator('.ant-tag', { hasText: '已发运' }).first().waitFor();

    // 5b. 梁溪区 scans the label off the truck and signs for all 300, with a photo of the signed note.
    const receiver = await (await e2e.browser.newContext(phoneSize)).newPage();
    await loginAs(receiver, e2e.server, 'lx_admin');
    await receiver.goto(`${url}/console/scan`);
    await receiver.locator('#scan-task').getByText('签收').click();
    await choose(receiver, 'scan-allocation', new RegExp(`^${id} · `));
    await receiver.locator('#scan-code').fill(batchCode);
    await receiver.locator('#scan-code').press('Enter');
    await receiver.locator('#scan-remaining', { hasText: '全部标签已核对' }).waitFor();
    await receiver.locator('#scan-finish').click();
    await receiver.locator('#allocation-signer').fill('钱志明');
    expect(await receiver.locator('#allocation-received-0').inputValue()).toBe('300');
    await receiver
      .locator('.ant-drawer-open input[type=file]')
      .setInputFiles({ name: '签收单.png', mimeType: 'image/png', buffer: notePhoto() });
    await receiver.locator('#allocation-sign-photo', { hasText: '签收单.png' }).waitFor();
    await noSideScroll(receiver);
    await snap(receiver, '96-relief-sign-phone');
    await receiver.locator('#allocation-sign-submit').click();
    await receiver.getByText('已签收', { exact: true }).first().waitFor();
    const signed = await (await receiver.request.get(`${url}/api/relief/allocations/${id}`)).json();
    expect(signed).toMatchObject({ status: 'signed', signerName: '钱志明' });
    expect(signed.picks).toEqual([expect.objectContaining({ batchCode, receivedQty: 300 })]);
    expect(signed.attachments).toHaveLength(1);

    // 6a. The event page: these 300 are shipped and signed for, and the allocation is listed.
    await desk.goto(`${url}/console/disaster-events?id=${eventId}`);
    const row = desk.locator(`#event-allocations tr[data-row-key="${id}"]`);
    await row.waitFor();
    const after = await kitNumbers();
    expect(after).toEqual({
      allocated: before.allocated,
      shipped: before.shipped + 300,
      signed: before.signed + 300,
    });
    expect(await row.innerText()).toContain('已签收');
    expect(await row.innerText()).toContain(COUNTY_WAREHOUSE);
    await snap(desk, '97-relief-event');

    // 6b. The gift's page (the goods-gift drawer's 物资去向): 1,050 in, 300 sent to 梁溪区 and signed for.
    await desk.goto(`${url}/console/goods`);
    await desk
      .locator('.ant-table-row', { hasText: gift.receiptNo })
      .locator('[data-action="goods-detail"]')
      .click();
    const journey = desk.locator('[data-section="gift-journey"] [data-journey-line="1"]');
    await journey.waitFor();
    expect(await described(journey, '捐赠数量')).toBe('1,050 个');
    expect(await described(journey, '验收入库')).toBe('1,050 个');
    // Moved to the county's warehouse, the kits are still stock (离库 counts what left every warehouse).
    expect(await described(journey, '在库（含下级仓库）')).toBe('1,050 个');
    const timeline = await journey.locator('.ant-timeline').innerText();
    expect(timeline).toContain(`发往 ${COUNTY_WAREHOUSE}（${TYPHOON}）：300 个`);
    expect(timeline).toContain('签收 300 个');
    expect(timeline).toContain(`${COUNTY_WAREHOUSE}：300 个`);
    expect(timeline).toContain(`${WAREHOUSE}：750 个`);
    await journey.scrollIntoViewIfNeeded();
    await snap(desk, '98-relief-gift-journey');

    // 6c. The public trace at phone width: 物资入库 → 发运 → 签收, verified once the checkpoint has them.
    const donor = await (await e2e.browser.newContext(phoneSize)).newPage();
    await donor.goto(`${url}/p/trace/${gift.receiptNo}`);
    await donor.locator('#trace-overall[data-check="verified"]').waitFor({ timeout: 30_000 });
    const steps = await donor
      .locator('[data-testid="trace-step"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
    const order = ['stocked', 'shipped', 'signed'].map((s) => steps.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const page = await donor.locator('body').innerText();
    for (const step of ['物资入库', '发运', '签收']) expect(page).toContain(step);
    await noSideScroll(donor);
    await snap(donor, '99-relief-trace-phone');
  }, 120_000);
});
