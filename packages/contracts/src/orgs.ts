import { z } from 'zod';
import { idSchema, text } from './common.ts';
import { usccSchema } from './validators/index.ts';

/** Levels of the society tree, top to bottom. A child is always strictly below its parent. */
export const ORG_LEVELS = ['national', 'province', 'city', 'county', 'town', 'grassroots'] as const;
export const orgLevelSchema = z.enum(ORG_LEVELS);
export type OrgLevel = z.infer<typeof orgLevelSchema>;
export const ORG_LEVEL_LABELS: Record<OrgLevel, { zh: string; en: string }> = {
  national: { zh: '总会', en: 'National' },
  province: { zh: '省级', en: 'Province' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县（区）级', en: 'County' },
  town: { zh: '乡镇（街道）', en: 'Town' },
  grassroots: { zh: '基层组织', en: 'Grassroots' },
};

export const orgSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  level: orgLevelSchema,
  uscc: z.string().nullable(),
  regionCode: z.string().nullable(),
  active: z.boolean(),
  path: z.string(),
  depth: z.number().int(),
  createdAt: z.string(),
});
export type Org = z.infer<typeof orgSchema>;

export const createOrgSchema = z.object({
  parentId: idSchema,
  name: text(100),
  level: orgLevelSchema,
  uscc: usccSchema.nullish(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .nullish(),
});
export type CreateOrgInput = z.infer<typeof createOrgSchema>;

export const updateOrgSchema = z
  .object({
    name: text(100).optional(),
    uscc: usccSchema.nullish(),
    regionCode: z
      .string()
      .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
      .nullish(),
  })
  .strict();
export type UpdateOrgInput = z.infer<typeof updateOrgSchema>;

export const moveOrgSchema = z.object({ newParentId: idSchema }).strict();
export const deactivateOrgSchema = z.object({ reason: text(200) }).strict();

export const listOrgsQuerySchema = z.object({
  includeInactive: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
});
export const orgListSchema = z.object({ items: z.array(orgSchema) });
