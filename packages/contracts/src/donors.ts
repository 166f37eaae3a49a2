import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { idCardSchema, mobileSchema, usccSchema } from './validators/index.ts';

/** 捐赠人: a person, an enterprise or organisation, or an anonymous giver (爱心人士). */
export const DONOR_KINDS = ['person', 'enterprise', 'anonymous'] as const;
export const donorKindSchema = z.enum(DONOR_KINDS);
export type DonorKind = z.infer<typeof donorKindSchema>;
export const DONOR_KIND_LABELS: Record<DonorKind, { zh: string; en: string }> = {
  person: { zh: '个人', en: 'Person' },
  enterprise: { zh: '企业/组织', en: 'Enterprise / organisation' },
  anonymous: { zh: '匿名（爱心人士）', en: 'Anonymous' },
};

export const donorSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: donorKindSchema,
  /** Full name for staff; the public name follows `publicName`. */
  name: z.string(),
  /** How the public disclosure and honour roll show this donor: full, masked (张*三) or 爱心人士. */
  publicName: z.string(),
  nameConsent: z.boolean(),
  idCardMasked: z.string().nullable(),
  mobileMasked: z.string().nullable(),
  uscc: z.string().nullable(),
  contact: z.string().nullable(),
  createdAt: z.string(),
});
export type Donor = z.infer<typeof donorSchema>;

/**
 * Registering a donor finds them again when they exist in that society: by 身份证 for persons, by
 * 统一社会信用代码 for enterprises, else by mobile. `existing` says which happened.
 */
export const createDonorSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('person'),
      orgId: idSchema,
      name: text(50),
      idCard: idCardSchema.nullish(),
      mobile: mobileSchema.nullish(),
      nameConsent: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      kind: z.literal('enterprise'),
      orgId: idSchema,
      name: text(100),
      uscc: usccSchema.nullish(),
      mobile: mobileSchema.nullish(),
      contact: text(50).nullish(),
    })
    .strict(),
  z.object({ kind: z.literal('anonymous'), orgId: idSchema, mobile: mobileSchema.nullish() }).strict(),
]);
export type CreateDonorInput = z.infer<typeof createDonorSchema>;
export const donorResultSchema = z.object({ donor: donorSchema, existing: z.boolean() });

export const updateDonorSchema = z
  .object({
    name: text(100).optional(),
    mobile: mobileSchema.nullish(),
    contact: text(50).nullish(),
    nameConsent: z.boolean().optional(),
  })
  .strict();

export const listDonorsQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  kind: donorKindSchema.optional(),
  /** Name fragment, or an exact mobile / 身份证 / 统一社会信用代码. */
  q: z.string().trim().max(50).optional(),
});
export const donorPageSchema = pageOf(donorSchema);
