import { z } from 'zod';

/** Database ids are positive 32-bit integers; anything else is a client error, never a database error. */
export const idSchema = z.coerce.number().int().positive().max(2_147_483_647);
export const idParamsSchema = z.object({ id: idSchema });

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** Short human text: trimmed, no control characters, bounded so a huge body cannot reach the database. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: '不能包含控制字符' });

/**
 * Every create/change endpoint accepts an `Idempotency-Key` header: a retry with the same key
 * returns the first answer and changes nothing. Generate one key per user action (e.g. a UUID).
 */
export const idempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,100}$/, '幂等键应为 8–100 位字母、数字或 _ . : -')
    .optional(),
});
