/**
 * Benchmark (issue 4): 200 concurrent allocation requests against the same batch on PostgreSQL —
 * stock never negative, every accepted request fully picked, throughput printed.
 *
 *   npm run bench:relief-allocations
 *   npm run bench:relief-allocations -- --requests 200 --stock 1500
 *
 * The real server runs as its own process on a fresh PostgreSQL database with the demo seed. A fresh
 * item is bought into 无锡市's warehouse as ONE batch of `stock` units; `requests` clients then ask for
 * 1–20 units each at the same instant (Σ asked ≈ 2,100 > 1,500, so the batch runs dry and the tail is
 * refused), half naming the batch and half leaving it to FEFO. Then every accepted request is approved
 * (by a second person), picked by scanning the label and shipped — also concurrently — and the
 * database is checked: the stock card's running balance never below zero, on hand = stock − Σ
 * accepted = Σ movements, nothing left reserved, every pick of every accepted request complete.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEMO_PASSWORD, cpuSeconds, ok, pct, startServer } from './support.ts';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    stock: { type: 'string', default: '1500' },
  },
});
const REQUESTS = Number(args.requests);
const STOCK = Number(args.stock);

async function session(url: string, username: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status}`);
  const headers = {
    cookie: login.headers.get('set-cookie')!.split(';')[0]!,
    'content-type': 'application/json',
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...headers, ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { id?: number } };
  };
  return { get: (p: string) => call('GET', p), post: (p: string, b: unknown) => call('POST', p, b) };
}

/** Runs `f` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width)
    out.push(...(await Promise.all(items.slice(i, i + width).map(f))));
  return out;
}

async function main() {
  const server = await startServer({ kind: 'postgres', name: 'relief_alloc' });
  const client = new pg.Client({ connectionString: server.databaseUrl! });
  await client.connect();
  try {
    const js = await session(server.url, 'js_admin');
    const wx = await session(server.url, 'wx_admin');
    const orgs = (await js.get('/api/orgs')).body.items as { id: number; name: string }[];
    const orgId = (name: string) => orgs.find((o) => o.name === name)!.id;
    const whs = (await js.get('/api/relief/warehouses?pageSize=200')).body.items as {
      id: number;
      orgId: number;
    }[];
    const wuxiWh = whs.find((w) => w.orgId === orgId('无锡市红十字会'))!.id;
    const liangxiWh = whs.find((w) => w.orgId === orgId('梁溪区红十字会'))!.id;
    const item = await js.post('/api/relief/items', {
      orgId: orgId('江苏省红十字会'),
      code: `BENCH-${Date.now()}`,
      name: '压测折叠水桶',
      unit: '个',
      category: 'water',
    });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const goodsIn = await js.post('/api/relief/goods-in/purchase', {
      warehouseId: wuxiWh,
      receivedOn: today,
      inspector: '压测验收员',
      supplier: '压测供应商',
      lines: [{ itemId: item.body.id, quantity: STOCK, unitPriceFen: 1_500 }],
    });
    if (goodsIn.status !== 200) throw new Error(`goods in: ${JSON.stringify(goodsIn.body)}`);
    const line = (goodsIn.body.lines as { batchId: number; batchCode: string }[])[0]!;

    // The burst: every request sent at once, each timed from send to answer.
    const sizes = Array.from({ length: REQUESTS }, () => 1 + Math.floor(Math.random() * 20));
    const ms: number[] = [];
    const cpu0 = cpuSeconds(server.process.pid!);
    const t0 = performance.now();
    const answers = await Promise.all(
      sizes.map(async (quantity, i) => {
        const s = performance.now();
        const r = await js.post('/api/relief/allocations', {
          fromWarehouseId: wuxiWh,
          destination: 'warehouse',
          toWarehouseId: liangxiWh,
          purpose: `压测调拨 ${i}`,
          lines: [{ itemId: item.body.id, quantity, ...(i % 2 ? { batchId: line.batchId } : {}) }],
        });
        ms.push(performance.now() - s);
        return r;
      }),
    );
    const wall = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(server.process.pid!) - cpu0;
    const accepted = answers
      .filter((a) => a.status === 200)
      .map((a) => a.body as { id: number; totalQty: number });
    const refused = answers.filter((a) => a.status !== 200);
    const refusedRight = refused.every(
      (a) => a.status === 409 && (a.body.fields as { code: string }[])[0]?.code === 'STOCK_INSUFFICIENT',
    );
    const why = new Map<string, number>();
    for (const a of refused) {
      const k = `${a.status} ${(a.body.fields as { code: string }[] | undefined)?.[0]?.code ?? a.body.code}`;
      why.set(k, (why.get(k) ?? 0) + 1);
    }
    const taken = accepted.reduce((s, a) => s + a.totalQty, 0);
    const sorted = [...ms].sort((a, b) => a - b);
    console.log(
      `${REQUESTS} concurrent requests for ${sizes.reduce((s, q) => s + q, 0)} units against one batch of ${STOCK}: ` +
        `${accepted.length} accepted (${taken} units), ${refused.length} refused (${[...why].map(([k, n]) => `${n}× ${k}`).join(', ') || '—'})`,
    );
    console.log(
      `throughput ${(REQUESTS / wall).toFixed(0)} requests/s (${wall.toFixed(2)} s wall), ` +
        `latency p50 ${pct(sorted, 0.5).toFixed(0)} ms, p99 ${pct(sorted, 0.99).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms; ` +
        `server CPU ${((cpu / REQUESTS) * 1000).toFixed(1)} ms a request`,
    );

    const t1 = performance.now();
    const approved = await inBatches(accepted, 20, (a) =>
      wx.post(`/api/relief/allocations/${a.id}/approve`, {}),
    );
    const picked = await inBatches(accepted, 20, (a) =>
      js.post(`/api/relief/allocations/${a.id}/scans`, { task: 'pick', items: [{ code: line.batchCode }] }),
    );
    const shipped = await inBatches(accepted, 20, (a) =>
      js.post(`/api/relief/allocations/${a.id}/ship`, { carrier: '压测承运' }),
    );
    console.log(
      `approve + pick + ship of ${accepted.length} allocations, 20 at a time: ${((performance.now() - t1) / 1000).toFixed(2)} s`,
    );

    const ids = accepted.map((a) => a.id);
    const batch = (
      await client.query('select on_hand, reserved from stock_batches where id = $1', [line.batchId])
    ).rows[0] as { on_hand: number; reserved: number };
    const card = (
      await client.query(
        `select coalesce(sum(quantity), 0)::int as total, coalesce(min(running), 0)::int as lowest
         from (select quantity, sum(quantity) over (order by id) as running from stock_movements where batch_id = $1) m`,
        [line.batchId],
      )
    ).rows[0] as { total: number; lowest: number };
    const incomplete = (
      await client.query(
        `select count(*)::int as n from allocation_picks p join allocations a on a.id = p.allocation_id
         where a.id = any($1::int[]) and (p.picked_qty <> p.quantity or a.status <> 'shipped')`,
        [ids],
      )
    ).rows[0].n as number;
    const asked = (
      await client.query(
        `select coalesce(sum(quantity), 0)::int as n from allocation_lines where allocation_id = any($1::int[])`,
        [ids],
      )
    ).rows[0].n as number;
    const steps = [...approved, ...picked, ...shipped].every((r) => r.status === 200);

    const checks: [string, boolean][] = [
      [`accepted ${taken} ≤ stock ${STOCK}; refusals all STOCK_INSUFFICIENT`, taken <= STOCK && refusedRight],
      [
        `stock card never negative (lowest running balance ${card.lowest})`,
        card.lowest >= 0 && batch.on_hand >= 0,
      ],
      [
        `on hand ${batch.on_hand} = ${STOCK} − ${taken} = Σ movements ${card.total}, reserved ${batch.reserved}`,
        batch.on_hand === STOCK - taken && batch.on_hand === card.total && batch.reserved === 0,
      ],
      [
        `every accepted request approved, fully picked (${asked} units) and shipped`,
        steps && incomplete === 0 && asked === taken,
      ],
    ];
    for (const [what, pass] of checks) console.log(`${ok(pass)}  ${what}`);
    process.exitCode = checks.every(([, pass]) => pass) ? 0 : 1;
  } finally {
    await client.end();
    await server.dispose();
  }
}

await main();
