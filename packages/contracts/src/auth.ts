import { z } from 'zod';
import { roleGrantSchema } from './staff.ts';

export const loginSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
});

/** What the login asks for next: nothing (done), a TOTP code, or TOTP enrolment (mandatory for the user's role). */
export const loginStepSchema = z.enum(['done', 'totp', 'enrol_totp']);
export const loginResultSchema = z.object({ next: loginStepSchema });

export const totpCodeSchema = z.object({ code: z.string().regex(/^\d{6}$/, '请输入 6 位动态验证码') });
export const totpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });

export const meSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  permissions: z.array(z.string()),
  grants: z.array(roleGrantSchema),
  totpEnabled: z.boolean(),
  totpRequired: z.boolean(),
  mustChangePassword: z.boolean(),
  idleTimeoutMinutes: z.number().int(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })
  .strict();

export const passwordPolicySchema = z.object({
  minLength: z.number().int(),
  minClasses: z.number().int(),
});
