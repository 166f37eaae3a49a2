import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatFen, type DonationReport, type Gift } from '@boai/contracts';
import { loginAs, shot, useE2e } from './server.ts';

const e2e = useE2e();

const giftsOf = async (page: Page, query = '') =>
  (await (await page.request.get(`${e2e.server.url}/api/gifts?pageSize=200${query}`)).json()) as {
    items: Gift[];
    totalFen: number;
  };

/** Opens a gift's row menu and picks one of its actions. */
async function rowAction(page: Page, giftId: number, action: string) {
  await page.locator(`#gift-actions-${giftId}`).click();
  await page.locator(`.ant-dropdown [data-action=${action}]`).click();
}

describe('receipts after the gift: 冲红重开, 撤销, reports, the donor page and the public check', () => {
  let reissued: { old: string; now: string };
  let cancelled: Gift;

  it('梁溪区 voids a receipt and reissues it, then cancels another gift; each asks for a reason first', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await loginAs(page, e2e.server, 'lx_admin');
    const [first, second] = (await giftsOf(page)).items.filter(
      (g) => g.status === 'confirmed' && g.form === 'money' && g.orgName === '梁溪区红十字会',
    );
    await page.goto(`${e2e.server.url}/console/gifts`);

    await rowAction(page, first!.id, 'reissue');
    await page.getByText(`票据 ${first!.receiptNo} 将被冲红作废`).waitFor();
    await page.locator('#gift-reissue-submit').click();
    await page.getByText('请填写原因').waitFor();
    await page.locator('#gift-reissue-reason').fill('抬头有误，捐赠人名称少写一字');
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/gifts/${first!.id}/reissue`));
    await page.locator('#gift-reissue-submit').click();
    const after = (await (await answer).json()) as Gift;
    expect(after.receiptNo).toMatch(/^\d{14}$/);
    expect(after.receiptNo).not.toBe(first!.receiptNo);
    await page.getByText(`已冲红重开，新票据号 ${after.receiptNo}`).waitFor();
    await shot(page, '50-receipt-reissued');
    await page.locator('#gift-reissued-ok').click();
    reissued = { old: first!.receiptNo, now: after.receiptNo };

    await rowAction(page, first!.id, 'receipt-history');
    const history = page.locator('#gift-receipts');
    await history.locator(`[data-receipt="${first!.receiptNo}"]`).waitFor();
    const text = await history.innerText();
    expect(text).toContain('已冲红');
    expect(text).toContain('抬头有误，捐赠人名称少写一字');
    expect(text).toMatch(new RegExp(`已换开为[：:]?\\s*${after.receiptNo}`));
    expect(text).toMatch(new RegExp(`换开自[：:]?\\s*${first!.receiptNo}`));
    await shot(page, '51-receipt-history');
    await page.keyboard.press('Escape');

    const totalBefore = await page.locator('#gift-total').innerText();
    expect(totalBefore).toContain(formatFen((await giftsOf(page)).totalFen, { symbol: true }));
    await rowAction(page, second!.id, 'cancel');
    await page.locator('#gift-cancel-reason').fill('重复登记，已与银行到账明细核对');
    const cancelledAnswer = page.waitForResponse((r) => r.url().endsWith(`/api/gifts/${second!.id}/cancel`));
    await page.locator('#gift-cancel-submit').click();
    cancelled = (await (await cancelledAnswer).json()) as Gift;
    expect(cancelled.status).toBe('cancelled');
    const row = page.locator('tr', { has: page.locator(`#gift-actions-${second!.id}`) });
    await row.getByText('已撤销').waitFor();
    // The amount stays in the list, struck through, and leaves the total.
    expect(await row.locator('del').allInnerTexts()).toContain(
      formatFen(second!.amountFen, { symbol: true }),
    );
    const { totalFen } = await giftsOf(page);
    await page
      .locator('#gift-total')
      .getByText(formatFen(totalFen, { symbol: true }))
      .waitFor();
    await rowAction(page, second!.id, 'receipt-history');
    await page.locator('#gift-receipts').getByText('重复登记，已与银行到账明细核对').waitFor();
    await page.keyboard.press('Escape');
    await page.locator(`#gift-actions-${second!.id}`).click();
    // A cancelled gift has no live receipt to print or void again.
    for (const action of ['reissue', 'cancel'])
      expect(
        await page
          .locator('.ant-dropdown li', { has: page.locator(`[data-action=${action}]`) })
          .getAttribute('aria-disabled'),
      ).toBe('true');
    await shot(page, '52-gift-cancelled');

    const exported = await page.request.get(
      `${e2e.server.url}${await page.locator('#gifts-export').getAttribute('href')}`,
    );
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-type']).toContain('spreadsheetml');
    await page.close();
  }, 120_000);

  it('the report sums what the list counts, by month and by branch, and the donor page lists the cancelled gift', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await loginAs(page, e2e.server, 'lx_admin');
    const orgId = e2e.server.orgIds['梁溪区红十字会']!;
    const report = (await (
      await page.request.get(`${e2e.server.url}/api/donation-reports?orgId=${orgId}&groupBy=org`)
    ).json()) as DonationReport;
    await page.goto(`${e2e.server.url}/console/donation-reports`);
    const table = page.locator('#report-table');
    await table
      .getByText(formatFen(report.amountFen, { symbol: true }))
      .first()
      .waitFor();
    await page.locator('#report-groupby').getByText('按下级组织').click();
    await table.getByText('崇安寺街道红十字会').waitFor();
    await table.getByText('本级').waitFor();
    expect(await table.locator('.ant-table-summary').innerText()).toContain(String(report.giftCount));
    await shot(page, '53-donation-report');

    await page.goto(`${e2e.server.url}/console/donors`);
    await page.locator(`#donor-open-${cancelled.donorId}`).click();
    const gifts = page.locator('#donor-gifts');
    await gifts.getByText(cancelled.receiptNo).waitFor();
    expect(await gifts.innerText()).toContain('已撤销');
    await shot(page, '54-donor-detail');
    await page.close();
  }, 60_000);

  it('staff who may only read see no 冲红 or 撤销 in the menu', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await loginAs(page, e2e.server, 'cas_staff');
    const [gift] = (await giftsOf(page)).items;
    await page.goto(`${e2e.server.url}/console/gifts`);
    await page.locator(`#gift-actions-${gift!.id}`).click();
    await page.locator('.ant-dropdown [data-action=receipt-history]').waitFor();
    expect(await page.locator('.ant-dropdown [data-action=reissue]').count()).toBe(0);
    expect(await page.locator('.ant-dropdown [data-action=cancel]').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('a phone shows a voided receipt as 已作废 in red and leads to the number issued in its place', async () => {
    const phone = await e2e.browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    await phone.goto(`${e2e.server.url}/p/receipts/${reissued.old}`);
    const notice = phone.locator('#receipt-voided');
    await notice.getByText('已作废（冲红）').waitFor();
    expect(await notice.getByText('已作废（冲红）').getAttribute('style')).toContain(
      'color: rgb(207, 19, 34)',
    );
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(phone, '55-phone-receipt-voided');
    await phone.locator('#receipt-replaced-by').click();
    await phone.getByText('票据真实有效').waitFor();
    expect(new URL(phone.url()).pathname).toBe(`/p/receipts/${reissued.now}`);
    expect(await phone.locator('#receipt-number').inputValue()).toBe(reissued.now);

    await phone.goto(`${e2e.server.url}/p/receipts/${cancelled.receiptNo}`);
    await phone.getByText('未换开新票据（该笔捐赠已撤销）').waitFor();
    await phone.close();
  }, 60_000);
});
