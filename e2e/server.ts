import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
export const DEMO_PASSWORD = 'E2e-Demo-Pass-1';
export const screenshotDir = path.join(root, 'e2e/screenshots');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

export interface RunningServer {
  url: string;
  orgIds: Record<string, number>;
  stop(): Promise<void>;
}

/**
 * Starts the real server (`apps/server/src/main.ts`) on a fresh embedded database with the demo
 * seeded, exactly as `npm start` does, building the web app first if it has not been built.
 */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(path.join(root, 'apps/web/dist/index.html'))) {
    const build = spawnSync('npm', ['run', 'build', '-w', '@boai/web'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('web build failed');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'boai-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      BOAI_DATA_DIR: dataDir,
      BOAI_DEMO_PASSWORD: DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!output.includes('lx_admin'))
    throw new Error(`demo accounts were not printed on first start: ${output}`);
  // Resolve demo society ids through the API as the province administrator.
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'js_admin', password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const orgs = (await (await fetch(`${url}/api/orgs`, { headers: { cookie } })).json()) as {
    items: { id: number; name: string }[];
  };
  const orgIds = Object.fromEntries(orgs.items.map((o) => [o.name, o.id]));
  return {
    url,
    orgIds,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A full-page screenshot into e2e/screenshots/ (ignored by git; look at them). */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

/** Logs in through the console's login page as a demo account. */
export async function loginAs(page: Page, server: RunningServer, username: string): Promise<void> {
  await page.goto(`${server.url}/console/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('#login-submit').click();
  await page.waitForURL((u) => u.pathname.startsWith('/console') && !u.pathname.endsWith('/login'), {
    timeout: 20_000,
  });
}

/**
 * The server and browser of one e2e file: started before its tests, stopped after them. The fields
 * are filled in `beforeAll`, so read them inside tests only.
 */
export function useE2e(): { server: RunningServer; browser: Browser } {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    env.server = await startServer();
    env.browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
