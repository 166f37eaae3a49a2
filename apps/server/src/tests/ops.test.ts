import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '../platform/db/lock.ts';
import { startHarness, type Harness } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('operations', () => {
  it('reports health with the database kind', async () => {
    const res = await h.req('GET', '/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
    });
  });

  it('exposes Prometheus metrics including request durations by route', async () => {
    await h.req('GET', '/api/auth/password-policy');
    const res = await h.req('GET', '/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('process_cpu_seconds_total');
    expect(res.body).toMatch(
      /boai_http_request_duration_seconds_count\{method="GET",route="\/api\/auth\/password-policy",status="200"\} \d+/,
    );
  });

  it('answers unknown API paths with the error shape', async () => {
    const res = await h.req('GET', '/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', fields: [] });
  });
});

describe('embedded database lock', () => {
  it('refuses a second process on the same data folder with a clear message, and frees it when the first ends', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'boai-lock-'));
    const holder = spawn(process.execPath, [
      '--import',
      'tsx',
      '-e',
      `import('${path.resolve(import.meta.dirname, '../platform/db/lock.ts')}').then(m => { m.acquireDataDirLock(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000); })`,
    ]);
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (d) => String(d).includes('locked') && resolve());
      holder.on('exit', (c) => reject(new Error(`holder exited ${c}`)));
    });
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/正被另一个博爱进程/);
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    // the dead holder's lockfile is stale and is taken over
    const lock = acquireDataDirLock(dir);
    lock.release();
  });
});
