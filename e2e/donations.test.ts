import { describe, expect, it } from 'vitest';
import { loginAs, shot, useE2e } from './server.ts';

const e2e = useE2e();

describe('a gift from entry to the public check of its receipt', () => {
  it('梁溪区 records a cash gift, gets its receipt number at once, and a member of the public verifies it by phone', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await loginAs(page, e2e.server, 'lx_admin');

    await page.goto(`${e2e.server.url}/console/gifts`);
    await page.locator('#gift-create').click();
    await page.locator('#donorId').click();
    await page.keyboard.type('陈美华');
    await page.locator('.ant-select-item-option', { hasText: '陈美华' }).first().click();
    await page.locator('#channel').click();
    await page.locator('.ant-select-item-option', { hasText: '现金' }).first().click();
    await page.locator('#amount').fill('888.80');
    await shot(page, '20-gift-form');
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/gifts',
    );
    await page.locator('#gift-form-submit').click();
    const gift = await (await created).json();
    expect(gift.amountFen).toBe(88_880);
    expect(gift.receiptNo).toMatch(/^\d{14}$/);
    await page.getByText(gift.receiptNo).first().waitFor();
    await shot(page, '21-gift-recorded');

    const pdf = await page.request.get(`${e2e.server.url}/api/gifts/${gift.id}/receipt.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await page.close();

    const phone = await e2e.browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    await phone.goto(`${e2e.server.url}/p/receipts/${gift.receiptNo}`);
    await phone.getByText('票据真实有效').waitFor();
    const text = await phone.locator('body').innerText();
    expect(text).toContain('¥888.80');
    expect(text).toContain('捌佰捌拾捌元捌角');
    expect(text).toContain('陈*华');
    expect(text).not.toContain('陈美华');
    // phone-first: nothing wider than the screen
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(phone, '22-phone-receipt-check');
    await phone.close();
  }, 120_000);
});
