import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, loginAs, screenshotDir, shot, startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const login = (page: Page, username: string) => loginAs(page, server, username);

describe('console journey of a county administrator (梁溪区)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  });

  it('logs in with the Chinese UI and lands on the console', async () => {
    await page.goto(`${server.url}/console/login`);
    await expect(page.getByText('登录', { exact: false }).first().isVisible()).resolves.toBe(true);
    await shot(page, '01-login');
    await login(page, 'lx_admin');
    await page.getByText('梁溪区红十字会').first().waitFor();
    await shot(page, '02-home');
  }, 60_000);

  it('sees only its own subtree in the society tree', async () => {
    await page.goto(`${server.url}/console/orgs`);
    await page.getByText('崇安寺街道红十字会').first().waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain('梁溪区红十字会');
    expect(text).toContain('广益街道红十字会');
    expect(text).not.toContain('锡山区红十字会');
    expect(text).not.toContain('无锡市红十字会');
    expect(text).not.toContain('苏州市红十字会');
    await shot(page, '03-orgs');
  }, 60_000);

  it('cannot reach a sibling county by URL', async () => {
    const xishan = server.orgIds['锡山区红十字会']!;
    await page.goto(`${server.url}/console/orgs?id=${xishan}`);
    await page.getByText('梁溪区红十字会').first().waitFor();
    expect(await page.locator('body').innerText()).not.toContain('锡山区红十字会');
    const api = await page.request.get(`${server.url}/api/orgs/${xishan}`);
    expect(api.status()).toBe(404);
    expect((await api.json()).code).toBe('NOT_FOUND');
    const users = await page.request.get(`${server.url}/api/users?orgId=${xishan}`);
    expect((await users.json()).items).toEqual([]);
    await shot(page, '04-sibling-by-url');
  }, 60_000);

  it('creates a user in a town below', async () => {
    await page.goto(`${server.url}/console/users`);
    await page.locator('#user-create').click();
    await page.locator('#orgId').click();
    await page.keyboard.type('崇安寺街道');
    await page
      .locator('.ant-select-tree-node-content-wrapper', { hasText: '崇安寺街道红十字会' })
      .first()
      .click();
    await page.locator('#username').fill('cas_e2e');
    await page.locator('#displayName').fill('钱晓梅');
    await page.locator('#mobile').fill('13961007777');
    await page.locator('#password').fill('E2e-Initial-Pass-9');
    await page.locator('#passwordConfirm').fill('E2e-Initial-Pass-9');
    await shot(page, '05-user-create-form');
    const sent = page.waitForRequest(
      (r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/users',
    );
    await page.locator('#user-form-submit').click();
    // the console protects the write against retries with a per-action key
    expect((await sent).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await page.locator('.ant-table-row', { hasText: 'cas_e2e' }).waitFor({ timeout: 15_000 });
    const row = await page.locator('.ant-table-row', { hasText: 'cas_e2e' }).innerText();
    expect(row).toContain('钱晓梅');
    expect(row).toContain('崇安寺街道红十字会');
    expect(row).toContain('139****7777');
    await shot(page, '06-users');
  }, 60_000);

  it('reads the audit trail, which shows the user just created', async () => {
    await page.goto(`${server.url}/console/audit`);
    await page.getByText('新建工作人员').first().waitFor({ timeout: 15_000 });
    await shot(page, '07-audit');
  }, 60_000);

  it('shows the roles and profile pages', async () => {
    await page.goto(`${server.url}/console/roles`);
    await page.getByText('管理员').first().waitFor();
    await shot(page, '08-roles');
    await page.goto(`${server.url}/console/profile`);
    await page.getByText('lx_admin').first().waitFor();
    await shot(page, '09-profile');
  }, 60_000);
});

describe('phone width and menu by permission', () => {
  it('works at 390 px and hides the entries a read-only town staff member may not use', async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    await login(page, 'cas_staff');
    await page.getByText('崇安寺街道红十字会').first().waitFor();
    await shot(page, '10-phone-home');
    const menu = await page.request.get(`${server.url}/api/auth/me`);
    const me = await menu.json();
    expect(me.permissions).not.toContain('audit:read');
    await page.goto(`${server.url}/console/orgs`);
    await page.getByText('崇安寺街道五爱社区红十字会').first().waitFor();
    expect(await page.locator('body').innerText()).not.toContain('梁溪区红十字会');
    await shot(page, '11-phone-orgs');
    await page.goto(`${server.url}/console/audit`);
    await page.waitForTimeout(1000);
    expect(await page.locator('body').innerText()).not.toContain('新建工作人员');
    await shot(page, '12-phone-audit-forbidden');
    await page.close();
  }, 90_000);

  it('switches the console to English', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.goto(`${server.url}/console/login`);
    await page.evaluate("localStorage.setItem('boai.lang', 'en')");
    await login(page, 'wx_admin');
    await page.goto(`${server.url}/console/orgs`);
    await page.getByText('无锡市红十字会').first().waitFor();
    expect(await page.locator('body').innerText()).toMatch(/Societies|Organi[sz]ations/);
    await shot(page, '13-english');
    await page.close();
  }, 60_000);
});
