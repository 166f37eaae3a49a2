import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, useE2e } from './server.ts';

/**
 * 善款去向 on a phone: a gift made through the donate page, its receipt's trace page shows every step
 * verified in the browser against the signed checkpoint; a proof altered on its way to the browser
 * shows 未通过验证. Then the office's 公开账本 page: status, entries and a verifier run.
 */
const e2e = useE2e();
const shots = path.resolve(import.meta.dirname, '../test-results');
mkdirSync(shots, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

const phoneOf = async () =>
  (
    await e2e.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    })
  ).newPage();

async function donate(phone: Page, appealId: number): Promise<string> {
  await phone.goto(`${e2e.server.url}/p/donate/${appealId}`);
  await phone.getByRole('radio', { name: '500 元' }).click();
  await phone.locator('#donate-name').fill('周静怡');
  await phone.locator('#donate-submit').click();
  await phone.waitForURL((u) => u.pathname.startsWith('/p/sandbox-pay/'));
  await phone.locator('#sandbox-pay').click();
  await phone.waitForURL((u) => u.pathname.startsWith('/p/donate/orders/'), { timeout: 20_000 });
  await phone.locator('#donate-receipt-link').waitFor({ timeout: 20_000 });
  return (await phone.locator('body').innerText()).match(/\d{14}/)![0];
}

const stepChecks = (phone: Page) =>
  phone
    .locator('[data-testid="trace-step"]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-step'), e.getAttribute('data-check')]));

describe('善款去向 and the public ledger', () => {
  it('a gift’s trace verifies step by step at 390 px, and a tampered proof does not', async () => {
    const desk = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await loginAs(desk, e2e.server, 'lx_admin');
    const liangxi = e2e.server.orgIds['梁溪区红十字会']!;
    const appeals = await (await desk.request.get(`${e2e.server.url}/api/appeals?orgId=${liangxi}`)).json();
    const appealId = appeals.items.find((a: { name: string }) => a.name.includes('天使计划')).id as number;

    const phone = await phoneOf();
    const receiptNo = await donate(phone, appealId);

    // The office publishes the day, so the trace has a 公示 step too.
    await desk.goto(`${e2e.server.url}/console/disclosure`);
    await desk.getByText(receiptNo).waitFor();
    await desk.locator('#disclosure-publish').click();
    await desk.locator('#disclosure-confirm').click();
    await desk.getByText('该日公示已发布').waitFor();

    // From the receipt check (where the QR code leads) to the trace.
    await phone.goto(`${e2e.server.url}/p/receipts/${receiptNo}`);
    await phone.getByText('票据真实有效').waitFor();
    await phone.locator('#receipt-trace').click();
    await phone.waitForURL((u) => u.pathname === `/p/trace/${receiptNo}`);
    // Steps younger than the checkpointer's second show 待入账 first; the page refreshes itself.
    await phone.locator('#trace-overall[data-check="verified"]').waitFor({ timeout: 20_000 });
    const steps = await stepChecks(phone);
    expect(steps.map(([s]) => s)).toEqual(expect.arrayContaining(['received', 'receipted', 'published']));
    expect(steps.every(([, c]) => c === 'verified')).toBe(true);
    const text = await phone.locator('body').innerText();
    expect(text).toContain('已验证');
    expect(text).toContain('500.00');
    expect(text).not.toContain('周静怡');
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(phone, 'ledger-trace-verified');

    // The ledger record of a step opens to its canonical text and leaf hash.
    await phone
      .getByText(/查看账本记录 #\d+/)
      .first()
      .click();
    await phone.locator('pre').first().waitFor();
    await phone.waitForTimeout(500); // let the panel finish opening before the picture
    expect(await phone.locator('pre').first().innerText()).toMatch(
      /^\{"amountFen":50000,.*"kind":"gift\.received"/,
    );
    await shot(phone, 'ledger-trace-entry');

    // A proof changed on its way to the browser: the browser's own check refuses it.
    await phone.route('**/api/public/ledger/trace/*', async (route) => {
      const response = await route.fetch();
      const trace = await response.json();
      const proof = trace.steps[0].proof;
      const first: string = proof.hashes[0];
      proof.hashes[0] = (first[0] === 'A' ? 'B' : 'A') + first.slice(1);
      await route.fulfill({ response, json: trace });
    });
    await phone.reload();
    await phone.locator('#trace-overall[data-check="failed"]').waitFor({ timeout: 20_000 });
    const tampered = await stepChecks(phone);
    expect(tampered[0]![1]).toBe('failed');
    expect(tampered.slice(1).every(([, c]) => c === 'verified')).toBe(true);
    expect(await phone.locator('body').innerText()).toContain('未通过验证');
    await shot(phone, 'ledger-trace-tampered');
    await phone.unroute('**/api/public/ledger/trace/*');

    // The disclosure home's search box leads to the same page.
    await phone.goto(`${e2e.server.url}/p/disclosure`);
    await phone.locator('#disclosure-trace-number').fill(receiptNo);
    await phone.locator('#disclosure-trace-number').press('Enter');
    await phone.waitForURL((u) => u.pathname === `/p/trace/${receiptNo}`);
    await phone.locator('#trace-overall[data-check="verified"]').waitFor({ timeout: 20_000 });

    // In English too.
    await phone.evaluate("localStorage.setItem('boai.lang', 'en')");
    await phone.reload();
    await phone.locator('#trace-overall[data-check="verified"]').waitFor({ timeout: 20_000 });
    const english = await phone.locator('body').innerText();
    expect(english).toContain('Where my gift went');
    expect(english).toContain('What was checked?');
    expect(english).not.toContain('已验证');
    await shot(phone, 'ledger-trace-english');

    // 公开账本 in the console: the society's log with its witness, the gift's entries, a clean verifier run.
    await desk.goto(`${e2e.server.url}/console/ledger`);
    await desk.locator('#ledger-status').getByText('梁溪区红十字会').waitFor();
    await desk.locator('#ledger-status').getByText('已联署').first().waitFor();
    await shot(desk, 'ledger-console-status');
    await desk.getByRole('tab', { name: '账本条目' }).click();
    await desk.locator('#ledger-receipt').fill(receiptNo);
    await desk.getByRole('button', { name: /查\s*询/ }).click();
    const table = desk.locator('.ant-table-tbody');
    // the whole log was listed before the search: wait until only this receipt's entries are
    await expect.poll(() => table.getByText('开具票据').count(), { timeout: 10_000 }).toBe(1);
    await table.getByText('接收捐赠').waitFor();
    await shot(desk, 'ledger-console-entries');
    await desk.getByRole('tab', { name: '校验' }).click();
    await desk.locator('#ledger-verify').click();
    await desk.locator('#ledger-verify-result [data-ok="true"]').waitFor({ timeout: 60_000 });
    await shot(desk, 'ledger-console-verified');
  }, 240_000);
});
