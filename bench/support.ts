/**
 * What the benchmarks share: the real server started as its own process on a fresh database, an
 * admin session over HTTP, an appeal to give to, a load of gifts, and the arithmetic of the report.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const basePgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Every demo account's password in a bench server. */
export const DEMO_PASSWORD = 'Bench-Passw0rd!';

export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const ok = (b: boolean) => (b ? 'PASS' : 'FAIL');

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

/** CPU seconds (user + system) a process has used so far, from /proc (Linux clock ticks of 1/100 s). */
export const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

export interface BenchServer {
  url: string;
  process: ChildProcess;
  /** The PostgreSQL URL of the bench's own database (postgres only). */
  databaseUrl: string | null;
  /** The PGlite data folder (pglite only). */
  dataDir: string | null;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Stops the server if still running and removes the database. */
  dispose(): Promise<void>;
}

/**
 * Starts `apps/server/src/main.ts` on a fresh database (a new PostgreSQL database named after `name`,
 * or a PGlite folder in the temp dir) with the demo seed, and waits until it answers /healthz.
 * `profile` is a folder for a V8 CPU profile of the server.
 */
export async function startServer(opts: {
  kind: 'postgres' | 'pglite';
  name: string;
  profile?: string;
}): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    BOAI_DEMO_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
  };
  let databaseUrl: string | null = null;
  let dataDir: string | null = null;
  const dbName = `boai_bench_${opts.name}_${Date.now()}`;
  if (opts.kind === 'postgres') {
    await withAdmin((admin) => admin.query(`create database ${dbName}`));
    const u = new URL(basePgUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = env.DATABASE_URL = u.toString();
  } else {
    dataDir = env.BOAI_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'boai-bench-'));
    env.DATABASE_URL = '';
  }
  const profiling = opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opts.profile)}`] : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  const dispose = async () => {
    await stop();
    if (databaseUrl) await withAdmin((admin) => admin.query(`drop database if exists ${dbName} with (force)`));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (i > 300) throw new Error('server did not start');
      await sleep(200);
    }
  } catch (err) {
    await dispose();
    throw err;
  }
  return { url, process: child, databaseUrl, dataDir, stop, dispose };
}

async function withAdmin<T>(f: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: basePgUrl });
  await admin.connect();
  try {
    return await f(admin);
  } finally {
    await admin.end();
  }
}

/** The demo's province administrator, logged in; `post` sends a fresh Idempotency-Key each time. */
export async function adminSession(url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'js_admin', password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const headers = { cookie, 'content-type': 'application/json' };
  const post = async (p: string, body: unknown) =>
    (await fetch(`${url}${p}`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    }).then((r) => r.json())) as Record<string, unknown>;
  const get = async (p: string) => (await fetch(`${url}${p}`, { headers }).then((r) => r.json())) as unknown;
  return { url, headers, post, get };
}
export type AdminSession = Awaited<ReturnType<typeof adminSession>>;

/** A new appeal with an anonymous donor at the demo's society of `level`: where the gifts go. */
export async function benchAppeal(api: AdminSession, level: 'province' | 'city', name: string) {
  const orgs = (await api.get('/api/orgs')) as { items: { id: number; level: string }[] };
  const orgId = orgs.items.find((o) => o.level === level)!.id;
  const donorId = ((await api.post('/api/donors', { orgId, kind: 'anonymous' })) as { donor: { id: number } })
    .donor.id;
  const appealId = (await api.post('/api/appeals', { orgId, kind: 'appeal', name })).id as number;
  // Today in Shanghai, the day the gifts are received.
  const receivedOn = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { orgId, donorId, appealId, receivedOn };
}

/**
 * `concurrency` clients POST money gifts into the appeal for `seconds`, each waiting for its answer
 * before the next; `onAnswer` sees every answer with its latency.
 */
export async function giveFor(
  api: AdminSession,
  target: Awaited<ReturnType<typeof benchAppeal>>,
  opts: { seconds: number; concurrency: number },
  onAnswer: (status: number, body: { receiptNo?: string }, ms: number) => void,
): Promise<{ t0: Date; t1: Date }> {
  const t0 = new Date();
  const end = Date.now() + opts.seconds * 1000;
  let sent = 0;
  const worker = async () => {
    while (Date.now() < end) {
      const started = performance.now();
      const res = await fetch(`${api.url}/api/gifts`, {
        method: 'POST',
        headers: { ...api.headers, 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          orgId: target.orgId,
          donorId: target.donorId,
          channel: 'online',
          amountFen: 100 + (sent++ % 9900),
          receivedOn: target.receivedOn,
          appealId: target.appealId,
        }),
      });
      const body = (await res.json()) as { receiptNo?: string };
      onAnswer(res.status, body, performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return { t0, t1: new Date() };
}
