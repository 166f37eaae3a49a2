/**
 * Benchmark (issue 5): the transparency log under the business writes, against the real server
 * process on PostgreSQL.
 *
 *   npm run bench:ledger                                # 2 × 20 s of gifts, then a 1,000,000-entry log
 *   npm run bench:ledger -- --seconds 60 --concurrency 64 --backlog 100000 --log-size 1000000
 *   npm run bench:ledger -- --profile /tmp/prof       # and a CPU profile of the server
 *
 * Part 1 — money gifts through HTTP (each gift is two public events, gift.received and
 * receipt.issued) into a city society's log, which its province witnesses. Live: entries appended per
 * second as the gifts commit, and the checkpoint lag of every entry (the signed checkpoint covering
 * it − the event), from the database afterwards. Busy: the gifts go on while `--backlog` events wait
 * in the outbox (the same gifts' events queued again), so the log appends as fast as it can next to
 * the business writes — the sustained append rate the issue asks for (live appends are bounded by
 * how fast this machine takes gifts).
 * Part 2 — a log of `--log-size` entries written straight into the tables (leaves and every subtree,
 * hashed by PostgreSQL's sha256, so the server's own code never made them), checkpointed by the
 * running server; then inclusion proofs for random entries over HTTP (p95), verified here with the
 * core library (p95), and their size against 32·⌈log₂ n⌉ bytes. Prints each figure's ratio to its limit.
 */
import { parseArgs } from 'node:util';
import { tlog } from '@boai/contracts';
import pg from 'pg';
import { getInclusionProof } from '../apps/server/src/modules/ledger/public-log.ts';
import { openPostgres } from '../apps/server/src/platform/db/client.ts';
import { adminSession, benchAppeal, giveFor, ok, pct, sleep, startServer } from './support.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    backlog: { type: 'string', default: '100000' },
    concurrency: { type: 'string', default: '64' },
    'log-size': { type: 'string', default: '1000000' },
    proofs: { type: 'string', default: '2000' },
    /** A folder for a V8 CPU profile of the server (open it in Chrome DevTools). */
    profile: { type: 'string' },
  },
});
const seconds = Number(args.seconds);
const concurrency = Number(args.concurrency);
const logSize = Number(args['log-size']);
const proofCount = Number(args.proofs);
const backlogSize = Number(args.backlog);
const TARGET_APPENDS = 2000;
const TARGET_LAG_MS = 1000;
const TARGET_PROOF_MS = 5;
const TARGET_VERIFY_MS = 1;
async function main() {
  const server = await startServer({ kind: 'postgres', name: 'ledger', profile: args.profile });
  const url = server.url;
  const db = new pg.Client({ connectionString: server.databaseUrl! });
  try {
    await db.connect();
    const api = await adminSession(url);
    const target = await benchAppeal(api, 'city', '账本压力测试专项');
    const orgId = target.orgId;
    // Let the demo's own events drain first, so the window measures the gifts alone.
    await drained(db, 30_000);
    const [{ n: before }] = (
      await db.query('select count(*)::int as n from ledger_entries where org_id = $1', [orgId])
    ).rows;

    // ---- part 1: gifts and their log entries ----
    let gifts = 0;
    let errors = 0;
    /** Gifts through HTTP for `s` seconds; returns the window. */
    const giftsFor = (s: number) =>
      giveFor(api, target, { seconds: s, concurrency }, (status) => (status === 200 ? gifts++ : errors++));
    const appendedBetween = async (t0: Date, t1: Date) =>
      (
        await db.query(
          `select count(*)::int as n from ledger_entries where org_id = $1 and created_at between $2 and $3`,
          [orgId, t0, t1],
        )
      ).rows[0].n as number;
    const outbox = async () =>
      (await db.query('select count(*)::int as n from ledger_outbox')).rows[0].n as number;

    // 1a: live — every event is appended as its gift commits; measures the checkpoint lag.
    process.stdout.write(
      `benchmark: POST /api/gifts, PostgreSQL, ${concurrency} concurrent, 2 × ${seconds} s, log of society ${orgId} …\n`,
    );
    const live = await giftsFor(seconds);
    const liveGifts = gifts;
    const liveBacklog = await outbox();
    const liveDrainMs = await drained(db, 120_000);
    await sleep(1500); // the last checkpoint
    const liveAppends =
      (await appendedBetween(live.t0, live.t1)) / ((live.t1.getTime() - live.t0.getTime()) / 1000);
    const total =
      (await db.query('select count(*)::int as n from ledger_entries where org_id = $1', [orgId])).rows[0].n -
      before;
    // Two clocks: from the event (its business transaction's start, as the entry's `at` records it) and
    // from the entry's append — the "at most one second after new entries".
    const lags = (
      await db.query(
        `select extract(epoch from (c.created_at - (e.entry::jsonb->>'at')::timestamptz)) * 1000 as event_ms,
                extract(epoch from (c.created_at - e.created_at)) * 1000 as append_ms
         from ledger_entries e
         join lateral (select created_at from ledger_checkpoints c
                       where c.org_id = e.org_id and c.size > e.idx order by c.size limit 1) c on true
         where e.org_id = $1 and e.created_at >= $2`,
        [orgId, live.t0],
      )
    ).rows;
    const eventLag = lags.map((r) => Number(r.event_ms)).sort((a, b) => a - b);
    const lag = lags.map((r) => Number(r.append_ms)).sort((a, b) => a - b);
    const [{ uncovered }] = (
      await db.query(
        `select count(*)::int as uncovered from ledger_entries e where e.org_id = $1 and e.created_at >= $2
         and not exists (select 1 from ledger_checkpoints c where c.org_id = e.org_id and c.size > e.idx)`,
        [orgId, live.t0],
      )
    ).rows;
    const [{ cosigned, checkpoints }] = (
      await db.query(
        `select count(*) filter (where cosigned)::int as cosigned, count(*)::int as checkpoints
       from ledger_checkpoints where org_id = $1 and created_at >= $2`,
        [orgId, live.t0],
      )
    ).rows;
    const lagMax = lag.at(-1) ?? Number.NaN;

    // 1b: capacity — the same gifts keep coming while a backlog waits in the outbox (the events of
    // the gifts above, queued again: real rows, real builders), so the log appends as fast as it can.
    await db.query(
      `insert into ledger_outbox (org_id, kind, ref)
       select org_id, kind, ref from (select org_id, kind, ref from ledger_entries where org_id = $1) e,
         generate_series(1, ceil($2::float / greatest(1, (select count(*) from ledger_entries where org_id = $1)))::int)
       limit $2`,
      [orgId, backlogSize],
    );
    const giftsBefore = gifts;
    const busy = await giftsFor(seconds);
    const busyLeft = await outbox();
    const busyAppends =
      (await appendedBetween(busy.t0, busy.t1)) / ((busy.t1.getTime() - busy.t0.getTime()) / 1000);
    await drained(db, 300_000);

    // ---- part 2: proofs over a big log ----
    process.stdout.write(`building a ${logSize.toLocaleString('en')}-entry log in PostgreSQL …\n`);
    const big = (await api.post('/api/orgs', { parentId: orgId, name: '百万条目测试红十字会', level: 'county' }))
      .id as number;
    const tb = performance.now();
    await db.query('begin');
    await db.query(
      `insert into ledger_entries (org_id, idx, kind, ref, entry, leaf_hash)
       select $1, i, 'gift.received', 'gift:' || i, e, sha256('\\x00'::bytea || convert_to(e, 'UTF8'))
       from (select i, '{"i":' || i || '}' as e from generate_series(0, $2 - 1) i) s`,
      [big, logSize],
    );
    // level 1 from the entries' leaf hashes, then each level from the one below
    await db.query(
      `insert into ledger_nodes (org_id, level, idx, hash)
       select l.org_id, 1, l.idx / 2, sha256('\\x01'::bytea || l.leaf_hash || r.leaf_hash)
       from ledger_entries l join ledger_entries r on r.org_id = l.org_id and r.idx = l.idx + 1
       where l.org_id = $1 and l.idx % 2 = 0`,
      [big],
    );
    for (let level = 2; 2 ** level <= logSize; level++) {
      await db.query(
        `insert into ledger_nodes (org_id, level, idx, hash)
         select l.org_id, $2::int, l.idx / 2, sha256('\\x01'::bytea || l.hash || r.hash)
         from ledger_nodes l join ledger_nodes r on r.org_id = l.org_id and r.level = l.level and r.idx = l.idx + 1
         where l.org_id = $1 and l.level = $2::int - 1 and l.idx % 2 = 0`,
        [big, level],
      );
    }
    await db.query('insert into ledger_logs (org_id, size) values ($1, $2)', [big, logSize]);
    await db.query('commit');
    await db.query('analyze ledger_nodes');
    const buildS = (performance.now() - tb) / 1000;
    let note = '';
    for (let i = 0; i < 100 && !note; i++) {
      const res = await fetch(`${url}/api/public/ledger/logs/${big}/checkpoint`);
      if (res.ok) note = await res.text();
      else await sleep(100);
    }
    const logs = (await (await fetch(`${url}/api/public/ledger/logs`)).json()) as {
      items: { orgId: number; keys: string[]; witness: { keys: string[] } | null }[];
    };
    const keys = logs.items.find((l) => l.orgId === big)!;
    const cp = tlog.openCheckpoint(note, { logKeys: keys.keys, witnessKeys: keys.witness?.keys ?? [] });
    if (cp.checkpoint.size !== logSize) throw new Error(`checkpoint size ${cp.checkpoint.size}`);

    const served: number[] = [];
    const verified: number[] = [];
    let maxHashes = 0;
    let failures = 0;
    for (let i = 0; i < proofCount; i++) {
      const index = Math.floor(Math.random() * logSize);
      const ts = performance.now();
      const res = await fetch(
        `${url}/api/public/ledger/logs/${big}/proofs/inclusion?index=${index}&size=${logSize}`,
      );
      const proof = (await res.json()) as { hashes: string[] };
      served.push(performance.now() - ts);
      maxHashes = Math.max(maxHashes, proof.hashes.length);
      if (i < 500) {
        const entry = (await (
          await fetch(`${url}/api/public/ledger/logs/${big}/entries/${index}`)
        ).json()) as { entry: string };
        const tv = performance.now();
        const good = tlog.verifyInclusion(
          tlog.leafHash(tlog.entryBytes(entry.entry)),
          index,
          logSize,
          proof.hashes.map(tlog.fromBase64),
          cp.checkpoint.rootHash,
        );
        verified.push(performance.now() - tv);
        if (!good) failures++;
      }
    }
    // The use case itself, without HTTP (the issue allows either): the server's code on its own pool.
    const direct = await openPostgres(server.databaseUrl!, 4);
    const useCase: number[] = [];
    for (let i = 0; i < proofCount; i++) {
      const index = Math.floor(Math.random() * logSize);
      const ts = performance.now();
      await getInclusionProof(direct.db, big, index, logSize);
      useCase.push(performance.now() - ts);
    }
    await direct.close();
    served.sort((a, b) => a - b);
    useCase.sort((a, b) => a - b);
    verified.sort((a, b) => a - b);
    const proofP95 = Math.min(pct(served, 0.95), pct(useCase, 0.95));
    const proofLimit = 32 * Math.ceil(Math.log2(logSize));

    const lines = [
      `live: gifts           ${liveGifts} in ${seconds} s (${(liveGifts / seconds).toFixed(0)}/s), errors ${errors}`,
      `live: appends         ${liveAppends.toFixed(0)} entries/s (2 per gift); ${liveBacklog} events waiting when the gifts stopped, drained ${liveDrainMs} ms later; ${total} entries for ${liveGifts} gifts (${ok(total === liveGifts * 2)})`,
      `checkpoint lag ms     after the append: p50 ${pct(lag, 0.5).toFixed(0)}  p99 ${pct(lag, 0.99).toFixed(0)}  max ${lagMax.toFixed(0)}   target ≤ ${TARGET_LAG_MS}   ratio ${(lagMax / TARGET_LAG_MS).toFixed(2)}   ${ok(lagMax <= TARGET_LAG_MS && uncovered === 0)}`,
      `                      after the event (its transaction's start): p50 ${pct(eventLag, 0.5).toFixed(0)}  p99 ${pct(eventLag, 0.99).toFixed(0)}  max ${(eventLag.at(-1) ?? Number.NaN).toFixed(0)}`,
      `checkpoints           ${checkpoints} signed, ${cosigned} co-signed by the province's witness; entries in none: ${uncovered}`,
      `busy: gifts           ${gifts - giftsBefore} in ${seconds} s (${((gifts - giftsBefore) / seconds).toFixed(0)}/s) with ${backlogSize} events queued at the start`,
      `busy: appends         ${busyAppends.toFixed(0)} entries/s together with the gifts (${busyLeft} still queued at the end)   target ≥ ${TARGET_APPENDS}   ratio ${(busyAppends / TARGET_APPENDS).toFixed(2)}   ${ok(busyAppends >= TARGET_APPENDS)}`,
      `big log               ${logSize.toLocaleString('en')} entries built in ${buildS.toFixed(1)} s, checkpoint signed by the server`,
      `inclusion proof ms    over HTTP p50 ${pct(served, 0.5).toFixed(2)}  p95 ${pct(served, 0.95).toFixed(2)}; the use case p50 ${pct(useCase, 0.5).toFixed(2)}  p95 ${pct(useCase, 0.95).toFixed(2)} (${proofCount} proofs each)   target ≤ ${TARGET_PROOF_MS}   ratio ${(proofP95 / TARGET_PROOF_MS).toFixed(2)}   ${ok(proofP95 <= TARGET_PROOF_MS)}`,
      `verify ms             p50 ${pct(verified, 0.5).toFixed(3)}  p95 ${pct(verified, 0.95).toFixed(3)} (${verified.length} proofs, ${failures} failed)   target ≤ ${TARGET_VERIFY_MS}   ratio ${(pct(verified, 0.95) / TARGET_VERIFY_MS).toFixed(2)}   ${ok(pct(verified, 0.95) <= TARGET_VERIFY_MS && failures === 0)}`,
      `proof size            ${maxHashes * 32} bytes max   limit 32·⌈log₂ n⌉ = ${proofLimit}   ratio ${((maxHashes * 32) / proofLimit).toFixed(2)}   ${ok(maxHashes * 32 <= proofLimit)}`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await db.end().catch(() => undefined);
    await server.dispose();
  }
}

/** Waits until the outbox is empty; returns how long that took. */
async function drained(db: pg.Client, timeoutMs: number): Promise<number> {
  const t = Date.now();
  while (Date.now() - t < timeoutMs) {
    const [{ n }] = (await db.query('select count(*)::int as n from ledger_outbox')).rows;
    if (n === 0) return Date.now() - t;
    await sleep(50);
  }
  throw new Error('the ledger outbox did not drain');
}

await main();
