import type { ErrorBody, FieldError } from '@boai/contracts';
import { messageFor, type Lang, type MessageKey } from './i18n/messages.ts';

/**
 * Every expected failure is an AppError: a stable code (documented in docs/errors.md), an HTTP status,
 * and optionally the fields at fault. Its message is chosen per request language when presented.
 */
export class AppError extends Error {
  constructor(
    readonly code: MessageKey,
    readonly status: number,
    readonly fields: { field: string; code: string; message?: string }[] = [],
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }

  toBody(lang: Lang): ErrorBody {
    return {
      code: this.code,
      message: messageFor(lang, this.code, this.params),
      fields: this.fields.map((f): FieldError => ({
        field: f.field,
        code: f.code,
        message: f.message ?? messageFor(lang, f.code as MessageKey, this.params),
      })),
    };
  }
}

export const notFound = () => new AppError('NOT_FOUND', 404);
export const forbidden = () => new AppError('FORBIDDEN', 403);
export const conflict = (code: MessageKey, field?: string) =>
  new AppError(code, 409, field ? [{ field, code }] : []);
export const invalid = (code: MessageKey, field: string, params: Record<string, string | number> = {}) =>
  new AppError(code, 400, [{ field, code }], params);
