import { shanghaiDate } from '@boai/contracts';
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../../platform/db/client.ts';
import { receiptNumber } from './receipt-number.ts';
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
 * Numbers these gifts' receipts inside the caller's transaction: one counter update per society,
 * one INSERT of all receipts, one UPDATE pointing the gifts at them. The counter rows stay locked
 * until commit, so numbers are dense and never shared. Returns each gift's receipt number.
 */
export async function assignReceiptNumbers(
  tx: Tx,
  waiting: readonly Waiting[],
  now: Date,
): Promise<Map<number, string>> {
  const numbers = new Map<number, string>();
  if (!waiting.length) return numbers;
  const year = Number(shanghaiDate(now).slice(0, 4));
  const perOrg = new Map<number, Waiting[]>();
  for (const g of waiting) {
    const list = perOrg.get(Number(g.org_id)) ?? [];
    list.push(g);
    perOrg.set(Number(g.org_id), list);
  }
  // Counters are taken in org order, so two transactions never wait on each other's rows crosswise.
  const orgIds = [...perOrg.keys()].sort((a, b) => a - b);
  const counters = await queryRows<{ org_id: number; last_seq: number }>(
    tx,
    sql`insert into receipt_series (org_id, year, last_seq)
        values ${sql.join(
          orgIds.map((o) => sql`(${o}, ${year}, ${perOrg.get(o)!.length})`),
          sql`, `,
        )}
        on conflict (org_id, year) do update set last_seq = receipt_series.last_seq + excluded.last_seq
        returning org_id, last_seq`,
  );
  const values = [];
  for (const c of counters) {
    const list = perOrg.get(Number(c.org_id))!;
    let seq = Number(c.last_seq) - list.length;
    for (const g of list) {
      seq += 1;
      const number = receiptNumber(year, Number(g.org_id), seq);
      numbers.set(Number(g.id), number);
      values.push(
        sql`(${g.org_id}::int, ${year}::int, ${seq}::int, ${number}, ${g.id}::int, ${g.amount_fen}::bigint)`,
      );
    }
  }
  await tx.execute(sql`
    with issued as (
      insert into receipts (org_id, year, seq, number, gift_id, amount_fen, replaces_id)
      select v.*, (select max(old.id) from receipts old where old.gift_id = v.gift_id)
      from (values ${sql.join(values, sql`, `)}) as v (org_id, year, seq, number, gift_id, amount_fen)
      returning id, gift_id)
    update gifts set receipt_id = issued.id from issued where gifts.id = issued.gift_id`);
  return numbers;
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
      const timer = setInterval(() => void nextRun().catch(onError), intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
