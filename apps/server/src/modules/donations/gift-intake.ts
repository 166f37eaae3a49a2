import type { CreateGiftInput, Gift } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { auditInsertFor } from '../../platform/audit/record.ts';
import { publicEventsInsert } from '../../platform/ledger/index.ts';
import { queryRows, type Db, type Tx } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { AppError } from '../../platform/errors.ts';
import type { IdempotencyClaim } from '../../platform/idempotency/run-idempotent.ts';
import { idempotencyKeys } from '../../platform/idempotency/schema.ts';
import { receiptIssueCtes } from './receipt-desk.ts';
import { checkGiftTargetsMany, giftValues, type GiftRow, type GiftTargets } from './record-gift.ts';
import { toGift } from './list-gifts.ts';

/**
 * Staff gift entry with group commit. Gifts keyed in at the same moment — a counter at a charity
 * gala, a call-centre team, an integration posting gifts as they come — are written together: one
 * transaction claims their idempotency keys, checks them all in one query, inserts them, audits
 * them, numbers their receipts and stores the answers. Each request still gets its own answer or
 * its own refusal; a refusal never touches the others. Why: every statement is a round trip, and a
 * round trip per gift per step is what limits how many gifts a second one server can receipt.
 *
 * Requests arriving while batches are in flight form the next one, so under light load a batch is
 * a single gift and nothing waits.
 */
export interface GiftIntake {
  submit(actor: Actor, input: CreateGiftInput, claim: IdempotencyClaim | null): Promise<IntakeResult>;
}

export interface IntakeResult {
  gift: Gift;
  /** True when this answers a retry of a request already done (the stored first answer). */
  replayed: boolean;
}

interface Job {
  actor: Actor;
  input: CreateGiftInput;
  claim: IdempotencyClaim | null;
  resolve(r: IntakeResult): void;
  reject(e: unknown): void;
}

const MAX_BATCH = 500;
const MAX_IN_FLIGHT = 2;
const intakes = new WeakMap<Db, GiftIntake>();

export function giftIntakeFor(db: Db): GiftIntake {
  let intake = intakes.get(db);
  if (!intake) {
    intake = createGiftIntake(db);
    intakes.set(db, intake);
  }
  return intake;
}

const claimId = (c: { owner: string; key: string }) => `${c.owner}\n${c.key}`;

/** Thrown when a concurrent request spent a key of this batch first: the batch reruns job by job. */
class KeyTakenMeanwhile extends Error {}

type RawGift = Omit<GiftRow, 'amountFen' | 'createdAt'> & { amountFen: string | number; createdAt: Date | string };

/**
 * Inserts accepted gifts with their receipts, audit rows and public events (for the transparency log)
 * in ONE statement. The gift ids are drawn
 * first, so each receipt names its gift and each gift its receipt as they are inserted: no second write
 * of every gift to point it at its receipt (which, changing a column the desk's index depends on, also
 * rewrote every index entry and left a dead row per gift). The two foreign keys are checked at the end
 * of the statement, when both rows exist.
 */
async function insertReceiptedGifts(
  tx: Tx,
  jobs: readonly { actor: Actor; input: CreateGiftInput; donorPublicName: string }[],
  now: Date,
): Promise<{ row: GiftRow; receiptNo: string }[]> {
  const input = rowsOf(
    {
      ord: 'int',
      org_id: 'int',
      donor_id: 'int',
      channel: 'text',
      amount_fen: 'bigint',
      received_on: 'date',
      appeal_id: 'int',
      purpose: 'text',
      external_ref: 'text',
      import_id: 'int',
      note: 'text',
      donor_public_name: 'text',
    },
    jobs.map(({ input, donorPublicName }, ord) => {
      const g = giftValues(input, donorPublicName);
      return {
        ord,
        org_id: g.orgId,
        donor_id: g.donorId,
        channel: g.channel,
        amount_fen: g.amountFen,
        received_on: g.receivedOn,
        appeal_id: g.appealId,
        purpose: g.purpose,
        external_ref: g.externalRef,
        import_id: g.importId,
        note: g.note,
        donor_public_name: g.donorPublicName,
      };
    }),
  );
  const audits = jobs.map(({ actor, input }) => ({
    actor,
    event: { action: 'gifts.create' as const, orgId: input.orgId, entityType: 'gift', after: input },
  }));
  const rows = await queryRows<RawGift & { ord: number; receiptNo: string }>(
    tx,
    sql`with input as ${input},
      ids as (select ord, nextval(pg_get_serial_sequence('gifts', 'id'))::int as entity_id from input),
      v as (select ids.entity_id as gift_id, input.org_id, input.amount_fen from input join ids using (ord)),
      ${receiptIssueCtes(now, sql`null::int`)},
      made as (
        insert into gifts (id, org_id, donor_id, channel, amount_fen, received_on, appeal_id, purpose,
               external_ref, import_id, note, donor_public_name, receipt_id)
        overriding system value
        select ids.entity_id, input.org_id, input.donor_id, input.channel, input.amount_fen, input.received_on,
               input.appeal_id, input.purpose, input.external_ref, input.import_id, input.note,
               input.donor_public_name, issued.id
        from input join ids using (ord) join issued on issued.gift_id = ids.entity_id
        returning id, org_id as "orgId", donor_id as "donorId", form, channel, amount_fen as "amountFen",
               received_on::text as "receivedOn", appeal_id as "appealId", purpose, status,
               cancel_reason as "cancelReason", receipt_id as "receiptId", external_ref as "externalRef",
               import_id as "importId", stock_status as "stockStatus", note,
               donor_public_name as "donorPublicName", created_at as "createdAt"),
      audited as (${auditInsertFor(audits, sql`ids`)}),
      logged as (${publicEventsInsert(sql`
        select issued.org_id, e.kind, e.ref
        from issued cross join lateral (values
          (0, 'gift.received', 'gift:' || issued.gift_id),
          (1, 'receipt.issued', 'receipt:' || issued.id)) as e (n, kind, ref)
        order by issued.gift_id, e.n`)})
    select ids.ord, made.*, issued.number as "receiptNo"
    from ids join made on made.id = ids.entity_id join issued on issued.gift_id = made.id
    order by ids.ord`,
  );
  return rows.map(({ ord: _ord, receiptNo, ...g }) => ({
    row: { ...g, amountFen: Number(g.amountFen), createdAt: new Date(g.createdAt) },
    receiptNo,
  }));
}

/** One batch in one transaction; returns per job its result or its refusal. */
async function writeBatch(tx: Tx, jobs: Job[], now: Date): Promise<(IntakeResult | AppError)[]> {
  const out: (IntakeResult | AppError | undefined)[] = Array(jobs.length);

  // 1. Idempotency: a key already spent answers with its stored first answer. Keys are only read
  // here and written once, with their answers, at the end (step 4).
  const keyed = jobs.flatMap((j, i) => (j.claim ? [{ i, claim: j.claim }] : []));
  if (keyed.length) {
    const stored = await tx
      .select()
      .from(idempotencyKeys)
      .where(
        sql`(${idempotencyKeys.owner}, ${idempotencyKeys.key}) in (${sql.join(
          keyed.map(({ claim }) => sql`(${claim.owner}, ${claim.key})`),
          sql`, `,
        )})`,
      );
    const byId = new Map(stored.map((s) => [claimId(s), s]));
    for (const { i, claim } of keyed) {
      const first = byId.get(claimId(claim));
      if (!first) continue;
      out[i] =
        first.requestHash !== claim.requestHash
          ? new AppError('IDEMPOTENCY_KEY_REUSED', 422)
          : { gift: first.response as Gift, replayed: true };
    }
  }

  // 2. Checks, one query per distinct actor (scope differs per actor).
  const byActor = new Map<Actor, number[]>();
  jobs.forEach((j, i) => {
    if (out[i]) return;
    const list = byActor.get(j.actor) ?? [];
    list.push(i);
    byActor.set(j.actor, list);
  });
  const targets = new Map<number, GiftTargets>();
  for (const [actor, idx] of byActor) {
    const checked = await checkGiftTargetsMany(
      tx,
      actor,
      idx.map((i) => jobs[i]!.input),
      now,
    );
    checked.forEach((c, k) => {
      if (c instanceof AppError) out[idx[k]!] = c;
      else targets.set(idx[k]!, c);
    });
  }

  // 3. Insert, receipt and audit the accepted gifts.
  const accepted = [...targets.keys()].sort((a, b) => a - b);
  if (!accepted.length) return out as (IntakeResult | AppError)[];
  const made = await insertReceiptedGifts(
    tx,
    accepted.map((i) => ({ ...jobs[i]!, donorPublicName: targets.get(i)!.donorPublicName })),
    now,
  );
  made.forEach(({ row, receiptNo }, k) => {
    const i = accepted[k]!;
    out[i] = { replayed: false, gift: toGift(row, { ...targets.get(i)!, receiptNo }) };
  });

  // 4. Spend the keys with their answers, in the same transaction as the gifts. A refused request
  // leaves its key unspent, as a rolled-back runIdempotent would.
  const answered = accepted.filter((i) => jobs[i]!.claim);
  if (answered.length) {
    const spent = await tx
      .insert(idempotencyKeys)
      .values(answered.map((i) => ({ ...jobs[i]!.claim!, response: (out[i] as IntakeResult).gift })))
      .onConflictDoNothing()
      .returning({ owner: idempotencyKeys.owner, key: idempotencyKeys.key });
    // A twin of one of these requests, in another batch or process, committed first (this insert
    // waited for it): undo the batch; rerun alone, each request then finds its key or is not a twin.
    if (spent.length < answered.length) throw new KeyTakenMeanwhile();
  }
  return out as (IntakeResult | AppError)[];
}

export function createGiftIntake(db: Db): GiftIntake {
  let queue: Job[] = [];
  let inFlight = 0;

  async function run(batch: Job[]) {
    try {
      const results = await db.transaction((tx) => writeBatch(tx, batch, new Date()));
      results.forEach((r, i) => (r instanceof AppError ? batch[i]!.reject(r) : batch[i]!.resolve(r)));
    } catch (err) {
      // Something no check foresaw (a constraint, a lost connection) failed the whole batch, which
      // rolled back: each request is retried alone so that only the one at fault fails. A request
      // whose key a twin took meanwhile finds that key (and its answer) when run again.
      if (batch.length === 1 && !(err instanceof KeyTakenMeanwhile)) batch[0]!.reject(err);
      else for (const job of batch) await run([job]);
    }
  }

  /**
   * Starts batches while fewer than two are in flight: the second does its checks and inserts while
   * the first holds the receipt counter, so the database is never idle between batches.
   */
  function pump() {
    pumpScheduled = false;
    while (queue.length && inFlight < MAX_IN_FLIGHT) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        schedulePump();
      });
    }
  }

  /**
   * Batches start after the requests already received have been read (setImmediate runs once the
   * event loop has polled its sockets). Why: an embedded database answers through promises alone, so
   * a batch started at once would run to its end before the next request is even parsed — every
   * batch would be a single gift.
   */
  let pumpScheduled = false;
  function schedulePump() {
    if (pumpScheduled) return;
    pumpScheduled = true;
    setImmediate(pump);
  }

  return {
    submit(actor, input, claim) {
      // The same key twice in one batch: the second waits for the first and is answered like a retry.
      const twin = claim && queue.find((j) => j.claim && claimId(j.claim) === claimId(claim));
      if (twin) {
        if (twin.claim!.requestHash !== claim.requestHash)
          return Promise.reject(new AppError('IDEMPOTENCY_KEY_REUSED', 422));
        return new Promise<IntakeResult>((resolve, reject) => {
          const first = { resolve: twin.resolve, reject: twin.reject };
          twin.resolve = (r) => {
            first.resolve(r);
            resolve({ gift: r.gift, replayed: true });
          };
          twin.reject = (e) => {
            first.reject(e);
            reject(e);
          };
        });
      }
      const result = new Promise<IntakeResult>((resolve, reject) =>
        queue.push({ actor, input, claim, resolve, reject }),
      );
      schedulePump();
      return result;
    },
  };
}
