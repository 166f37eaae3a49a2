import { z } from 'zod';
import { idSchema, text } from './common.ts';
import { appealKindSchema } from './gifts.ts';
import { fenSchema, mobileSchema } from './validators/index.ts';

/** One scan gift: at least 1 fen, at most 1,000,000 yuan (larger gifts go through the office, by transfer). */
export const SCAN_MAX_FEN = 100_000_000;
/** The amount chips on the donate page, in yuan. */
export const SCAN_AMOUNT_CHIPS_YUAN = [10, 50, 100, 500] as const;

/** What the public donate page shows of an appeal: never more than the public disclosure does. */
export const publicAppealSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  orgName: z.string(),
  kind: appealKindSchema,
  /** 慈善中国 filing number of a public fundraising project: shown wherever it solicits. */
  filingNo: z.string().nullable(),
  targetFen: z.number().int().nullable(),
  receivedFen: z.number().int(),
  giftCount: z.number().int(),
  /** A closed appeal takes no new gifts. */
  open: z.boolean(),
});
export type PublicAppeal = z.infer<typeof publicAppealSchema>;

export const scanAmountSchema = fenSchema
  .min(1, '金额至少 0.01 元')
  .max(SCAN_MAX_FEN, '单笔扫码捐赠不超过 100 万元，大额捐赠请联系红十字会');

/** A donation started by scanning an appeal's QR code. The name is required unless the gift is anonymous. */
export const createDonationOrderSchema = z
  .object({
    appealId: idSchema,
    amountFen: scanAmountSchema,
    anonymous: z.boolean(),
    name: text(50).nullish(),
    /** Whether the public record may show the full name (otherwise 张*三). */
    nameConsent: z.boolean().default(false),
    mobile: mobileSchema.nullish(),
  })
  .strict()
  .refine((d) => d.anonymous || !!d.name, { message: '请填写捐赠人姓名，或选择匿名捐赠', path: ['name'] });
export type CreateDonationOrderInput = z.infer<typeof createDonationOrderSchema>;

/** `viewToken` is shown once: only its hash is kept, so keep it (the donate page holds it for the session). */
export const donationOrderCreatedSchema = z.object({
  orderNo: z.string(),
  payUrl: z.string(),
  viewToken: z.string(),
});
export type DonationOrderCreated = z.infer<typeof donationOrderCreatedSchema>;

/** Our order number: D + Shanghai date + 10 random digits. */
export const orderNoSchema = z.string().regex(/^D\d{18}$/, '订单号格式不正确');
export const orderNoParamsSchema = z.object({ orderNo: orderNoSchema });
export const viewTokenQuerySchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export const PAYMENT_ORDER_STATUSES = ['created', 'paid', 'closed'] as const;
export const paymentOrderStatusSchema = z.enum(PAYMENT_ORDER_STATUSES);
export type PaymentOrderStatus = z.infer<typeof paymentOrderStatusSchema>;

/** What the paying browser sees of its order; the receipt fields appear once the payment is confirmed. */
export const donationOrderStatusSchema = z.object({
  orderNo: z.string(),
  status: paymentOrderStatusSchema,
  amountFen: z.number().int(),
  appealName: z.string(),
  orgName: z.string(),
  publicName: z.string(),
  receiptNo: z.string().nullable(),
  paidAt: z.string().nullable(),
});
export type DonationOrderStatus = z.infer<typeof donationOrderStatusSchema>;

/**
 * The built-in sandbox provider's cashier: what its payment page shows. Like WeChat Pay's H5 page,
 * it sends the payer back to the `redirect_url` the merchant appended to the pay URL.
 */
export const SANDBOX_STATUSES = ['pending', 'paid', 'closed'] as const;
export const sandboxPaymentSchema = z.object({
  txnId: z.string(),
  merchantOrderNo: z.string(),
  merchantName: z.string(),
  amountFen: z.number().int(),
  status: z.enum(SANDBOX_STATUSES),
  paidAt: z.string().nullable(),
});
export type SandboxPayment = z.infer<typeof sandboxPaymentSchema>;
