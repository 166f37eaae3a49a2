import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { idCardCheckChar } from '@boai/contracts';
import { describe, expect, it } from 'vitest';
import { loginAs, shot, useE2e } from './server.ts';

/**
 * 应急救护培训 end to end: 梁溪区 opens a class, imports 50 trainees from an .xlsx, records attendance
 * and scores in the roster, closes the class and issues certificates; a member of the public scans the
 * QR code printed on one and, at phone size, verifies it — nothing shown until the name matches.
 */
const e2e = useE2e();
const dir = mkdtempSync(path.join(tmpdir(), 'boai-training-e2e-'));
const SURNAMES =
  '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎';

function people() {
  return Array.from({ length: 50 }, (_, i) => {
    const first17 = `320213198${i % 10}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(300 + i).padStart(3, '0')}`;
    return {
      name: `${SURNAMES[i % SURNAMES.length]}学员${i + 1}`,
      idCard: first17 + idCardCheckChar(first17),
      mobile: `1350000${String(i).padStart(4, '0')}`,
    };
  });
}

async function rosterXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学员名单');
  ws.addRow(['姓名', '身份证号', '手机号', '工作单位']);
  for (const p of people()) ws.addRow([p.name, p.idCard, p.mobile, '无锡市梁溪区惠民商贸有限公司']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function qrOfPdf(pdf: Buffer): string {
  const file = path.join(dir, 'certificate.pdf');
  writeFileSync(file, pdf);
  expect(spawnSync('pdfimages', ['-png', file, path.join(dir, 'img')]).status).toBe(0);
  for (const img of readdirSync(dir).filter((f) => f.startsWith('img') && f.endsWith('.png'))) {
    const png = PNG.sync.read(readFileSync(path.join(dir, img)));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    if (code) return code.data;
  }
  throw new Error('no QR code on the certificate');
}

describe('first-aid training', () => {
  it('creates a class, imports 50 trainees, records results, issues certificates; the public verifies one by its QR', async () => {
    const desk = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await loginAs(desk, e2e.server, 'lx_admin');
    await desk.goto(`${e2e.server.url}/console/training/classes`);
    await desk.locator('[data-action="open-class"]').first().waitFor();
    await shot(desk, '80-training-classes');

    // Open a class through the form.
    await desk.locator('#new-class').click();
    await desk.locator('#courseId').click();
    await desk.locator('.ant-select-item-option').filter({ hasText: '救护员培训（救护员' }).first().click();
    await desk.locator('#title').fill('E2E 梁溪区企业救护员培训班');
    const start = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    // The list's search form has a date range too: reach the drawer's own.
    const range = desk.locator('.ant-drawer .ant-picker-range');
    await range.locator('input').first().click();
    await range.locator('input').first().fill(start);
    await desk.keyboard.press('Enter');
    await range.locator('input').nth(1).fill(start);
    await desk.keyboard.press('Enter');
    await desk.locator('#capacity').fill('60');
    await desk.locator('#instructorIds').click();
    await desk.locator('.ant-select-item-option').filter({ hasText: '周晓梅' }).click();
    // Close the dropdown without Escape (which would close the drawer).
    await desk.locator('.ant-drawer-title').click();
    await shot(desk, '81-training-new-class');
    const created = desk.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/training/classes',
    );
    await desk.locator('#create-class-submit').click();
    const cls = await (await created).json();
    expect(cls).toMatchObject({ title: 'E2E 梁溪区企业救护员培训班', capacity: 60, enrolled: 0 });

    // The class drawer opens: import the roster.
    const previewed = desk.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/training/classes/${cls.id}/imports`,
    );
    await desk.locator('input#roster-upload').setInputFiles({
      name: '学员名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await rosterXlsx(),
    });
    expect(await (await previewed).json()).toMatchObject({ totalRows: 50, validRows: 50, errorRows: 0 });
    await desk.locator('#import-preview').waitFor();
    await shot(desk, '82-training-import-preview');
    await desk.locator('#commit-import').click();
    await desk.locator('[data-field="theoryScore"]').nth(49).waitFor({ timeout: 20_000 });

    // Results: everyone attended; the first two fail theory; a typo (101) is flagged as typed.
    const theory = desk.locator('input[data-field="theoryScore"]');
    const practical = desk.locator('input[data-field="practicalScore"]');
    const attended = desk.locator('input[data-field="attended"]');
    for (let i = 0; i < 50; i++) {
      await attended.nth(i).check();
      await theory.nth(i).fill(String(i < 2 ? 60 : 85 + (i % 15)));
      await practical.nth(i).fill(String(90));
    }
    await theory.nth(10).fill('101');
    await expect.poll(() => desk.locator('#save-results').isDisabled()).toBe(true);
    await shot(desk, '83-training-results-invalid');
    await theory.nth(10).fill('95');
    const saved = desk.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/training/classes/${cls.id}/results`,
    );
    await desk.locator('#save-results').click();
    const afterResults = await (await saved).json();
    expect(afterResults.trainees.filter((t: { result: string }) => t.result === 'passed')).toHaveLength(48);

    const issuedResp = desk.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/training/classes/${cls.id}/certificates`,
    );
    await desk.locator('#issue-certificates').click();
    await desk
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    const issued = await (await issuedResp).json();
    expect(issued.issued).toHaveLength(48);
    await desk.locator('#issue-result').waitFor();
    await shot(desk, '84-training-certificates-issued');

    // The certificates page lists them; the PDF carries the QR code to the public check.
    await desk.goto(`${e2e.server.url}/console/training/certificates`);
    await desk.getByText(issued.issued[47].number).waitFor();
    await shot(desk, '85-training-certificates-page');
    await desk.goto(`${e2e.server.url}/console/training/catalog`);
    await desk.getByText('救护员培训').first().waitFor();
    await shot(desk, '85b-training-catalog');
    await desk.getByRole('tab', { name: '救护师资' }).click();
    await desk.getByRole('cell', { name: '周晓梅' }).waitFor();
    await desk.locator('.ant-tabs-tabpane-active').getByText('编辑').first().click();
    await desk.locator('.ant-modal').getByText('师资证有效期至').waitFor();
    await desk.waitForTimeout(400); // the modal's opening animation
    await shot(desk, '85c-training-instructor-edit');
    await desk
      .locator('.ant-modal')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    const list = await (
      await desk.request.get(`${e2e.server.url}/api/training/certificates?classId=${cls.id}&pageSize=100`)
    ).json();
    const cert = list.items.find((c: { number: string }) => c.number === issued.issued[0].number);
    const pdf = await desk.request.get(`${e2e.server.url}/api/training/certificates/${cert.id}/pdf`);
    const link = qrOfPdf(Buffer.from(await pdf.body()));
    expect(new URL(link).pathname).toBe(`/p/certificates/${cert.number}`);

    // A member of the public, at phone size, opens the QR link.
    const phone = await (
      await e2e.browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
        isMobile: true,
        hasTouch: true,
      })
    ).newPage();
    await phone.goto(`${e2e.server.url}${new URL(link).pathname}`);
    await phone.locator('#holder-name').fill('冒名顶替');
    await phone.locator('#verify-certificate').click();
    await phone.locator('#name-mismatch').waitFor();
    expect(await phone.locator('body').innerText()).not.toContain(cert.holderName);
    await shot(phone, '86-training-verify-wrong-name');
    await phone.locator('#holder-name').fill(cert.holderName);
    await phone.locator('#verify-certificate').click();
    await phone.locator('#certificate-result').waitFor();
    const text = await phone.locator('#certificate-result').innerText();
    expect(text).toContain('证书有效');
    expect(text).toContain(cert.holderName);
    expect(text).toContain('梁溪区红十字会');
    await shot(phone, '87-training-verify-valid');
    // No sideways scrolling at phone width.
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  }, 180_000);

  it('lets the public sign up for an open class at phone size, once per phone', async () => {
    const phone = await (
      await e2e.browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'zh-CN',
        isMobile: true,
        hasTouch: true,
      })
    ).newPage();
    await phone.goto(`${e2e.server.url}/p/training`);
    await phone.getByText('梁溪区市民救护员培训班（周末班）').waitFor();
    await shot(phone, '88-training-signup-list');
    await phone.getByRole('button', { name: '我要报名' }).first().click();
    await phone.locator('#signup-name').fill('许市民');
    await phone.locator('#signup-mobile').fill('13512345678');
    await phone.locator('#signup-submit').click();
    await phone.locator('#signup-result').getByText('报名成功').waitFor();
    await shot(phone, '89-training-signup-done');
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });
});
