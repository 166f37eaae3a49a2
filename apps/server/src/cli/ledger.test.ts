import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../platform/db/client.ts';
import { startHarness } from '../testing/harness.ts';

/** `boai ledger verify` on a real data folder, and `boai ledger audit` against a live app over HTTP. */
const serverDir = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'boai-ledger-cli-'));
const env = { ...process.env, BOAI_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
const cli = ['--import', 'tsx', 'src/cli/main.ts'];
const boai = (...args: string[]) =>
  spawnSync(process.execPath, [...cli, ...args], { cwd: serverDir, env, encoding: 'utf8' });

/** The CLI as a child process that does not block this one (the app it audits runs here). */
const boaiAsync = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [...cli, ...args], { cwd: serverDir, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('boai ledger', () => {
  it('verify: passes on the demo, then names the gift whose amount was changed with plain SQL', async () => {
    expect(boai('seed', '--password', 'Demo-Passw0rd!').status).toBe(0);
    const clean = boai('ledger', 'verify');
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('未发现问题');

    const database = await openPglite(dataDir);
    const [gift] = (
      (await database.db.execute(
        sql`select e.org_id, e.idx, g.id from ledger_entries e join gifts g on e.ref = 'gift:' || g.id
            where e.kind = 'gift.received' order by e.org_id, e.idx limit 1`,
      )) as unknown as { rows: { org_id: number; idx: number; id: number }[] }
    ).rows;
    await database.db.execute(sql`update gifts set amount_fen = amount_fen + 100 where id = ${gift!.id}`);
    await database.close();

    const found = boai('ledger', 'verify', '--org', String(gift!.org_id));
    expect(found.status).toBe(1);
    expect(found.stdout).toContain(`日志 ${gift!.org_id} 序号 ${gift!.idx} gift.received gift:${gift!.id}`);
    expect(found.stdout).toMatch(/amountFen：账本中为 \d+，业务数据现为 \d+/);
  }, 120_000);

  it('audit: verifies a live app through its public API alone, and fails once history is rewritten', async () => {
    const h = await startHarness();
    try {
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
      const state = path.join(dataDir, 'audit-state.json');
      const pass = await boaiAsync('ledger', 'audit', url, '--state', state);
      expect(pass.stderr).toBe('');
      expect(pass.stdout).toContain('核验通过');
      expect(pass.status).toBe(0);
      expect(Object.keys(JSON.parse(readFileSync(state, 'utf8')).logs).length).toBeGreaterThan(0);

      // Someone with database access rewrites a published entry, bypassing the append-only trigger.
      await h.ctx.db.execute(sql`alter table ledger_entries disable trigger ledger_entries_immutable`);
      await h.ctx.db.execute(
        sql`update ledger_entries set entry = replace(entry, '"amountFen":', '"amountFen":1') where (org_id, idx) =
            (select org_id, idx from ledger_entries where kind = 'gift.received' order by org_id, idx limit 1)`,
      );
      await h.ctx.db.execute(sql`alter table ledger_entries enable trigger ledger_entries_immutable`);
      const fail = await boaiAsync('ledger', 'audit', url, '--state', state);
      expect(fail.status).toBe(1);
      expect(fail.stdout).toContain('未通过');
      expect(fail.stdout).toMatch(/gift\.received gift:\d+/);
    } finally {
      await h.close();
    }
  }, 120_000);

  it('audit: refuses a missing or non-HTTP address with usage and exit code 2', () => {
    const r = boai('ledger', 'audit', 'ftp://example');
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('boai ledger audit');
  });
});
