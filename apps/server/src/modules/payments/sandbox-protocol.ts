import { z } from 'zod';

/**
 * The sandbox provider's wire format, shared by the sandbox (which plays the outside provider) and
 * our adapter for it. Modelled on WeChat Pay v3: a notification names an event type and carries the
 * transaction as `resource` (WeChat encrypts it with AES-256-GCM; the sandbox sends it in clear).
 */
export const SANDBOX_EVENTS = {
  paid: 'TRANSACTION.SUCCESS',
  pending: 'TRANSACTION.USERPAYING',
  closed: 'TRANSACTION.CLOSED',
} as const;

const token = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const sandboxNotificationSchema = z.object({
  id: token,
  create_time: z.string().max(40),
  event_type: z.enum([SANDBOX_EVENTS.paid, SANDBOX_EVENTS.pending, SANDBOX_EVENTS.closed]),
  resource: z.object({
    out_trade_no: token,
    transaction_id: token,
    trade_state: z.enum(['SUCCESS', 'USERPAYING', 'CLOSED']),
    amount: z.object({ total: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
    success_time: z.string().max(40).nullable(),
  }),
});
export type SandboxNotification = z.infer<typeof sandboxNotificationSchema>;

/**
 * How the sandbox delivers a payment's notifications (a test hook, `?notify=` on the pay call):
 * - normal: three deliveries of the same notification, spread over about two seconds;
 * - duplicate: five copies at once;
 * - shuffle: an older "user paying" notification and several copies of the success, in random order;
 * - none: nothing at all (the merchant must find the payment by querying).
 */
export const SANDBOX_NOTIFY_MODES = ['normal', 'duplicate', 'shuffle', 'none'] as const;
export type SandboxNotifyMode = (typeof SANDBOX_NOTIFY_MODES)[number];

export const sandboxCreateBodySchema = z
  .object({
    merchantOrderNo: z.string().regex(/^[A-Za-z0-9_-]{6,32}$/),
    amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    notifyUrl: z.url({ protocol: /^https?$/ }).max(500),
  })
  .strict();
export const sandboxCreatedSchema = z.object({ txnId: z.string(), payUrl: z.string() });

export const sandboxQueryResultSchema = z.object({
  txnId: z.string(),
  merchantOrderNo: z.string(),
  amountFen: z.number().int(),
  status: z.enum(['pending', 'paid', 'closed']),
  paidAt: z.string().nullable(),
});
