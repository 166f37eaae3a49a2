import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { loginAs, shot, useE2e } from './server.ts';

/**
 * The whole journey at phone size: a donor scans an appeal's code and gives anonymously, a
 * second gives by name; the office publishes the day; the public page shows the totals and the masked
 * honour roll; the QR code printed on the receipt opens a page that confirms it.
 */
const e2e = useE2e();
const dir = mkdtempSync(path.join(tmpdir(), 'boai-journey-'));

const phoneOf = async () =>
  (
    await e2e.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    })
  ).newPage();

/** Scans (opens) the appeal's donate link, gives, pays at the sandbox cashier; returns the receipt number. */
async function donate(
  phone: Page,
  appealId: number,
  amount: string,
  who: { name?: string },
  shotName: string,
) {
  await phone.goto(`${e2e.server.url}/p/donate/${appealId}`);
  await phone.getByText('“天使计划”困境儿童医疗救助').waitFor();
  await phone.getByRole('radio', { name: amount }).click();
  if (who.name) await phone.locator('#donate-name').fill(who.name);
  else await phone.locator('#donate-anonymous').click();
  await phone.locator('#donate-submit').click();
  await phone.waitForURL((u) => u.pathname.startsWith('/p/sandbox-pay/'));
  await phone.locator('#sandbox-pay').click();
  await phone.waitForURL((u) => u.pathname.startsWith('/p/donate/orders/'), { timeout: 20_000 });
  const link = phone.locator('#donate-receipt-link');
  await link.waitFor({ timeout: 20_000 });
  await shot(phone, shotName);
  const text = await phone.locator('body').innerText();
  const receiptNo = text.match(/\d{14}/)![0];
  return { receiptNo, text };
}

/** Reads the QR code printed on a receipt PDF, as a phone camera would. */
function qrOfPdf(pdf: Buffer): string {
  const file = path.join(dir, 'receipt.pdf');
  writeFileSync(file, pdf);
  const out = path.join(dir, 'img');
  expect(spawnSync('pdfimages', ['-png', file, out]).status).toBe(0);
  const images = readdirSync(dir).filter((f) => f.startsWith('img') && f.endsWith('.png'));
  for (const img of images) {
    const png = PNG.sync.read(readFileSync(path.join(dir, img)));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    if (code) return code.data;
  }
  throw new Error('no QR code found on the receipt');
}

describe('the donations journey on a phone', () => {
  it('scan, give anonymously and by name, publish the day, see the honour roll, verify by the receipt QR', async () => {
    const desk = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await loginAs(desk, e2e.server, 'lx_admin');
    const liangxi = e2e.server.orgIds['梁溪区红十字会']!;
    const appeals = await (await desk.request.get(`${e2e.server.url}/api/appeals?orgId=${liangxi}`)).json();
    const appealId = appeals.items.find((a: { name: string }) => a.name.includes('天使计划')).id as number;

    const anon = await donate(await phoneOf(), appealId, '50 元', {}, '70-journey-anonymous-thanks');
    expect(anon.text).toContain('爱心人士');
    const named = await donate(
      await phoneOf(),
      appealId,
      '500 元',
      { name: '周静怡' },
      '71-journey-named-thanks',
    );
    expect(named.text).toContain('周*怡');
    expect(named.text).not.toContain('周静怡');

    // The office publishes today's disclosure.
    await desk.goto(`${e2e.server.url}/console/disclosure`);
    await desk.getByText(named.receiptNo).waitFor();
    await desk.getByText(anon.receiptNo).waitFor();
    await desk.locator('#disclosure-publish').click();
    await desk.locator('#disclosure-confirm').click();
    await desk.getByText('该日公示已发布').waitFor();
    await shot(desk, '72-journey-published');

    // The public page of 梁溪区: totals, the day's list and the honour roll — masked, never the name.
    const phone = await phoneOf();
    await phone.goto(`${e2e.server.url}/p/disclosure/${liangxi}`);
    await phone.getByRole('tab', { name: '功德榜' }).waitFor();
    const page = await phone.locator('body').innerText();
    expect(page).toMatch(/¥[\d,]+\.\d{2}/);
    await phone.getByRole('tab', { name: '功德榜' }).click();
    await phone.getByText('爱心人士（逐笔）').click();
    const roll = phone.locator('.ant-tabs-tabpane-active');
    await roll.getByText('周*怡').waitFor();
    await roll.getByText('¥500.00').first().waitFor();
    await roll.getByText('¥50.00').first().waitFor();
    expect(await phone.locator('body').innerText()).not.toContain('周静怡');
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(phone, '73-journey-honour-roll');

    // The receipt PDF's QR code leads to the public check, which confirms it.
    const gifts = await (
      await desk.request.get(`${e2e.server.url}/api/gifts?receiptNo=${named.receiptNo}`)
    ).json();
    const pdf = await desk.request.get(`${e2e.server.url}/api/gifts/${gifts.items[0].id}/receipt.pdf`);
    expect(pdf.status()).toBe(200);
    const target = qrOfPdf(await pdf.body());
    expect(target).toMatch(new RegExp(`/p/receipts/${named.receiptNo}$`));
    await phone.goto(`${e2e.server.url}${new URL(target).pathname}`);
    await phone.getByText('票据真实有效').waitFor();
    const check = await phone.locator('body').innerText();
    expect(check).toContain('周*怡');
    expect(check).toContain('500.00');
    await shot(phone, '74-journey-receipt-qr-check');
  }, 240_000);
});
