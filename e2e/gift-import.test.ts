import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../apps/server/src/testing/gbk.ts';
import { loginAs, shot, useE2e } from './server.ts';

const e2e = useE2e();

const day = (n: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() - n * 86_400_000),
  );

/** A statement as a Chinese bank exports it: GBK, title line, one debit row, one bad amount. */
const statement = () =>
  encodeGbk(
    [
      '中国银行 对公账户明细',
      '交易日期,交易流水号,对方户名,对方账号,借方金额,贷方金额,摘要',
      `${day(3)},E2E0001,无锡市梁溪区新华书店有限公司,3201001,,"2,000.00",捐赠图书款`,
      `${day(3)},E2E0002,沈佳怡,6222001,,50.00,爱心捐款`,
      `${day(2)},E2E0003,无锡市梁溪区红十字会,,300.00,,支付 物流费`,
      `${day(2)},E2E0004,顾伟,6222002,,12.345,`,
    ].join('\r\n'),
  );

describe('导入到账明细', () => {
  it('梁溪区 uploads a GBK bank statement, sees its row errors, imports the valid rows, and finds them in the history', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await loginAs(page, e2e.server, 'lx_admin');
    await page.goto(`${e2e.server.url}/console/gift-import`);
    // The demo import is in the history, its one bad row kept visible.
    await page.locator('[data-action="open-import"]').first().waitFor();
    await shot(page, '40-gift-import-page');
    await page.locator('[data-action="open-import"]').last().click();
    await page.locator('#gift-import-errors').getByText('金额格式不正确').waitFor();
    await shot(page, '41-gift-import-demo-preview');
    await page.getByRole('button', { name: '关闭预览' }).click();

    const previewed = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/gift-imports',
    );
    // antd puts the Dragger's id on its file input.
    await page.locator('input#gift-import-file').setInputFiles({
      name: '中行明细.csv',
      mimeType: 'text/csv',
      buffer: statement(),
    });
    const preview = await (await previewed).json();
    expect(preview).toMatchObject({ validRows: 2, errorRows: 1, debitRows: 1, duplicates: 0 });
    const card = page.locator('#gift-import-preview');
    await card.getByText('第 6 行').waitFor();
    expect(await card.locator('[data-stat="valid"]').innerText()).toContain('2');
    expect(await card.locator('#gift-import-errors').innerText()).toContain('金额最多保留两位小数');
    await shot(page, '42-gift-import-preview');

    const committed = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/commit'));
    await page.locator('#gift-import-commit').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    const result = await (await committed).json();
    expect(result).toMatchObject({ alreadyCommitted: false, import: { createdGifts: 2 } });
    await card.getByText('已导入：新登记 2 笔，跳过已导入 0 笔').waitFor();
    await shot(page, '43-gift-import-committed');

    // The gifts carry receipt numbers at once.
    const gifts = await page.request.get(`${e2e.server.url}/api/gifts?channel=bank&pageSize=50`);
    const names = (await gifts.json()).items
      .filter((g: { receiptNo: string }) => /^\d{14}$/.test(g.receiptNo))
      .map((g: { donorName: string }) => g.donorName);
    expect(names).toEqual(expect.arrayContaining(['无锡市梁溪区新华书店有限公司', '沈佳怡']));
    await page.close();
  });

  it('works on a 390 px phone screen without sideways scrolling of the page', async () => {
    const phone = await e2e.browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    await loginAs(phone, e2e.server, 'lx_admin');
    await phone.goto(`${e2e.server.url}/console/gift-import`);
    await phone.getByText('点击或拖拽文件到此处上传').waitFor();
    await phone.locator('[data-action="open-import"]').first().waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(phone, '44-gift-import-phone');
    await phone.close();
  });
});
