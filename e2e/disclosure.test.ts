import { shanghaiDate } from '@boai/contracts';
import { describe, expect, it } from 'vitest';
import { loginAs, shot, useE2e } from './server.ts';

const e2e = useE2e();

describe('一天一公示 from the console to the public phone page', () => {
  it('梁溪区 previews and publishes today; the public sees the masked name, the totals and the honour roll', async () => {
    const liangxi = e2e.server.orgIds['梁溪区红十字会']!;
    const desk = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await loginAs(desk, e2e.server, 'lx_admin');
    // What today's batch already holds (a demo scan gift lands on today after 05:00 Shanghai time).
    const received = async () => {
      const m = /接收捐赠\s*(\d+) 笔 · ¥([\d,]+\.\d\d)/.exec(await desk.locator('#disclosure-totals').innerText());
      return { count: Number(m![1]), fen: Math.round(Number(m![2]!.replace(/,/g, '')) * 100) };
    };
    await desk.goto(`${e2e.server.url}/console/disclosure`);
    await desk.locator('#disclosure-totals').waitFor();
    const before = await received();
    const donors = await (
      await desk.request.get(`${e2e.server.url}/api/donors?q=${encodeURIComponent('陈美华')}`)
    ).json();
    const gift = await desk.request.post(`${e2e.server.url}/api/gifts`, {
      data: {
        orgId: liangxi,
        donorId: donors.items[0].id,
        channel: 'cash',
        amountFen: 88_800,
        receivedOn: shanghaiDate(new Date()),
      },
    });
    expect(gift.status()).toBe(200);
    const receiptNo = (await gift.json()).receiptNo;

    await desk.goto(`${e2e.server.url}/console/disclosure`);
    await desk.getByText(receiptNo).waitFor();
    expect(await received()).toEqual({ count: before.count + 1, fen: before.fen + 88_800 });
    await shot(desk, '60-disclosure-preview');
    await desk.locator('#disclosure-publish').click();
    await desk.locator('#disclosure-confirm').click();
    await desk.getByText('该日公示已发布').waitFor();
    await shot(desk, '61-disclosure-published');

    const phone = await e2e.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await phone.goto(`${e2e.server.url}/`);
    await phone.getByText('捐赠信息公开').click();
    await phone.getByText('梁溪区红十字会').first().click();
    await phone.getByText(shanghaiDate(new Date())).first().click();
    await phone.getByText(receiptNo).waitFor();
    const batchText = await phone.locator('body').innerText();
    expect(batchText).toContain('陈*华');
    expect(batchText).not.toContain('陈美华');
    await shot(phone, '62-disclosure-batch-phone');

    await phone.goBack();
    await phone.getByRole('tab', { name: '功德榜' }).click();
    await phone.getByText('爱心人士（逐笔）').click();
    await phone.locator('.ant-tabs-tabpane-active').getByText('¥888.00').waitFor();
    expect(await phone.locator('body').innerText()).not.toContain('陈美华');
    await shot(phone, '63-honour-roll-phone');
  }, 120_000);
});
