import { z } from 'zod';

/**
 * 统一社会信用代码 (GB 32100-2015): registration authority (1), organisation type (1), region code (6),
 * organisation code (9), check character (1), drawn from 31 characters — I, O, S, V, Z are left out
 * because they are easily confused with 1, 0, 5, U and 2.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type UsccFailure = 'format' | 'checksum';
export type UsccResult = { ok: true; value: string } | { ok: false; reason: UsccFailure };

/** The check character for the first 17 characters; exported so tests and fixtures can build valid codes. */
export function usccCheckChar(first17: string): string {
  const s = first17.toUpperCase();
  if (s.length !== 17) throw new RangeError('统一社会信用代码前 17 位长度不正确');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(s[i]!);
    if (v < 0) throw new RangeError('统一社会信用代码包含无效字符');
    sum += v * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

export function validateUscc(s: unknown): UsccResult {
  if (typeof s !== 'string') return { ok: false, reason: 'format' };
  const value = s.trim().toUpperCase();
  if (!FORMAT.test(value)) return { ok: false, reason: 'format' };
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'checksum' };
  return { ok: true, value };
}

export function isUscc(s: unknown): boolean {
  return validateUscc(s).ok;
}

const USCC_MESSAGES: Record<UsccFailure, string> = {
  format: '统一社会信用代码格式不正确',
  checksum: '统一社会信用代码校验位不正确',
};

/** Accepts a credit code in any letter case and outputs it uppercase. */
export const usccSchema = z.string().transform((s, ctx) => {
  const r = validateUscc(s);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: USCC_MESSAGES[r.reason] });
    return z.NEVER;
  }
  return r.value;
});
