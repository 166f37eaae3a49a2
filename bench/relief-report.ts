/**
 * Benchmark (issue 4): the stock-on-hand report for a province subtree over 1,000,000 stock movements
 * on PostgreSQL, target ≤ 200 ms.
 *
 *   npm run bench:relief-report
 *   npm run bench:relief-report -- --batches 50000 --per-batch 20 --runs 30
 *
 * The real server runs as its own process on a fresh PostgreSQL database with the demo seed. The
 * province (江苏省红十字会) gets 10 more cities of 8 counties each, every society one or two warehouses,
 * 300 catalogue items; then `--batches` batches in the subtree with `--per-batch` movements each (a
 * purchase in, then shipments, returns and count differences, dated over the last year), written by
 * generate_series in a few statements. A second province holds a fifth as much again, outside the
 * subtree, so the report's scope has something to leave out. Every batch's on_hand is then set to
 * the sum of its card — and checked — exactly as moveStock keeps it.
 *
 * Timed one at a time, warm: the report use case (`stockOnHand`, on its own pool, as the province's
 * administrator) and GET /api/relief/reports/stock; judged on p95. Also timed and printed: the same
 * report as of a past day (it walks the card back), the movements-in-a-period summary and the
 * movement list (informational).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadActor, unsafeFindUserById } from '../apps/server/src/platform/auth/load-actor.ts';
import { openPostgres } from '../apps/server/src/platform/db/client.ts';
import { listMovements } from '../apps/server/src/modules/relief/report-movement-list.ts';
import { movementSummary } from '../apps/server/src/modules/relief/report-movements.ts';
import { stockOnHand } from '../apps/server/src/modules/relief/report-stock.ts';
import { adminSession, ok, pct, startServer } from './support.ts';

const { values: args } = parseArgs({
  options: {
    batches: { type: 'string', default: '50000' },
    'per-batch': { type: 'string', default: '20' },
    runs: { type: 'string', default: '30' },
  },
});
const BATCHES = Number(args.batches);
const PER_BATCH = Number(args['per-batch']);
const RUNS = Number(args.runs);
const LIMIT_MS = 200;

const daysAgo = (n: number) =>
  new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);

async function seed(client: pg.Client, provinceId: number) {
  const t0 = performance.now();
  // Ten more cities of eight counties each under the province, and a second province beside it.
  const children = (parentSql: string, n: number, name: string, level: string) =>
    client.query(
      `insert into orgs (id, parent_id, name, level, path, depth)
       select x.id, x.parent_id, x.name, '${level}', x.parent_path || x.id || '/', x.parent_depth + 1
       from (select nextval(pg_get_serial_sequence('orgs', 'id')) as id, p.id as parent_id,
               ${name} as name, p.path as parent_path, p.depth as parent_depth
             from (${parentSql}) p cross join generate_series(1, ${n}) k) x`,
    );
  await children(`select * from orgs where id = ${provinceId}`, 10, `'压测' || k || '市红十字会'`, 'city');
  await children(
    `select * from orgs where parent_id = ${provinceId} and name like '压测%'`,
    8,
    `p.name || '第' || k || '区'`,
    'county',
  );
  await client.query(
    `insert into orgs (id, parent_id, name, level, path, depth)
     select id, null, '压测省红十字会', 'province', '/' || id || '/', 0
     from (select nextval(pg_get_serial_sequence('orgs', 'id')) as id) x`,
  );
  await children(
    `select * from orgs where name = '压测省红十字会'`,
    4,
    `'压测省' || k || '市红十字会'`,
    'city',
  );
  // One or two warehouses per society.
  await client.query(
    `insert into warehouses (org_id, code, name, address, keeper_name)
     select o.id, 'BENCH-' || o.id || '-' || w, o.name || '压测仓库' || w, '压测地址', '压测'
     from orgs o cross join generate_series(1, 2) w where w = 1 or o.id % 2 = 0`,
  );
  await client.query(
    `insert into relief_items (org_id, code, name, unit, category)
     select $1, 'BENCH-' || i, '压测物资' || i, '个',
       (array['kit','shelter','bedding','clothing','food','water','hygiene','medical','rescue','other'])[1 + i % 10]
     from generate_series(1, 300) i`,
    [provinceId],
  );
  const warehouses = async (inside: boolean) =>
    (
      await client.query(
        `select w.id from warehouses w join orgs o on o.id = w.org_id
         where (o.path like (select path from orgs where id = $1) || '%') = $2 order by w.id`,
        [provinceId, inside],
      )
    ).rows.map((r) => r.id as number);
  const items = (
    await client.query(`select id from relief_items where code like 'BENCH-%' order by id`)
  ).rows.map((r) => r.id as number);
  const inside = await warehouses(true);
  const outside = await warehouses(false);
  // Batches: warehouse and item spread by a hash of the row number; a tenth without expiry.
  const addBatches = async (n: number, ws: number[]) =>
    client.query(
      `insert into stock_batches (id, org_id, warehouse_id, item_id, code, expires_on, source, unit_value_fen,
         received_qty, on_hand, received_at)
       overriding system value
       select x.id, w.org_id, w.id, x.item_id, 'PC' || lpad(x.id::text, 8, '0'),
         case when x.g % 10 = 0 then null else current_date + (x.g % 900) - 100 end,
         'purchase', 100 + (x.g * 7919) % 50000, 1000 + (x.g * 31) % 4000, 0, now() - interval '400 days'
       from (select nextval(pg_get_serial_sequence('stock_batches', 'id')) as id, g,
               ($1::int[])[(1 + (g::bigint * 2654435761) % array_length($1::int[], 1))::int] as warehouse_id,
               ($2::int[])[(1 + (g::bigint * 40503) % array_length($2::int[], 1))::int] as item_id
             from generate_series(1, $3) g) x
       join warehouses w on w.id = x.warehouse_id`,
      [ws, items, n],
    );
  await addBatches(BATCHES, inside);
  await addBatches(Math.round(BATCHES / 5), outside);
  console.log(
    `${inside.length} warehouses in the province subtree (${outside.length} outside), ${items.length} items, ` +
      `${Math.round(BATCHES * 1.2)} batches in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  // The stock cards: a purchase in, then every 5th a return in, every 7th a count gain, the rest
  // shipments. Outgoing quantities stay below received/(2·per-batch), so no card ever goes negative.
  const t1 = performance.now();
  await client.query(
    `insert into stock_movements (org_id, warehouse_id, batch_id, item_id, kind, quantity, value_fen, ref, actor, at)
     select b.org_id, b.warehouse_id, b.id, b.item_id, k.kind, k.qty, k.qty::bigint * b.unit_value_fen,
       case k.kind when 'purchase_in' then 'goods-in:' when 'ship_out' then 'allocation:'
                   when 'return_in' then 'adjustment:' else 'stocktake:' end || (b.id * 31 + s.n) % 200000,
       'bench',
       now() - interval '380 days' + (s.n * (360 / $1) + b.id % 17) * interval '1 day' + (b.id % 86400) * interval '1 second'
     from stock_batches b cross join generate_series(0, $1 - 1) s(n)
     cross join lateral (select
       case when s.n = 0 then 'purchase_in' when s.n % 5 = 0 then 'return_in'
            when s.n % 7 = 0 then 'stocktake_gain' else 'ship_out' end as kind,
       case when s.n = 0 then b.received_qty when s.n % 5 = 0 or s.n % 7 = 0 then 1 + (b.id + s.n) % 5
            else -(1 + (b.id * 13 + s.n) % greatest(1, b.received_qty / (2 * $1))) end as qty) k
     where b.received_at < now() - interval '399 days'`,
    [PER_BATCH],
  );
  // on_hand is the card's sum (what moveStock maintains); a tenth of the batches have some reserved.
  await client.query(
    `update stock_batches b set on_hand = m.q, reserved = case when b.id % 10 = 0 then m.q / 4 else 0 end
     from (select batch_id, sum(quantity)::int as q from stock_movements group by 1) m
     where m.batch_id = b.id and b.received_at < now() - interval '399 days'`,
  );
  // What autovacuum does after a bulk load (its insert threshold): statistics, and the visibility map
  // that lets the period queries read the movements' index alone.
  await client.query('vacuum analyze');
  const counts = (
    await client.query(
      `select count(*) filter (where o.path like (select path from orgs where id = $1) || '%')::int as inside,
              count(*)::int as total
       from stock_movements m join orgs o on o.id = m.org_id`,
      [provinceId],
    )
  ).rows[0];
  console.log(
    `${counts.inside.toLocaleString('en-US')} movements in the subtree (${counts.total.toLocaleString('en-US')} in all) ` +
      `written in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
  );
  const drift = (
    await client.query(
      `select count(*)::int as n from stock_batches b
       left join (select batch_id, sum(quantity) as q from stock_movements group by 1) m on m.batch_id = b.id
       where b.on_hand <> coalesce(m.q, 0) or b.on_hand < 0`,
    )
  ).rows[0].n as number;
  console.log(`batches whose on_hand differs from their card: ${drift} ${ok(drift === 0)}`);
  return { movements: counts.inside as number, drift };
}

async function time(runs: number, f: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await f(); // warm
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await f();
    ms.push(performance.now() - s);
  }
  return ms.sort((a, b) => a - b);
}

function report(name: string, sorted: number[], judged: boolean) {
  const p95 = pct(sorted, 0.95);
  const verdict = judged
    ? `ratio ${(p95 / LIMIT_MS).toFixed(2)} of ${LIMIT_MS} ms: ${ok(p95 <= LIMIT_MS)}`
    : `(informational; ${p95 <= LIMIT_MS ? 'also' : 'not'} within ${LIMIT_MS} ms)`;
  console.log(
    `${name.padEnd(34)} p50 ${pct(sorted, 0.5).toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms  max ${sorted.at(-1)!.toFixed(1).padStart(7)} ms  ${verdict}`,
  );
  return p95 <= LIMIT_MS;
}

async function main() {
  const server = await startServer({ kind: 'postgres', name: 'relief_report' });
  const client = new pg.Client({ connectionString: server.databaseUrl! });
  await client.connect();
  const direct = await openPostgres(server.databaseUrl!, 4);
  try {
    const provinceId = (await client.query(`select id from orgs where parent_id is null order by id limit 1`))
      .rows[0].id as number;
    const { movements, drift } = await seed(client, provinceId);
    const userId = (await client.query(`select id from users where username = 'js_admin'`)).rows[0]
      .id as number;
    const actor = await loadActor(direct.db, (await unsafeFindUserById(direct.db, userId))!, null);
    const api = await adminSession(server.url);
    const page = { page: 1, pageSize: 20 };

    const first = await stockOnHand(direct.db, actor, { orgId: provinceId, ...page });
    console.log(
      `\nstock on hand of the province subtree: ${first.total.toLocaleString('en-US')} (warehouse, item) rows, ` +
        `${first.totalBatches.toLocaleString('en-US')} batches, ${first.bySociety.length} societies, ` +
        `¥${(first.totalValueFen / 100).toLocaleString('en-US')}; ${RUNS} runs each, one at a time:`,
    );
    const useCase = report(
      'report, use case',
      await time(RUNS, () => stockOnHand(direct.db, actor, { orgId: provinceId, ...page })),
      true,
    );
    const http = report(
      'report, HTTP',
      await time(RUNS, async () => {
        const res = await fetch(`${server.url}/api/relief/reports/stock?orgId=${provinceId}`, {
          headers: api.headers,
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        await res.json();
      }),
      true,
    );
    report(
      'report, 200 rows a page (use case)',
      await time(RUNS, () => stockOnHand(direct.db, actor, { orgId: provinceId, page: 1, pageSize: 200 })),
      false,
    );
    for (const back of [30, 180])
      report(
        `as of ${daysAgo(back)} (${back} days back)`,
        await time(RUNS, () =>
          stockOnHand(direct.db, actor, { orgId: provinceId, asOf: daysAgo(back), ...page }),
        ),
        false,
      );
    report(
      `movement summary, last 30 days`,
      await time(RUNS, () =>
        movementSummary(direct.db, actor, { orgId: provinceId, from: daysAgo(30), to: daysAgo(0), ...page }),
      ),
      false,
    );
    report(
      `movement list, last 30 days`,
      await time(RUNS, () =>
        listMovements(direct.db, actor, { orgId: provinceId, from: daysAgo(30), ...page }),
      ),
      false,
    );
    const enough = movements >= 1_000_000;
    console.log(`\nmovements in the subtree ≥ 1,000,000: ${movements.toLocaleString('en-US')} ${ok(enough)}`);
    process.exitCode = useCase && http && drift === 0 && enough ? 0 : 1;
  } finally {
    await client.end();
    await direct.close();
    await server.dispose();
  }
}

await main();
