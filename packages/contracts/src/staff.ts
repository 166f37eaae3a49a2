import { z } from 'zod';
import { idSchema, pageQuerySchema, pageOf, text } from './common.ts';
import { isPermission } from './permissions.ts';
import { mobileSchema } from './validators/index.ts';

export const DATA_SCOPES = ['own', 'subtree'] as const;
export const dataScopeSchema = z.enum(DATA_SCOPES);
export type DataScope = z.infer<typeof dataScopeSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .min(3, '用户名至少 3 个字符')
  .max(32, '用户名最多 32 个字符')
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]*$/, '用户名以字母开头，只能包含字母、数字、下划线、点和连字符');

export const permissionSchema = z.string().refine(isPermission, '未知的权限');

export const roleSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  code: z.string(),
  name: z.string(),
  permissions: z.array(z.string()),
  requireTotp: z.boolean(),
  builtin: z.boolean(),
});
export type Role = z.infer<typeof roleSchema>;

export const createRoleSchema = z
  .object({
    orgId: idSchema,
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_-]{1,31}$/, '角色编码为 2–32 位小写字母、数字、下划线'),
    name: text(50),
    permissions: z.array(permissionSchema).max(100),
    requireTotp: z.boolean().default(false),
  })
  .strict();
export const updateRoleSchema = z
  .object({
    name: text(50).optional(),
    permissions: z.array(permissionSchema).max(100).optional(),
    requireTotp: z.boolean().optional(),
  })
  .strict();

export const roleGrantSchema = z.object({
  roleId: z.number().int(),
  roleName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  scope: dataScopeSchema,
});
export const roleGrantInputSchema = z
  .object({ roleId: idSchema, orgId: idSchema, scope: dataScopeSchema })
  .strict();

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  mobileMasked: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(roleGrantSchema),
});
export type User = z.infer<typeof userSchema>;

export const createUserSchema = z
  .object({
    orgId: idSchema,
    username: usernameSchema,
    displayName: text(50),
    mobile: mobileSchema.nullish(),
    password: z.string().min(1).max(200),
    grants: z.array(roleGrantInputSchema).max(20).default([]),
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    displayName: text(50).optional(),
    mobile: mobileSchema.nullish(),
    active: z.boolean().optional(),
    unlock: z.literal(true).optional(),
  })
  .strict();
export const setGrantsSchema = z.object({ grants: z.array(roleGrantInputSchema).max(20) }).strict();
export const resetPasswordSchema = z.object({ newPassword: z.string().min(1).max(200) }).strict();

export const listUsersQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  q: z.string().max(50).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export const userPageSchema = pageOf(userSchema);
export const roleListSchema = z.object({ items: z.array(roleSchema) });
