import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loginAs, shot, useE2e } from './server.ts';

/**
 * AED map at phone size with no map tiles (this machine has no internet, and the tile host is blocked
 * outright): a member of the public near 三阳广场 shares their location and gets the ten nearest AEDs
 * with distances and walking directions; one who refuses location picks an area instead. Staff see the
 * registry and the due list.
 */
const e2e = useE2e();
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true };

describe('AEDs', () => {
  it('finds the nearest AEDs at phone size with map tiles unreachable', async () => {
    const context = await e2e.browser.newContext({
      ...PHONE,
      geolocation: { latitude: 31.5768, longitude: 120.3004 },
      permissions: ['geolocation'],
    });
    let tileRequests = 0;
    await context.route(/autonavi|tile/, (route) => {
      tileRequests++;
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/p/aeds`);
    const items = page.locator('[data-testid="aed-list"] li');
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(10);
    const first = await items.first().innerText();
    expect(first).toContain('三阳广场站');
    expect(first).toMatch(/向.{1,2}步行约 \d+ 米（约 \d+ 分钟）|就在附近/);
    const texts = await items.allInnerTexts();
    expect(texts.join('\n')).not.toMatch(/1[3-9]\d{9}|\*{4}/);
    await expect.poll(() => page.getByText('地图底图暂时无法加载').count(), { timeout: 15_000 }).toBe(1);
    expect(tileRequests).toBeGreaterThan(0);
    await shot(page, '90-aeds-phone-nearest-offline');
    await context.close();
  });

  it('lets someone who refuses location choose an area instead', async () => {
    const context = await e2e.browser.newContext({ ...PHONE, permissions: [] });
    await context.route(/autonavi|tile/, (route) => route.abort('internetdisconnected'));
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/p/aeds`);
    await page.getByText('未获得定位权限').waitFor({ timeout: 20_000 });
    await shot(page, '91-aeds-phone-refused');
    await page.locator('[data-testid="aed-area"]').click();
    await page.getByTitle(/^江阴市红十字会/).click();
    const items = page.locator('[data-testid="aed-list"] li');
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(10);
    expect(await items.first().innerText()).toMatch(/江阴/);
    await expect(page.getByText('按「江阴市红十字会」查找').count()).resolves.toBe(1);
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await shot(page, '92-aeds-phone-area');
    await context.close();
  });

  it('shows staff the registry with its filters and the due list', async () => {
    const desk = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await loginAs(desk, e2e.server, 'lx_admin');
    await desk.goto(`${e2e.server.url}/console/aeds`);
    await desk.getByText('地铁1号线三阳广场站').first().waitFor({ timeout: 20_000 });
    await shot(desk, '93-aeds-registry');
    await desk.getByText('详情').first().click();
    await desk.getByText('巡检记录').waitFor();
    await shot(desk, '94-aeds-detail');
    await desk.keyboard.press('Escape');
    await desk.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    // The create form checks coordinates and the mobile as they are typed, with the contract's rules.
    await desk.getByRole('button', { name: /登记 AED/ }).click();
    await desk.locator('#lat').fill('131.5');
    await desk.locator('#responsibleMobile').fill('1381234');
    await desk.locator('#responsibleMobile').blur();
    await desk.getByText('纬度应在 -90 到 90 之间').waitFor({ timeout: 8000 });
    await desk.getByText('手机号码格式不正确').waitFor({ timeout: 8000 });
    await shot(desk, '94b-aeds-form-invalid');
    await desk.keyboard.press('Escape');
    await desk.goto(`${e2e.server.url}/console/aeds/due`);
    await desk
      .getByText(/已过期 \d+ 天/)
      .first()
      .waitFor({ timeout: 20_000 });
    await shot(desk, '95-aeds-due');

    // Import: a file with one bad row; the good rows go in, a second import creates nothing.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('AED');
    ws.addRow([
      '序列号',
      '型号',
      '场所类型',
      '场所名称',
      '地址',
      '纬度',
      '经度',
      '产权单位',
      '责任人',
      '责任人电话',
      '安装日期',
      '电池有效期至',
      '电极片有效期至',
      '状态',
    ]);
    ws.addRow([
      'E2E-001',
      'ZOLL AED Plus',
      '学校',
      '梁溪区实验小学',
      '无锡市梁溪区学前街 1 号体育馆',
      '31.5721',
      '120.3012',
      '梁溪区实验小学',
      '周红',
      '13812340001',
      '2025-09-01',
      '2029-09-01',
      '2027-09-01',
      '',
    ]);
    ws.addRow([
      'E2E-002',
      'ZOLL AED Plus',
      '电影院',
      '万达影城',
      '无锡市梁溪区清扬路 1 号',
      '31.56',
      '120.30',
      '万达影城',
      '钱程',
      '13812340002',
      '2025-09-01',
      '2029-09-01',
      '2027-09-01',
      '',
    ]);
    ws.addRow([
      'E2E-003',
      '鱼跃 M600',
      '社区',
      '广益佳苑社区',
      '无锡市梁溪区广益佳苑 12 号',
      '31.6',
      '120.33',
      '广益佳苑社区',
      '孙力',
      '13812340003',
      '2025-09-01',
      '2029-09-01',
      '2027-09-01',
      '维修',
    ]);
    const file = {
      name: 'AED导入.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    };
    await desk.goto(`${e2e.server.url}/console/aeds/import`);
    await desk.locator('input[type=file]').setInputFiles(file);
    await desk.getByText('应为 地铁站、学校', { exact: false }).waitFor({ timeout: 20_000 });
    await shot(desk, '96-aeds-import-preview');
    await desk.locator('#aed-import-commit').click();
    await desk.getByText('已导入 2 台，跳过 0 台已登记的').waitFor({ timeout: 20_000 });
    await desk.locator('input[type=file]').setInputFiles(file);
    await desk.getByText(/有效 2 行（其中 2 台已登记，将跳过）/).waitFor({ timeout: 20_000 });
    expect(await desk.locator('#aed-import-commit').count()).toBe(0);
    await shot(desk, '97-aeds-reimport');
    await desk.close();
  });
});
