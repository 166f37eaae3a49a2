/**
 * Benchmark (issue 6): "nearest 10 AEDs" over 100,000 devices on PostgreSQL, target ≤ 20 ms p95.
 *
 *   npm run bench:aeds
 *   npm run bench:aeds -- --devices 100000 --queries 2000
 *
 * The real server runs as its own process on a fresh PostgreSQL database with the demo seed; the
 * devices are written straight into aed_devices: 90 % clustered around 60 Chinese cities (as AEDs
 * are — in stations, malls, schools), 10 % scattered over eastern and central China. Query points:
 * 80 % in cities, 20 % anywhere in China's populated bounding box (where the search must widen).
 * Measured twice, one query at a time: the use case (`nearestAeds`, on its own connection pool) and
 * the public HTTP endpoint. Each answer is checked against the same query without the index (a full
 * scan ordered by distance) for a sample of points.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../apps/server/src/platform/db/client.ts';
import { nearestAeds } from '../apps/server/src/modules/aeds/nearest.ts';
import { ok, pct, startServer } from './support.ts';

const { values: args } = parseArgs({
  options: {
    devices: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '2000' },
  },
});
const DEVICES = Number(args.devices);
const QUERIES = Number(args.queries);
const LIMIT_MS = 20;

// [lat, lng] of 60 cities, north to south.
const CITIES: [number, number][] = [
  [45.75, 126.65],
  [43.82, 125.32],
  [41.8, 123.43],
  [38.91, 121.6],
  [39.9, 116.4],
  [39.13, 117.2],
  [38.04, 114.51],
  [37.87, 112.55],
  [40.84, 111.75],
  [36.65, 117.12],
  [36.07, 120.38],
  [34.75, 113.62],
  [34.34, 108.94],
  [36.06, 103.83],
  [36.62, 101.78],
  [38.49, 106.23],
  [43.83, 87.62],
  [32.06, 118.8],
  [31.23, 121.47],
  [31.57, 120.3],
  [31.3, 120.58],
  [31.81, 119.97],
  [32.39, 119.41],
  [30.27, 120.15],
  [29.87, 121.55],
  [28.0, 120.67],
  [31.82, 117.23],
  [30.59, 114.3],
  [28.23, 112.94],
  [28.68, 115.86],
  [26.07, 119.3],
  [24.48, 118.09],
  [23.13, 113.26],
  [22.54, 114.06],
  [22.27, 113.58],
  [23.02, 113.75],
  [22.82, 108.37],
  [20.04, 110.34],
  [25.04, 102.71],
  [26.65, 106.63],
  [30.57, 104.07],
  [29.56, 106.55],
  [29.65, 91.13],
  [24.88, 118.68],
  [27.99, 113.13],
  [30.3, 109.48],
  [33.0, 112.53],
  [35.0, 118.35],
  [34.26, 117.19],
  [33.6, 119.02],
  [32.94, 117.39],
  [30.93, 113.91],
  [25.28, 110.29],
  [21.47, 109.12],
  [24.81, 113.6],
  [27.72, 111.99],
  [31.3, 107.5],
  [34.58, 105.72],
  [35.58, 104.62],
  [37.46, 121.45],
];

const rnd = (a: number, b: number) => a + Math.random() * (b - a);
/** A point near a random city: within ~0.25° (about 25 km), denser towards the centre. */
const nearCity = () => {
  const [lat, lng] = CITIES[Math.floor(Math.random() * CITIES.length)]!;
  const r = Math.random() ** 2 * 0.25;
  const a = Math.random() * 2 * Math.PI;
  return { lat: lat + r * Math.sin(a), lng: lng + r * Math.cos(a) };
};
const anywhere = () => ({ lat: rnd(20, 45), lng: rnd(100, 125) });

async function main() {
  const server = await startServer({ kind: 'postgres', name: 'aeds' });
  const client = new pg.Client({ connectionString: server.databaseUrl! });
  await client.connect();
  const direct = await openPostgres(server.databaseUrl!, 4);
  try {
    const orgId = (await client.query(`select id from orgs order by id limit 1`)).rows[0].id as number;
    const t0 = performance.now();
    for (let i = 0; i < DEVICES; i += 5000) {
      const n = Math.min(5000, DEVICES - i);
      const pts = Array.from({ length: n }, (_, k) => ((i + k) % 10 === 9 ? anywhere() : nearCity()));
      await client.query(
        `insert into aed_devices (org_id, serial, model, venue_type, venue_name, address, lat_e6, lng_e6,
           owner_unit, responsible_name, responsible_mobile_enc, installed_on, battery_expires_on, pads_expires_on, status)
         select $1, 'BENCH-' || (s.i + $2), 'bench', 'other', '压测设备 ' || (s.i + $2), '压测地址', lat, lng,
           '压测单位', '压测', 'x', date '2025-01-01', date '2029-01-01', date '2027-01-01',
           case when (s.i + $2) % 20 = 0 then 'repair' else 'in_service' end
         from unnest($3::int[], $4::int[]) with ordinality as s(lat, lng, i)`,
        [orgId, i, pts.map((p) => Math.round(p.lat * 1e6)), pts.map((p) => Math.round(p.lng * 1e6))],
      );
    }
    await client.query('analyze aed_devices');
    const total = (await client.query('select count(*)::int as n from aed_devices')).rows[0].n as number;
    console.log(`${total} devices written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const points = Array.from({ length: QUERIES }, (_, i) => (i % 5 === 4 ? anywhere() : nearCity()));
    for (const p of points.slice(0, 50)) await nearestAeds(direct.db, p, 10); // warm-up

    // Correctness on a sample: the same ten distances as a full scan ordered by haversine.
    let mismatches = 0;
    for (const p of points.slice(0, 100)) {
      const got = (await nearestAeds(direct.db, p, 10)).map((d) => d.distanceMeters);
      const want = (
        await client.query(
          `select round(2 * 6371008.8 * asin(least(1, sqrt(power(sin((radians(lat_e6 / 1e6) - radians($1)) / 2), 2)
             + cos(radians($1)) * cos(radians(lat_e6 / 1e6)) * power(sin((radians(lng_e6 / 1e6) - radians($2)) / 2), 2)))))::int as d
           from aed_devices where status = 'in_service' order by 1 limit 10`,
          [p.lat, p.lng],
        )
      ).rows.map((r) => r.d as number);
      if (got.some((d, i) => Math.abs(d - want[i]!) > 1)) mismatches++;
    }

    const useCase: number[] = [];
    for (const p of points) {
      const s = performance.now();
      await nearestAeds(direct.db, p, 10);
      useCase.push(performance.now() - s);
    }
    const http: number[] = [];
    for (const p of points) {
      const s = performance.now();
      const res = await fetch(`${server.url}/api/public/aeds/nearest?lat=${p.lat}&lng=${p.lng}&limit=10`);
      await res.json();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      http.push(performance.now() - s);
    }
    const report = (name: string, ms: number[]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      const p95 = pct(sorted, 0.95);
      console.log(
        `${name.padEnd(10)} p50 ${pct(sorted, 0.5).toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  p99 ${pct(sorted, 0.99).toFixed(2)} ms  max ${sorted.at(-1)!.toFixed(2)} ms  ` +
          `(target p95 ≤ ${LIMIT_MS} ms: ratio ${(p95 / LIMIT_MS).toFixed(2)}) ${ok(p95 <= LIMIT_MS)}`,
      );
      return p95 <= LIMIT_MS;
    };
    console.log(
      `nearest 10 of ${total} devices, ${QUERIES} random points (80 % in cities, 20 % anywhere), one at a time:`,
    );
    const a = report('use case', useCase);
    const b = report('HTTP', http);
    console.log(`answers equal to a full scan: ${100 - mismatches}/100 ${ok(mismatches === 0)}`);
    process.exitCode = a && b && mismatches === 0 ? 0 : 1;
  } finally {
    await client.end();
    await direct.close();
    await server.dispose();
  }
}

await main();
