/**
 * What scan-to-donate needs of a payment provider (WeChat Pay, Alipay, UnionPay, or the built-in
 * sandbox). The rest of the module never speaks a provider's dialect: it creates payments, receives
 * verified events and asks for a payment's state through this interface only.
 * docs/payment-adapters.md says how each real provider maps onto it.
 */
export interface PaymentProvider {
  /** Short name stored on orders and notifications ('sandbox', 'wechat', 'alipay', 'unionpay'). */
  readonly name: string;
  /**
   * Asks the provider to open a payment for this order and returns where the payer's phone goes.
   * Must be idempotent per `outTradeNo` (a retried request returns the same payment).
   */
  createPayment(order: PaymentRequest): Promise<{ payUrl: string }>;
  /**
   * Checks a notification exactly as it arrived (headers and the raw body bytes: a signature covers
   * bytes, not a parsed object) and returns the event it carries, or why it is refused.
   */
  verifyNotification(headers: NotificationHeaders, rawBody: Buffer, now: Date): NotificationCheck;
  /** Asks the provider for the state of a payment by our order number (missing notifications). */
  queryPayment(outTradeNo: string): Promise<PaymentState>;
  /** The answer the provider expects when a notification was taken (so it stops resending). */
  readonly acknowledgement: { contentType: string; body: string };
}

export interface PaymentRequest {
  outTradeNo: string;
  amountFen: number;
  /** What the payer sees on the cashier page (appeal name). */
  description: string;
  /** Where the provider posts its notifications. */
  notifyUrl: string;
  /** Where the payer's browser returns after paying. */
  returnUrl: string;
  expiresAt: Date;
}

export type NotificationHeaders = Record<string, string | string[] | undefined>;

/** A provider event about one payment, already authenticated. */
export interface PaymentEvent {
  /** The provider's id of this notification (the same on its resends). */
  notifyId: string;
  outTradeNo: string;
  providerTxnId: string;
  /** 'paid' confirms money; 'pending' and 'closed' never undo a confirmed payment. */
  state: 'paid' | 'pending' | 'closed';
  amountFen: number;
  paidAt: Date | null;
}

export type NotificationRefusal = 'malformed' | 'unknown_key' | 'bad_signature' | 'stale';

export type NotificationCheck =
  | { ok: true; event: PaymentEvent }
  | {
      ok: false;
      reason: NotificationRefusal;
      /** What could be read of an unverified body, to file the notification with its order. */
      claimedOutTradeNo: string | null;
      notifyId: string | null;
    };

export type PaymentState =
  | { state: 'paid'; providerTxnId: string; amountFen: number; paidAt: Date }
  | { state: 'pending' | 'closed' | 'not_found' };
