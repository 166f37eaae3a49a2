import { shanghaiDate } from '@boai/contracts';
import { and, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { every } from '../../platform/jobs.ts';
import { publicEventsInsert } from '../../platform/ledger/index.ts';
import { gifts } from './schema.ts';

/**
 * The receipt desk numbers receipts for recorded gifts in batches. A gift whose receipt was voided
 * for reissue waits here again; its new receipt names the one it replaces.
 *
 * Why not in the gift's own transaction: a gap-free series means every gift of a society queues on
 * one counter row until its transaction commits, so throughput is bounded by one commit at a time.
 * Here gifts commit in parallel, and one short transaction numbers everything waiting — hundreds of
 * gifts for a single counter update. Still no gap and no duplicate: the numbers, the receipts and
 * the gifts' `receipt_id` commit together or not at all; `FOR UPDATE SKIP LOCKED` lets desks in
 * several processes share the queue without taking the same gift; the series row lock orders them.
 *
 * The request that recorded a gift waits for the next run (`settle`), so staff and the paying donor
 * still see the number at once; a periodic sweep catches gifts whose process stopped before that.
 */
export interface ReceiptDesk {
  /** Numbers every gift waiting now; returns the ids of the gifts it receipted. */
  runOnce(now?: Date): Promise<Set<number>>;
  /** Resolves once these gifts hold a receipt (or after `timeoutMs`, leaving them to the sweep). */
  settle(giftIds: number[], timeoutMs?: number): Promise<void>;
  /** Sweeps the queue every `intervalMs` until the returned stop function is called. */
  start(intervalMs: number, onError: (err: unknown) => void): () => void;
}

const BATCH = 2000;
const desks = new WeakMap<Db, ReceiptDesk>();

/** One desk per database handle, shared by every module that records gifts. */
export function receiptDeskFor(db: Db): ReceiptDesk {
  let desk = desks.get(db);
  if (!desk) {
    desk = createReceiptDesk(db);
    desks.set(db, desk);
  }
  return desk;
}

type Waiting = { id: number; org_id: number; amount_fen: number };

/**
 * The common table expressions that number receipts for the gifts in a relation `v (gift_id, org_id,
 * amount_fen)`, ending in `issued (id, gift_id, org_id, number)`. The counter of each society moves by
 * its number of gifts (counters taken in society order, so two transactions never wait on each other's
 * rows crosswise), and the receipts are inserted — 14 digits: year, society (4), sequence (6), e.g.
 * 20260003000042. The counter rows stay locked until commit, so numbers are dense and never shared.
 * `replaces` is the SQL giving the receipt a reissue replaces (evaluated per row of `numbered`).
 */
export function receiptIssueCtes(now: Date, replaces: SQL): SQL {
  const year = Number(shanghaiDate(now).slice(0, 4));
  return sql`counts as (select org_id, count(*)::int as n from v group by org_id),
      counters as (
        insert into receipt_series (org_id, year, last_seq)
        select org_id, ${year}, n from counts order by org_id
        on conflict (org_id, year) do update set last_seq = receipt_series.last_seq + excluded.last_seq
        returning org_id, last_seq),
      numbered as (
        select v.gift_id, v.org_id, v.amount_fen,
               counters.last_seq - counts.n + row_number() over (partition by v.org_id order by v.gift_id) as seq
        from v join counters using (org_id) join counts using (org_id)),
      issued as (
        insert into receipts (org_id, year, seq, number, gift_id, amount_fen, replaces_id)
        select org_id, ${year}, seq, ${String(year)} || lpad(org_id::text, 4, '0') || lpad(seq::text, 6, '0'),
               gift_id, amount_fen, ${replaces}
        from numbered
        returning id, gift_id, org_id, number)`;
}

/**
 * Numbers receipts for gifts already recorded, inside the caller's transaction, in ONE statement: the
 * receipts are issued (`receiptIssueCtes`), the gifts point at them and each issue is a public event
 * for the transparency log. A gift waiting again after its
 * receipt was voided gets one that names the voided one. Returns each gift's receipt number.
 */
export async function assignReceiptNumbers(
  tx: Tx,
  waiting: readonly Waiting[],
  now: Date,
): Promise<Map<number, string>> {
  if (!waiting.length) return new Map();
  const queue = rowsOf(
    { gift_id: 'int', org_id: 'int', amount_fen: 'bigint' },
    waiting.map((g) => ({ gift_id: g.id, org_id: g.org_id, amount_fen: g.amount_fen })),
  );
  const rows = await queryRows<{ gift_id: number; number: string }>(
    tx,
    sql`with v as ${queue},
      ${receiptIssueCtes(now, sql`(select max(old.id) from receipts old where old.gift_id = numbered.gift_id)`)},
      pointed as (update gifts set receipt_id = issued.id from issued where gifts.id = issued.gift_id),
      logged as (${publicEventsInsert(sql`
        select org_id, 'receipt.issued', 'receipt:' || id from issued order by id`)})
      select gift_id, number from issued`,
  );
  return new Map(rows.map((r) => [Number(r.gift_id), r.number]));
}

async function numberBatch(db: Db, now: Date): Promise<number[]> {
  return db.transaction(async (tx) => {
    const waiting = await queryRows<Waiting>(
      tx,
      sql`select id, org_id, amount_fen from gifts
          where receipt_id is null and status = 'confirmed'
          order by id limit ${BATCH} for update skip locked`,
    );
    await assignReceiptNumbers(tx, waiting, now);
    return waiting.map((g) => Number(g.id));
  });
}

export function createReceiptDesk(db: Db): ReceiptDesk {
  let running: Promise<Set<number>> | null = null;
  let queued: Promise<Set<number>> | null = null;

  /** Runs until the queue is empty. */
  async function drain(now?: Date): Promise<Set<number>> {
    const done = new Set<number>();
    for (;;) {
      const ids = await numberBatch(db, now ?? new Date());
      for (const id of ids) done.add(id);
      if (ids.length < BATCH) return done;
    }
  }

  /**
   * A run that starts after this call: callers arriving while a run is under way share the next one
   * (their gifts may have committed after its SELECT), so N concurrent gifts cost about two runs.
   */
  function nextRun(now?: Date): Promise<Set<number>> {
    if (!running) {
      running = drain(now).finally(() => (running = null));
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return nextRun(now);
      });
    return queued;
  }

  async function unreceipted(ids: number[]): Promise<number> {
    const rows = await db
      .select({ id: gifts.id })
      .from(gifts)
      .where(and(inArray(gifts.id, ids), isNull(gifts.receiptId), sql`${gifts.status} = 'confirmed'`));
    return rows.length;
  }

  return {
    runOnce: (now) => nextRun(now),
    async settle(giftIds, timeoutMs = 2000) {
      if (!giftIds.length) return;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const done = await nextRun();
        if (giftIds.every((id) => done.has(id))) return;
        // Another process's desk (or an earlier run) may have taken some of them.
        if (!(await unreceipted(giftIds)) || Date.now() > deadline) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    start(intervalMs, onError) {
      return every(intervalMs, () => nextRun(), onError);
    },
  };
}
