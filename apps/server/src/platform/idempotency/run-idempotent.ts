import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Queryable, Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { idempotencyKeys } from './schema.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_FORMAT = /^[A-Za-z0-9_.:-]{8,100}$/;

export interface IdempotencyClaim {
  owner: string;
  key: string;
  requestHash: string;
}

/** The request's Idempotency-Key as a claim to store (null without the header); a malformed key is refused. */
export function idempotencyClaimOf(req: FastifyRequest): IdempotencyClaim | null {
  const raw = req.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return null;
  const key = Array.isArray(raw) ? raw[0]! : raw;
  if (!KEY_FORMAT.test(key)) {
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'headers.idempotency-key', code: 'IDEMPOTENCY_KEY_FORMAT' },
    ]);
  }
  const owner = req.actor ? `u:${req.actor.userId}` : 'public';
  const requestHash = createHash('sha256')
    .update(
      `${req.method} ${req.routeOptions.url}\n${JSON.stringify(req.params)}\n${JSON.stringify(req.body ?? null)}`,
    )
    .digest('hex');
  return { owner, key, requestHash };
}

/**
 * Runs a write in one transaction, exactly once per `Idempotency-Key`. Without the header it is a
 * plain transaction. With it, the key row is inserted first: a concurrent duplicate blocks on the
 * primary key until the first commits and then replays its stored answer (header
 * `Idempotent-Replayed: true`); if the first rolled back, the duplicate simply runs.
 */
export async function runIdempotent<T>(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  write: (tx: Tx) => Promise<T>,
): Promise<T> {
  const claim = idempotencyClaimOf(req);
  if (!claim) return db.transaction(write);
  const { owner, key, requestHash } = claim;
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ owner, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (!claimed.length) {
      const [first] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key)));
      if (first!.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED', 422);
      reply.header('idempotent-replayed', 'true');
      return first!.response as T;
    }
    const result = await write(tx);
    await tx
      .update(idempotencyKeys)
      .set({ response: (result ?? null) as never })
      .where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key)));
    return result;
  });
}

/** Housekeeping: a retry a day later is a new request. */
export const purgeIdempotencyKeys = (q: Queryable) =>
  q.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - interval '1 day'`));
