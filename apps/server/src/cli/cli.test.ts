import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../platform/db/client.ts';

/** The CLI and the server as an operator runs them: real processes on a real data folder. */
const serverDir = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'boai-cli-'));
const env = { ...process.env, BOAI_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
const boai = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: serverDir,
    env,
    encoding: 'utf8',
  });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('boai command line', () => {
  it('sets up a real office from nothing: top society, a city below, an administrator; then resets a password', async () => {
    const root = boai('create-org', '--name', '浙江省红十字会', '--level', 'province', '--region', '330000');
    expect(root.stderr).toBe('');
    expect(root.stdout).toContain('已创建组织 #1 浙江省红十字会 (/1/)');
    const city = boai('create-org', '--name', '杭州市红十字会', '--level', 'city', '--parent', '1');
    expect(city.stdout).toContain('(/1/2/)');
    const bad = boai('create-org', '--name', '错层', '--level', 'province', '--parent', '2');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('组织层级必须低于上级组织的层级');
    const user = boai(
      'create-user',
      '--org',
      '1',
      '--username',
      'zj_admin',
      '--name',
      '王芳',
      '--password',
      'Str0ng-Pass!x',
    );
    expect(user.stdout).toContain('已创建用户');
    const weak = boai(
      'create-user',
      '--org',
      '1',
      '--username',
      'zj_weak',
      '--name',
      '弱',
      '--password',
      '123',
    );
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('密码至少');
    expect(boai('reset-password', '--username', 'zj_admin', '--password', 'Temp-Pass-2026').stdout).toContain(
      '下次登录须修改',
    );

    const database = await openPglite(dataDir);
    try {
      const r = await database.db.execute(
        sql`select action, actor_name from audit_log where actor_kind = 'system' order by id`,
      );
      const rows = (r as unknown as { rows: { action: string; actor_name: string }[] }).rows;
      expect(rows).toEqual(
        expect.arrayContaining([
          { action: 'orgs.create', actor_name: 'system:cli:create-org' },
          { action: 'staff.create', actor_name: 'system:cli:create-user' },
          { action: 'staff.reset_password', actor_name: 'system:cli:reset-password' },
        ]),
      );
      const u = await database.db.execute(
        sql`select must_change_password from users where username = 'zj_admin'`,
      );
      expect((u as unknown as { rows: unknown[] }).rows).toEqual([{ must_change_password: true }]);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('starts the server on that folder, and on SIGTERM finishes, closes the database and frees the lock', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...env, PORT: '0', LOG_LEVEL: 'info' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise<void>((resolve, reject) => {
      const t = setInterval(() => out.includes('已启动') && (clearInterval(t), resolve()), 100);
      child.once('exit', (c) => reject(new Error(`exited ${c}: ${out}`)));
    });
    expect(existsSync(path.join(dataDir, 'boai.lock'))).toBe(true);
    // the folder already had a society, so no demo was seeded
    expect(out).not.toContain('演示账号');
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
    expect(out).toContain('shutting down');
    expect(existsSync(path.join(dataDir, 'boai.lock'))).toBe(false);
  }, 60_000);
});
