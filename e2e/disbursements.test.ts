import { describe, expect, it } from 'vitest';
import { loginAs, shot, useE2e } from './server.ts';

const e2e = useE2e();

describe('拨付 with approval', () => {
  it('梁溪区 requests from an appeal within its balance, 无锡市 approves, the appeal shows it spent', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await loginAs(page, e2e.server, 'lx_admin');
    await page.goto(`${e2e.server.url}/console/disbursements`);
    await page.getByText('困境儿童医疗救助（白血病患儿住院费用补助）').first().waitFor();
    await shot(page, '60-disbursements-list');

    await page.locator('#disbursement-create').click();
    await page.locator('#disbursement-fund').click();
    const angel = page.locator('.ant-select-item-option', { hasText: '天使计划' }).first();
    const label = await angel.innerText();
    const balance = Number(/余额 ¥([\d,]+\.\d\d)/.exec(label)![1]!.replace(/,/g, ''));
    expect(balance).toBeGreaterThan(0);
    await angel.click();
    // More than the balance is refused as it is typed, before anything is sent.
    await page.locator('#disbursement-amount').fill(String(balance + 1));
    await page.getByText(/超出可用余额/).waitFor();
    await page.locator('#disbursement-amount').fill('200');
    await page.getByText(/超出可用余额/).waitFor({ state: 'detached' });
    await page.locator('#disbursement-purpose').fill('困境儿童医疗救助（康复治疗费用）');
    await page.locator('#disbursement-recipient-name').fill('患儿家长 王女士');
    await shot(page, '61-disbursement-request');
    const requested = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/disbursements',
    );
    await page.locator('#disbursement-request-submit').click();
    const d = await (await requested).json();
    expect(d).toMatchObject({ status: 'pending', amountFen: 20_000, requestedBy: 'lx_admin' });
    // The requester cannot approve their own request: no approve button on their row.
    await page.locator(`#disbursement-cancel-${d.id}`).waitFor();
    expect(await page.locator(`#disbursement-approve-${d.id}`).count()).toBe(0);
    await page.close();

    const city = await e2e.browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await loginAs(city, e2e.server, 'wx_admin');
    await city.goto(`${e2e.server.url}/console/disbursements`);
    await city.locator(`#disbursement-approve-${d.id}`).click();
    await city.getByText('确认批准向“患儿家长 王女士”拨付 ¥200.00').waitFor();
    await city.locator('#disbursement-approve-text').fill('同意');
    const approved = city.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/disbursements/${d.id}/approve`,
    );
    await city.locator('#disbursement-approve-submit').click();
    expect((await (await approved).json()).status).toBe('approved');
    await shot(city, '62-disbursement-approved');

    await city.getByRole('tab', { name: '资金余额' }).click();
    await city.locator('#fund-balances').getByText('太湖流域防汛救灾专项').waitFor();
    await shot(city, '63-fund-balances');

    await city.goto(`${e2e.server.url}/console/appeals`);
    const row = city.locator('tr', { hasText: '天使计划' });
    await row
      .getByText(/¥1,000\.00/)
      .first()
      .waitFor(); // 800 (demo) + 200 spent
    await city.close();
  });

  it('works on a 390 px phone', async () => {
    const phone = await e2e.browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    await loginAs(phone, e2e.server, 'wx_admin');
    await phone.goto(`${e2e.server.url}/console/disbursements`);
    await phone.locator('#disbursement-totals').waitFor();
    await shot(phone, '64-disbursements-phone');
    const overflow = (await phone.evaluate(
      'document.documentElement.scrollWidth - window.innerWidth',
    )) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });
});
