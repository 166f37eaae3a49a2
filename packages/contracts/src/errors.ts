import { z } from 'zod';

/** One error shape for every failed request: a stable machine code, a message in the caller's language, and the fields at fault. */
export const fieldErrorSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(fieldErrorSchema),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const okSchema = z.object({ ok: z.literal(true) });
/** For actions that take no input: an empty object or no body at all. */
export const emptyBodySchema = z.object({}).strict().optional();
