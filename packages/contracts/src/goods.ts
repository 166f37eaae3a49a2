import { z } from 'zod';
import { idSchema, text } from './common.ts';
import { giftSchema } from './gifts.ts';
import { fenSchema, isValidDateString } from './validators/index.ts';

const dateString = z.string().refine(isValidDateString, '日期格式应为 YYYY-MM-DD');

/** How a line of donated goods was valued: the receipt states it, and auditors ask for it. */
export const VALUATION_BASES = ['invoice', 'market', 'appraisal', 'agreement'] as const;
export const valuationBasisSchema = z.enum(VALUATION_BASES);
export type ValuationBasis = z.infer<typeof valuationBasisSchema>;
export const VALUATION_BASIS_LABELS: Record<ValuationBasis, { zh: string; en: string }> = {
  invoice: { zh: '发票价', en: 'Invoice price' },
  market: { zh: '市场价', en: 'Market price' },
  appraisal: { zh: '评估价', en: 'Appraised value' },
  agreement: { zh: '协议价', en: 'Agreed value' },
};

export const GOODS_MAX_LINES = 200;
/** Quantities are counted in whole units (个, 箱, 床 …), stored in a 32-bit column. */
export const GOODS_MAX_QUANTITY = 2_147_483_647;

/** One line of a gift of goods as entered: its value (unit × quantity) is computed by the server. */
export const goodsItemInputSchema = z
  .object({
    name: text(100),
    spec: text(100).nullish(),
    unit: text(10),
    quantity: z.number().int('数量须为整数').positive('数量必须大于 0').max(GOODS_MAX_QUANTITY),
    unitValueFen: fenSchema,
    valuationBasis: valuationBasisSchema,
    batchNo: text(50).nullish(),
    expiresOn: dateString.nullish(),
  })
  .strict();
export type GoodsItemInput = z.infer<typeof goodsItemInputSchema>;

export const createGoodsGiftSchema = z
  .object({
    orgId: idSchema,
    donorId: idSchema,
    receivedOn: dateString,
    appealId: idSchema.nullish(),
    purpose: text(200).nullish(),
    note: text(500).nullish(),
    items: z
      .array(goodsItemInputSchema)
      .min(1, '至少填写一行物资')
      .max(GOODS_MAX_LINES, `物资明细最多 ${GOODS_MAX_LINES} 行`),
  })
  .strict();
export type CreateGoodsGiftInput = z.infer<typeof createGoodsGiftSchema>;

export const giftItemSchema = z.object({
  id: z.number().int(),
  lineNo: z.number().int(),
  name: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  quantity: z.number().int(),
  unitValueFen: z.number().int(),
  valueFen: z.number().int(),
  valuationBasis: valuationBasisSchema,
  batchNo: z.string().nullable(),
  expiresOn: z.string().nullable(),
});
export type GiftItem = z.infer<typeof giftItemSchema>;

/** Quality documents (检验报告, 合格证), delivery notes, the gift agreement: PDF or a photo. */
export const ATTACHMENT_MIMES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const attachmentMimeSchema = z.enum(ATTACHMENT_MIMES);
export type AttachmentMime = z.infer<typeof attachmentMimeSchema>;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Base64 of the largest file, padding included. */
const ATTACHMENT_MAX_BASE64 = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4;

export const giftAttachmentSchema = z.object({
  id: z.number().int(),
  giftId: z.number().int(),
  itemId: z.number().int().nullable(),
  fileName: z.string(),
  mime: attachmentMimeSchema,
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type GiftAttachment = z.infer<typeof giftAttachmentSchema>;

export const createAttachmentSchema = z
  .object({
    /** Shown and offered as the download name; a bare name, never a path. */
    fileName: text(200).refine((s) => !/[\\/]/.test(s), '文件名不能包含路径'),
    mime: attachmentMimeSchema,
    contentBase64: z
      .string()
      .min(1)
      .max(ATTACHMENT_MAX_BASE64, '文件不能超过 10 MB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容应为 Base64 编码'),
    /** The line the document is about (a batch's 检验报告), or none for the whole gift. */
    itemId: idSchema.nullish(),
  })
  .strict();
export type CreateAttachmentInput = z.infer<typeof createAttachmentSchema>;

export const attachmentParamsSchema = z.object({ id: idSchema, attId: idSchema });

/** One gift as its detail page shows it: for money gifts `items` is empty. */
export const giftDetailSchema = giftSchema.extend({
  note: z.string().nullable(),
  items: z.array(giftItemSchema),
  attachments: z.array(giftAttachmentSchema),
});
export type GiftDetail = z.infer<typeof giftDetailSchema>;
