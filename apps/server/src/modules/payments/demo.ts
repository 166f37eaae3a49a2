import type { CreateDonationOrderInput } from '@boai/contracts';
import { generateKeyPairSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { appeals, receiptDeskFor } from '../donations/index.ts';
import { confirmPaymentIn } from './confirm-payment.ts';
import { createDonationOrder } from './create-order.ts';
import { createSandboxPayment, paySandbox, sandboxNotification } from './sandbox-bank.ts';
import { sandboxProvider } from './sandbox-provider.ts';
import { signSandboxBody } from './sandbox-signature.ts';

type DemoOrder = [appealName: string, hoursAgo: number, input: Omit<CreateDonationOrderInput, 'appealId'>];

const ORDERS: DemoOrder[] = [
  [
    '太湖流域防汛救灾专项',
    50,
    { amountFen: 20_000, anonymous: false, name: '李明轩', nameConsent: false, mobile: '13915550001' },
  ],
  ['太湖流域防汛救灾专项', 26, { amountFen: 5_000, anonymous: true, nameConsent: false, mobile: null }],
  [
    '2026年“博爱送万家”专项募捐',
    3,
    { amountFen: 10_000, anonymous: false, name: '周晓雯', nameConsent: true, mobile: '13915550002' },
  ],
  [
    '“天使计划”困境儿童医疗救助',
    20,
    { amountFen: 50_000, anonymous: false, name: '陆家豪', nameConsent: false, mobile: null },
  ],
  ['“天使计划”困境儿童医疗救助', 5, { amountFen: 1_000, anonymous: true, nameConsent: false, mobile: null }],
];

/**
 * Scan gifts as they happen: the order, the sandbox's payment, its signed notification verified by
 * our adapter, and the confirmation that records the gift. Only the HTTP hop is skipped (the demo
 * seed runs before the server listens), so the notification is signed with a key pair of its own.
 */
export async function seedDemoPayments(tx: Tx, seed: DemoSeed): Promise<void> {
  const keys = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const provider = sandboxProvider({ baseUrl: 'http://127.0.0.1', publicKeyPem: keys.publicKey });
  for (const [appealName, hoursAgo, input] of ORDERS) {
    const [appeal] = await tx.select({ id: appeals.id }).from(appeals).where(eq(appeals.name, appealName));
    const createdAt = new Date(Date.now() - hoursAgo * 3_600_000);
    const { order } = await createDonationOrder(
      tx,
      seed.pii,
      provider.name,
      { ...input, appealId: appeal!.id },
      createdAt,
    );
    const { txnId } = await createSandboxPayment(
      tx,
      {
        merchantOrderNo: order.outTradeNo,
        amountFen: order.amountFen,
        notifyUrl: 'http://127.0.0.1/api/payments/notify/sandbox',
      },
      'http://127.0.0.1',
    );
    const paidAt = new Date(createdAt.getTime() + 40_000);
    const { row } = await paySandbox(tx, txnId, paidAt);
    const body = JSON.stringify(sandboxNotification(row, 'paid'));
    const check = provider.verifyNotification(
      signSandboxBody(keys.privateKey, body, new Date()),
      Buffer.from(body),
      new Date(),
    );
    if (!check.ok) throw new Error(`demo notification refused: ${check.reason}`);
    await confirmPaymentIn(tx, seed.pii, { ...check.event, paidAt: check.event.paidAt! });
  }
}

/** The demo's scan gifts get their receipts like any other (the desk runs after the seed commits). */
export const afterSeedDemoPayments = async (db: Db) => void (await receiptDeskFor(db).runOnce());
