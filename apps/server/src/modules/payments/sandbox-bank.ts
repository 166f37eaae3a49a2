import type { SandboxPayment } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db/client.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { SANDBOX_EVENTS, type SandboxNotification, type SandboxNotifyMode } from './sandbox-protocol.ts';
import { signSandboxBody } from './sandbox-signature.ts';
import { sandboxPayments } from './schema.ts';

/**
 * The built-in sandbox provider: it plays WeChat Pay / Alipay for development, tests and demos. It
 * keeps its own books (sandbox_payments), serves a cashier page, and delivers signed notifications
 * over HTTP at least once — more often, out of order, or never, when told to — so that the merchant
 * side is tested against what real providers do. It takes no money: never run it in production
 * (BOAI_PAYMENT_PROVIDER=off switches it off).
 */
export const SANDBOX_MERCHANT = '红十字会';

type SandboxRow = typeof sandboxPayments.$inferSelect;

const present = (r: SandboxRow): SandboxPayment => ({
  txnId: r.txnId,
  merchantOrderNo: r.merchantOrderNo,
  merchantName: SANDBOX_MERCHANT,
  amountFen: r.amountFen,
  status: r.status as SandboxPayment['status'],
  paidAt: r.paidAt ? r.paidAt.toISOString() : null,
});

async function find(q: Queryable, txnId: string): Promise<SandboxRow> {
  const [row] = await q.select().from(sandboxPayments).where(eq(sandboxPayments.txnId, txnId));
  if (!row) throw notFound();
  return row;
}

/**
 * Opens a payment; the same merchant order again returns the same payment (as real providers do).
 * `publicUrl` is the merchant's registered address: notifications go nowhere else.
 */
export async function createSandboxPayment(
  q: Queryable,
  input: { merchantOrderNo: string; amountFen: number; notifyUrl: string },
  publicUrl: string,
): Promise<{ txnId: string; payUrl: string }> {
  // Like a real provider, which only calls back to the merchant's registered domain: without this the
  // sandbox would post to any address a stranger names (a request forgery relay).
  if (!input.notifyUrl.startsWith(`${publicUrl.replace(/\/$/, '')}/api/payments/notify/`)) {
    throw invalid('SANDBOX_NOTIFY_URL_FOREIGN', 'notifyUrl');
  }
  const txnId = `SBX${Date.now()}${randomBytes(6).toString('hex').toUpperCase()}`;
  const [created] = await q
    .insert(sandboxPayments)
    .values({ txnId, ...input })
    .onConflictDoNothing()
    .returning();
  const row =
    created ??
    (
      await q.select().from(sandboxPayments).where(eq(sandboxPayments.merchantOrderNo, input.merchantOrderNo))
    )[0]!;
  if (row.amountFen !== input.amountFen) throw conflict('SANDBOX_ORDER_CONFLICT');
  return { txnId: row.txnId, payUrl: `${publicUrl.replace(/\/$/, '')}/p/sandbox-pay/${row.txnId}` };
}

export const getSandboxPayment = async (q: Queryable, txnId: string) => present(await find(q, txnId));

export async function querySandboxByOrder(q: Queryable, merchantOrderNo: string) {
  const [row] = await q
    .select()
    .from(sandboxPayments)
    .where(eq(sandboxPayments.merchantOrderNo, merchantOrderNo));
  if (!row) throw notFound();
  const { txnId, amountFen, status, paidAt } = present(row);
  return { txnId, merchantOrderNo, amountFen, status, paidAt };
}

/**
 * The payer confirms on the cashier page. Only the call that moves the payment from pending to paid
 * gets `justPaid` (and sends the notifications); paying a paid payment again changes nothing.
 */
export async function paySandbox(
  q: Queryable,
  txnId: string,
  now = new Date(),
): Promise<{ row: SandboxRow; payment: SandboxPayment; justPaid: boolean }> {
  const [paid] = await q
    .update(sandboxPayments)
    .set({ status: 'paid', paidAt: now })
    .where(and(eq(sandboxPayments.txnId, txnId), eq(sandboxPayments.status, 'pending')))
    .returning();
  if (paid) return { row: paid, payment: present(paid), justPaid: true };
  const row = await find(q, txnId);
  if (row.status === 'closed') throw conflict('SANDBOX_PAYMENT_CLOSED');
  return { row, payment: present(row), justPaid: false };
}

/** The payer cancels on the cashier page (a paid payment cannot be cancelled). */
export async function cancelSandbox(q: Queryable, txnId: string): Promise<SandboxPayment> {
  const row = await find(q, txnId);
  if (row.status === 'paid') throw conflict('SANDBOX_PAYMENT_CLOSED');
  const [closed] = await q
    .update(sandboxPayments)
    .set({ status: 'closed' })
    .where(eq(sandboxPayments.txnId, txnId))
    .returning();
  return present(closed!);
}

/** The notification body the sandbox sends about a payment. */
export function sandboxNotification(
  row: SandboxRow,
  state: 'paid' | 'pending',
  id = randomUUID(),
  createdAt = new Date(),
): SandboxNotification {
  return {
    id,
    create_time: createdAt.toISOString(),
    event_type: state === 'paid' ? SANDBOX_EVENTS.paid : SANDBOX_EVENTS.pending,
    resource: {
      out_trade_no: row.merchantOrderNo,
      transaction_id: row.txnId,
      trade_state: state === 'paid' ? 'SUCCESS' : 'USERPAYING',
      amount: { total: row.amountFen },
      success_time: state === 'paid' && row.paidAt ? row.paidAt.toISOString() : null,
    },
  };
}

type Delivery = { body: SandboxNotification; delayMs: number };

/** What to send, and when, for each delivery mode (see SANDBOX_NOTIFY_MODES). */
export function deliveryPlan(row: SandboxRow, mode: SandboxNotifyMode): Delivery[] {
  const paid = sandboxNotification(row, 'paid');
  switch (mode) {
    case 'none':
      return [];
    case 'duplicate':
      return Array.from({ length: 5 }, () => ({ body: paid, delayMs: 0 }));
    case 'shuffle': {
      const older = sandboxNotification(row, 'pending', randomUUID(), new Date(row.createdAt));
      const all = [older, paid, paid, paid];
      // Fisher–Yates with small random delays: arrival order is anyone's guess, as on the internet.
      for (let i = all.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [all[i], all[j]] = [all[j]!, all[i]!];
      }
      return all.map((body) => ({ body, delayMs: Math.floor(Math.random() * 300) }));
    }
    default:
      return [0, 500, 2000].map((delayMs) => ({ body: paid, delayMs }));
  }
}

/**
 * Sends a payment's notifications to the merchant's notify URL, signed, in the background. Every
 * delivery is signed afresh (new nonce and timestamp), like a real resend. Failures are only logged:
 * the merchant is expected to query for payments it did not hear about.
 */
export function deliverNotifications(
  row: SandboxRow,
  mode: SandboxNotifyMode,
  privateKeyPem: string,
  onError: (err: unknown) => void,
): Promise<void[]> {
  return Promise.all(
    deliveryPlan(row, mode).map(
      ({ body, delayMs }) =>
        new Promise<void>((resolve) => {
          setTimeout(() => {
            const text = JSON.stringify(body);
            fetch(row.notifyUrl, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                ...signSandboxBody(privateKeyPem, text, new Date()),
              },
              body: text,
              signal: AbortSignal.timeout(10_000),
            })
              .then((res) => res.arrayBuffer())
              .catch(onError)
              .finally(resolve);
          }, delayMs).unref();
        }),
    ),
  );
}
