import type { CreateGiftInput, Gift } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudits } from '../../platform/audit/record.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { IdempotencyClaim } from '../../platform/idempotency/run-idempotent.ts';
import { idempotencyKeys } from '../../platform/idempotency/schema.ts';
import { assignReceiptNumbers } from './receipt-desk.ts';
import { checkGiftTargetsMany, giftValues, type GiftTargets } from './record-gift.ts';
import { toGift } from './list-gifts.ts';
import { gifts } from './schema.ts';

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

/** One batch in one transaction; returns per job its result or its refusal. */
async function writeBatch(tx: Tx, jobs: Job[], now: Date): Promise<(IntakeResult | AppError)[]> {
  const out: (IntakeResult | AppError | undefined)[] = Array(jobs.length);

  // 1. Idempotency: claim every key; a key already spent answers with its stored first answer.
  const keyed = jobs.flatMap((j, i) => (j.claim ? [{ i, claim: j.claim }] : []));
  if (keyed.length) {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values(keyed.map(({ claim }) => claim))
      .onConflictDoNothing()
      .returning({ owner: idempotencyKeys.owner, key: idempotencyKeys.key });
    const won = new Set(claimed.map(claimId));
    const lost = keyed.filter(({ claim }) => !won.has(claimId(claim)));
    if (lost.length) {
      const stored = await tx
        .select()
        .from(idempotencyKeys)
        .where(
          sql`(${idempotencyKeys.owner}, ${idempotencyKeys.key}) in (${sql.join(
            lost.map(({ claim }) => sql`(${claim.owner}, ${claim.key})`),
            sql`, `,
          )})`,
        );
      const byId = new Map(stored.map((s) => [claimId(s), s]));
      for (const { i, claim } of lost) {
        const first = byId.get(claimId(claim))!;
        out[i] =
          first.requestHash !== claim.requestHash
            ? new AppError('IDEMPOTENCY_KEY_REUSED', 422)
            : { gift: first.response as Gift, replayed: true };
      }
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
  // A refused request leaves its key unspent, as a rolled-back runIdempotent would.
  const refusedKeys = keyed.filter(({ i }) => out[i] instanceof AppError && !targets.has(i));
  if (refusedKeys.length) {
    await tx.delete(idempotencyKeys).where(
      sql`(${idempotencyKeys.owner}, ${idempotencyKeys.key}) in (${sql.join(
        refusedKeys.map(({ claim }) => sql`(${claim.owner}, ${claim.key})`),
        sql`, `,
      )})`,
    );
  }

  // 3. Insert, audit and number the accepted gifts.
  const accepted = [...targets.keys()].sort((a, b) => a - b);
  if (accepted.length) {
    // A multi-row INSERT … RETURNING answers in VALUES order.
    const rows = await tx
      .insert(gifts)
      .values(accepted.map((i) => giftValues(jobs[i]!.input)))
      .returning();
    await recordAudits(
      tx,
      rows.map((g, k) => ({
        actor: jobs[accepted[k]!]!.actor,
        event: {
          action: 'gifts.create' as const,
          orgId: g.orgId,
          entityType: 'gift',
          entityId: g.id,
          after: jobs[accepted[k]!]!.input,
        },
      })),
    );
    const numbers = await assignReceiptNumbers(
      tx,
      rows.map((g) => ({ id: g.id, org_id: g.orgId, amount_fen: g.amountFen })),
      now,
      { fresh: true },
    );
    rows.forEach((g, k) => {
      const i = accepted[k]!;
      out[i] = { replayed: false, gift: toGift(g, { ...targets.get(i)!, receiptNo: numbers.get(g.id)! }) };
    });
    // 4. Store the answers under their keys, in the same transaction as the gifts.
    const answered = accepted.filter((i) => jobs[i]!.claim);
    if (answered.length) {
      await tx.execute(sql`
        update ${idempotencyKeys} set response = v.response::jsonb
        from (values ${sql.join(
          answered.map((i) => {
            const c = jobs[i]!.claim!;
            return sql`(${c.owner}, ${c.key}, ${JSON.stringify((out[i] as IntakeResult).gift)})`;
          }),
          sql`, `,
        )}) as v (owner, key, response)
        where ${idempotencyKeys.owner} = v.owner and ${idempotencyKeys.key} = v.key`);
    }
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
      // rolled back: each request is retried alone so that only the one at fault fails.
      if (batch.length === 1) batch[0]!.reject(err);
      else for (const job of batch) await run([job]);
    }
  }

  /**
   * Starts batches while fewer than two are in flight: the second does its checks and inserts while
   * the first holds the receipt counter, so the database is never idle between batches.
   */
  function pump() {
    while (queue.length && inFlight < MAX_IN_FLIGHT) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
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
      pump();
      return result;
    },
  };
}
