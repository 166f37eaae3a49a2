import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../platform/db/schema.ts';

/**
 * Tables that belong to no society, each with the reason. Anything else must carry `org_id`
 * (the column `inScope` filters on) — a new business table without it fails here.
 */
const UNSCOPED: Record<string, string> = {
  sessions: 'login sessions of a user; reached only through the session cookie',
  login_throttle: 'failed-login counters keyed by typed username, which may belong to nobody',
  orgs: 'the tree itself: its scope column is its own id and path',
  idempotency_keys: 'stored answers keyed by caller; read only by that same caller on retry',
  donor_phone_codes: "a donor's one-time login codes, keyed by the phone's lookup hash across societies",
  donor_sessions: "a donor's self-service session, keyed by the phone's lookup hash across societies",
  sms_outbox: 'messages to send; nobody reads them back through the API',
  sandbox_payments: "the sandbox payment provider's own books, standing in for an outside system",
};

const tables = Object.values(schema as Record<string, unknown>)
  .filter((t): t is PgTable => t instanceof PgTable)
  .map((t) => getTableConfig(t));

describe('schema rules', () => {
  it('every business table carries an org_id scope column', () => {
    expect(tables.length).toBeGreaterThan(5);
    const missing = tables
      .filter((t) => !UNSCOPED[t.name])
      .filter((t) => !t.columns.some((c) => c.name === 'org_id' && c.notNull !== undefined))
      .map((t) => t.name);
    expect(missing).toEqual([]);
  });

  it('every table in the schema is covered by a committed migration', () => {
    const dir = path.resolve(import.meta.dirname, '../../migrations');
    const sqlText = readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    for (const t of tables)
      expect(sqlText, `table ${t.name} has no migration`).toContain(`CREATE TABLE "${t.name}"`);
  });

  it('has no schema change without its generated migration (drizzle-kit finds nothing to generate)', () => {
    const serverDir = path.resolve(import.meta.dirname, '../..');
    const work = mkdtempSync(path.join(tmpdir(), 'boai-drift-'));
    cpSync(path.join(serverDir, 'migrations'), path.join(work, 'migrations'), { recursive: true });
    const config = path.join(work, 'drizzle.config.ts');
    writeFileSync(
      config,
      `export default { dialect: 'postgresql', schema: ${JSON.stringify(path.join(serverDir, 'src/platform/db/schema.ts'))}, out: ${JSON.stringify(path.relative(serverDir, path.join(work, 'migrations')))} };`,
    );
    const run = spawnSync('npx', ['drizzle-kit', 'generate', '--config', config], {
      cwd: serverDir,
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toContain('No schema changes');
  }, 60_000);

  it('uses no floating-point column anywhere (money is integer fen)', () => {
    const floats = tables.flatMap((t) =>
      t.columns
        .filter((c) => /real|double|numeric|decimal/i.test(c.getSQLType()))
        .map((c) => `${t.name}.${c.name}`),
    );
    expect(floats).toEqual([]);
  });
});
