import { z } from 'zod';
import { giftChannelSchema, giftFormSchema, giftStatusSchema, publicReceiptSchema } from './gifts.ts';
import { mobileSchema } from './validators/index.ts';

/**
 * 捐赠查询 (donor self-service): a donor finds their own gifts without an account — by receipt number
 * and the last four digits of the mobile they gave — or signs in with their mobile and an SMS code and
 * sees every gift that mobile made, at every society.
 */

const receiptNoSchema = z
  .string()
  .trim()
  .regex(/^\d{14}$/, '票据号码应为 14 位数字');

export const myGiftsLookupSchema = z
  .object({
    receiptNo: receiptNoSchema,
    phoneLast4: z
      .string()
      .trim()
      .regex(/^\d{4}$/, '请输入捐赠时所留手机号的后 4 位'),
  })
  .strict();
export type MyGiftsLookupInput = z.infer<typeof myGiftsLookupSchema>;

export const myGiftsCodeRequestSchema = z.object({ mobile: mobileSchema }).strict();
export const myGiftsCodeSentSchema = z.object({
  mobileMasked: z.string(),
  /** Another code can be asked for after this many seconds. */
  resendAfterSeconds: z.number().int(),
  expiresInSeconds: z.number().int(),
});
export type MyGiftsCodeSent = z.infer<typeof myGiftsCodeSentSchema>;

export const myGiftsLoginSchema = z
  .object({
    mobile: mobileSchema,
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, '请输入短信中的 6 位验证码'),
  })
  .strict();
export const myGiftsSessionSchema = z.object({
  /** Null when the mobile has no gift on record: the session keeps only its keyed hash. */
  mobileMasked: z.string().nullable(),
  expiresAt: z.string(),
});
export type MyGiftsSession = z.infer<typeof myGiftsSessionSchema>;

/** One approved disbursement the gift's money went to (public-safe: no person behind an aid batch). */
export const myGiftFundUseSchema = z.object({
  id: z.number().int(),
  paidOn: z.string().nullable(),
  amountFen: z.number().int(),
  purpose: z.string(),
  /** The receiving society's name or the named recipient. */
  recipient: z.string().nullable(),
  aidBatchRef: z.string().nullable(),
});
export type MyGiftFundUse = z.infer<typeof myGiftFundUseSchema>;

/**
 * Whose money a gift joined: its appeal's (专项), its own when designated to a named purpose
 * (定向), or the society's undesignated funds (非定向).
 */
export const MY_GIFT_FUND_SOURCES = ['appeal', 'gift', 'general'] as const;
export const myGiftFundSourceSchema = z.enum(MY_GIFT_FUND_SOURCES);

/** What the donor sees of each step: received → receipted → published → used for … */
export const myGiftJourneySchema = z.object({
  receivedOn: z.string(),
  receipt: z.object({ number: z.string(), issuedOn: z.string() }).nullable(),
  /** The day the gift appeared in the society's published daily disclosure (一天一公示). */
  published: z.object({ day: z.string(), batchId: z.number().int() }).nullable(),
  use: z.object({
    source: myGiftFundSourceSchema,
    /** What the money is bound to: the appeal's name, the designated purpose, or null (非定向). */
    designation: z.string().nullable(),
    /** Approved disbursements from that fund, newest first (at most 20), and their total. */
    items: z.array(myGiftFundUseSchema),
    totalFen: z.number().int(),
  }),
});
export type MyGiftJourney = z.infer<typeof myGiftJourneySchema>;

export const myGiftSchema = z.object({
  id: z.number().int(),
  orgName: z.string(),
  amountFen: z.number().int(),
  form: giftFormSchema,
  channel: giftChannelSchema,
  receivedOn: z.string(),
  appealName: z.string().nullable(),
  purpose: z.string().nullable(),
  status: giftStatusSchema,
  /** The live receipt number; '' for the moment between recording and numbering. */
  receiptNo: z.string(),
  /** How the public disclosure names this donor (张*三 unless they consented, 爱心人士 if anonymous). */
  publicName: z.string(),
  journey: myGiftJourneySchema,
});
export type MyGift = z.infer<typeof myGiftSchema>;

/** A lookup's answer: the receipt as checked, the gift, and a short-lived token for its PDFs. */
export const myGiftsLookupResultSchema = z.object({
  receipt: publicReceiptSchema,
  gift: myGiftSchema,
  documentToken: z.string(),
  documentTokenExpiresAt: z.string(),
});
export type MyGiftsLookupResult = z.infer<typeof myGiftsLookupResultSchema>;

/** The signed-in donor's gifts, or that nobody is signed in (and whether a session just ran out). */
export const myGiftsListSchema = z.discriminatedUnion('signedIn', [
  z.object({ signedIn: z.literal(false), expired: z.boolean() }),
  z.object({
    signedIn: z.literal(true),
    session: myGiftsSessionSchema,
    gifts: z.array(myGiftSchema),
    totalFen: z.number().int(),
  }),
]);
export type MyGiftsList = z.infer<typeof myGiftsListSchema>;

/** The certificate and receipt PDFs: the donor's session cookie, or the token a lookup gave. */
export const myGiftDocumentQuerySchema = z.object({
  token: z.string().max(200).optional(),
});
