import { describe, expect, it } from 'vitest';
import { loginAs, shot, useE2e } from './server.ts';

const e2e = useE2e();

describe('scan to donate, on a phone', () => {
  it('梁溪区 prints the poster; a donor scans it, pays at the sandbox cashier and gets a verifiable receipt', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await loginAs(page, e2e.server, 'lx_admin');
    await page.goto(`${e2e.server.url}/console/appeals`);
    const row = page.locator('tr', { hasText: '天使计划' }).first();
    await row.getByText('海报').waitFor();
    await shot(page, '40-appeals-qr-actions');
    const appealId = Number(
      (await row.locator('a', { hasText: '二维码' }).getAttribute('href'))!.match(/appeals\/(\d+)\/qr/)![1],
    );
    const poster = await page.request.get(`${e2e.server.url}/api/appeals/${appealId}/poster.pdf`);
    expect(poster.status()).toBe(200);
    expect(poster.headers()['content-type']).toBe('application/pdf');
    await page.close();

    const phone = await e2e.browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    await phone.goto(`${e2e.server.url}/p/donate/${appealId}`);
    await phone.getByText('“天使计划”困境儿童医疗救助').waitFor();
    expect(await phone.locator('body').innerText()).toContain('梁溪区红十字会');
    await shot(phone, '41-phone-donate');

    // Validated as typed: a bad custom amount and a bad phone are flagged before anything is sent.
    await phone.getByRole('radio', { name: '其他金额' }).click();
    await phone.locator('#donate-amount-other').fill('12.345');
    await phone.getByText('请输入正确的金额，最多两位小数').waitFor();
    await phone.locator('#donate-mobile').fill('12345');
    await phone.locator('.ant-form-item-explain-error').nth(1).waitFor();
    await shot(phone, '42-phone-donate-errors');

    await phone.getByRole('radio', { name: '100 元' }).click();
    await phone.locator('#donate-name').fill('林晓雨');
    await phone.locator('#donate-mobile').fill('13912340099');
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await phone.locator('#donate-submit').click();

    await phone.waitForURL((u) => u.pathname.startsWith('/p/sandbox-pay/'));
    await phone.getByText('付款给 红十字会').waitFor();
    expect(await phone.locator('body').innerText()).toContain('100.00');
    await shot(phone, '43-phone-sandbox-cashier');
    await phone.locator('#sandbox-pay').click();

    await phone.waitForURL((u) => u.pathname.startsWith('/p/donate/orders/'), { timeout: 20_000 });
    await phone.getByText('感谢您的爱心捐赠！').waitFor();
    const receiptLink = phone.locator('#donate-receipt-link');
    await receiptLink.waitFor({ timeout: 20_000 });
    const text = await phone.locator('body').innerText();
    expect(text).toContain('¥100.00');
    expect(text).toContain('林*雨');
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(phone, '44-phone-donate-thanks');

    const certHref = await phone.locator('#donate-certificate').getAttribute('href');
    const cert = await phone.request.get(`${e2e.server.url}${certHref}`);
    expect(cert.status()).toBe(200);
    expect(cert.headers()['content-type']).toBe('application/pdf');

    await receiptLink.click();
    await phone.getByText('票据真实有效').waitFor();
    expect(await phone.locator('body').innerText()).toContain('林*雨');
    await phone.close();
  }, 120_000);
});
