import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../db/client.ts';
import { rotateFields, type PiiVault } from '../pii/index.ts';
import { PermanentSmsError, type SmsProvider } from './provider.ts';
import { smsOutbox } from './schema.ts';

/** Tries before a message is given up as failed. */
export const SMS_MAX_ATTEMPTS = 5;

export interface QueuedSms {
  mobile: string;
  template: string;
  params: Record<string, string>;
  text: string;
}

/**
 * Queues a message in the caller's transaction: it goes out only if that transaction commits.
 * The number and the message are both encrypted — a message may carry a login code, and a code
 * readable in the database would undo storing only its hash.
 */
export async function queueSms(tx: Tx, pii: PiiVault, message: QueuedSms): Promise<number> {
  const [row] = await tx
    .insert(smsOutbox)
    .values({
      mobileEnc: pii.encrypt(message.mobile),
      template: message.template,
      body: pii.encrypt(JSON.stringify({ text: message.text, params: message.params })),
    })
    .returning({ id: smsOutbox.id });
  return row!.id;
}

export interface DeliveryRun {
  sent: number;
  /** Failed this time, to be tried again by a later run. */
  retrying: number;
  /** Given up (attempts exhausted, or a permanent refusal). */
  failed: number;
}

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 500);

/**
 * Delivers queued messages, oldest first, each in its own short transaction holding its row with
 * FOR UPDATE SKIP LOCKED while the provider is called: several processes share the queue and never
 * send the same message, and a message is marked sent in the same commit. A crash between the
 * gateway's acceptance and that commit sends it again on the next run (at least once; gateways
 * de-duplicate by the message id). Each message is tried at most once per run.
 */
export async function deliverQueuedSms(
  db: Db,
  pii: PiiVault,
  provider: SmsProvider,
  limit = 100,
): Promise<DeliveryRun> {
  const run: DeliveryRun = { sent: 0, retrying: 0, failed: 0 };
  let after = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(smsOutbox)
        .where(and(eq(smsOutbox.status, 'queued'), gt(smsOutbox.id, after)))
        .orderBy(asc(smsOutbox.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return null;
      after = row.id;
      const attempts = row.attempts + 1;
      try {
        const body = JSON.parse(pii.decrypt(row.body)) as { text: string; params: Record<string, string> };
        await provider.send({
          id: row.id,
          mobile: pii.decrypt(row.mobileEnc),
          template: row.template,
          params: body.params,
          text: body.text,
        });
        await tx
          .update(smsOutbox)
          .set({ status: 'sent', attempts, sentAt: sql`now()`, lastError: null })
          .where(eq(smsOutbox.id, row.id));
        return 'sent' as const;
      } catch (e) {
        const giveUp = e instanceof PermanentSmsError || attempts >= SMS_MAX_ATTEMPTS;
        await tx
          .update(smsOutbox)
          .set({ status: giveUp ? 'failed' : 'queued', attempts, lastError: errorText(e) })
          .where(eq(smsOutbox.id, row.id));
        return giveUp ? ('failed' as const) : ('retrying' as const);
      }
    });
    if (!outcome) break;
    run[outcome]++;
  }
  return run;
}

/**
 * The delivery job: runs every `intervalMs`; while the gateway keeps refusing, it waits twice as long
 * after each failing run (up to a minute), so an outage does not burn every message's attempts at once.
 */
export function startSmsDelivery(
  db: Db,
  pii: PiiVault,
  provider: SmsProvider,
  intervalMs: number,
  onError: (err: unknown) => void,
): () => void {
  let delay = intervalMs;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const run = await deliverQueuedSms(db, pii, provider);
      delay = run.retrying || run.failed ? Math.min(delay * 2, 60_000) : intervalMs;
    } catch (err) {
      onError(err);
      delay = Math.min(delay * 2, 60_000);
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), delay);
      timer.unref();
    }
  };
  timer = setTimeout(() => void tick(), delay);
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** Housekeeping: delivered and failed messages are kept 30 days for enquiries, then forgotten. */
export const purgeOldSms = (q: Queryable) =>
  q
    .delete(smsOutbox)
    .where(
      and(
        inArray(smsOutbox.status, ['sent', 'failed']),
        lt(smsOutbox.createdAt, sql`now() - interval '30 days'`),
      ),
    );

/** Key rotation for the outbox's numbers and messages (see staff/rotate-pii.ts for the contract). */
export async function rotateSmsPii(tx: Tx, pii: PiiVault): Promise<number> {
  const rows = await tx
    .select({ id: smsOutbox.id, mobileEnc: smsOutbox.mobileEnc, body: smsOutbox.body })
    .from(smsOutbox)
    .for('update');
  let changed = 0;
  for (const { id, ...fields } of rows) {
    const rotated = rotateFields(pii, fields);
    if (!rotated) continue;
    await tx.update(smsOutbox).set(rotated).where(eq(smsOutbox.id, id));
    changed++;
  }
  return changed;
}
