import { describe, expect, it } from 'vitest';
import { loginAs, shot, useE2e } from './server.ts';

/**
 * 施救案例 and 年度培训目标 end to end: at phone size a certificate holder finds their commended rescue
 * under their certificate check and reports a new one; staff verify and commend it in the console;
 * 梁溪区 reads its year against its targets (bars per child society, month line, sector pie).
 */
const e2e = useE2e();

interface RescueRow {
  id: number;
  certificateNumber: string;
  rescuerName: string;
  commendation: string | null;
  status: string;
}

describe('rescues and targets', () => {
  it('a holder reports a rescue at 390 px; staff verify and commend it; it shows under the certificate', async () => {
    const desk = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await loginAs(desk, e2e.server, 'js_admin');
    const list = (await (await desk.request.get(`${e2e.server.url}/api/rescues?pageSize=50`)).json()) as {
      items: RescueRow[];
    };
    const commended = list.items.find((r) => r.commendation)!;
    expect(commended).toBeTruthy();

    const phone = await e2e.browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const query = `?name=${encodeURIComponent(commended.rescuerName)}`;
    await phone.goto(`${e2e.server.url}/p/certificates/${commended.certificateNumber}${query}`);
    await phone.locator('#certificate-result').waitFor();
    const credited = phone.locator('#holder-rescues .holder-rescue');
    await credited.first().waitFor();
    expect(await phone.locator('#holder-rescues').innerText()).toContain(commended.commendation!);
    await shot(phone, '100-certificate-with-rescues-phone');

    await phone.locator('#report-rescue').click();
    await phone.locator('#rescue-submit').waitFor();
    expect(await phone.locator('#rescue-cert').inputValue()).toBe(commended.certificateNumber);
    expect(await phone.locator('#rescue-name').inputValue()).toBe(commended.rescuerName);
    // Sent empty: each missing field says so in Chinese, nothing is sent.
    await phone.locator('#rescue-submit').click();
    await phone.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await phone.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('请填写地点');
    const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    await phone.locator('#rescue-when').fill(`${yesterday}T19:20`);
    await phone.locator('#rescue-place').fill('惠山古镇停车场');
    await phone.locator('.rescue-actions').getByText('心肺复苏').click();
    await phone.locator('#rescue-description').fill('一位游客突然倒地，我立即胸外按压，直到 120 到达接手。');
    // Nothing about the person helped but age band and sex: the form has no field for more.
    expect(await phone.locator('input#rescue-casualty-name, input[name*="casualtyName"]').count()).toBe(0);
    const scrollWidth = await phone.evaluate<number>('document.documentElement.scrollWidth');
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await shot(phone, '101-rescue-report-phone');
    await phone.locator('#rescue-submit').click();
    await phone.locator('#rescue-result').waitFor();
    await shot(phone, '102-rescue-reported-phone');

    await desk.goto(`${e2e.server.url}/console/rescues`);
    const row = desk.locator('tr').filter({ hasText: commended.rescuerName }).filter({ hasText: '待核实' });
    await row.first().waitFor();
    await shot(desk, '103-rescues-console');
    await row.first().locator('[data-action="review"]').click();
    await desk.locator('#review-note').fill('已与市急救中心出车记录核对');
    await desk.locator('#save-review').click();
    const verified = desk
      .locator('tr')
      .filter({ hasText: commended.rescuerName })
      .filter({ hasText: '已核实' });
    await verified.locator('[data-action="commend"]').first().waitFor();
    await verified.locator('[data-action="commend"]').first().click();
    await desk.locator('#commendation').fill('惠山区见义勇为救护之星');
    await desk.locator('#save-commend').click();
    await desk.locator('tr').filter({ hasText: '惠山区见义勇为救护之星' }).first().waitFor();
    await shot(desk, '104-rescue-commended');

    await phone.goto(`${e2e.server.url}/p/certificates/${commended.certificateNumber}${query}`);
    await phone.locator('#holder-rescues').getByText('惠山区见义勇为救护之星').waitFor();
    expect(await phone.locator('#holder-rescues').innerText()).not.toContain('惠山古镇停车场');
    await phone.close();
    await desk.close();
  });

  it('shows 梁溪区 its year against its targets, per child society, by month and sector', async () => {
    const desk = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await loginAs(desk, e2e.server, 'lx_admin');
    await desk.goto(`${e2e.server.url}/console/training/targets`);
    await desk.locator('[data-progress="certified"]').waitFor();
    expect(await desk.locator('[data-progress="certified"]').innerText()).toContain('/ 2,880');
    expect(await desk.locator('#targets-children').innerText()).toContain('崇安寺街道红十字会');
    expect(await desk.locator('canvas').count()).toBeGreaterThanOrEqual(2);
    // Let the charts' entry animation finish before the picture.
    await desk.waitForTimeout(1500);
    await shot(desk, '105-training-targets');

    await desk.locator('#edit-target').click();
    await desk.locator('#target-certified').fill('0.35');
    await desk.locator('#save-target').click();
    // 0.35 % of 960 000 people.
    await desk.locator('[data-progress="certified"]').getByText('/ 3,360').waitFor();
    await shot(desk, '106-training-target-set');
    await desk.close();
  });
});
