import { z } from 'zod';
import { isValidDateString, shanghaiDate } from './dates.ts';

/**
 * 18-digit 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd = male), then an ISO 7064 MOD 11-2 check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes of GB/T 2260 (plus 71 台湾, 81 香港, 82 澳门 as the standard assigns them). */
const PROVINCE_CODES: ReadonlySet<string> = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
);

// The system has no records of anyone born before 1900; earlier dates are almost certainly typos.
const MIN_BIRTH_DATE = '1900-01-01';

export type IdCardFailure = 'format' | 'region' | 'birthdate' | 'checksum';
export type IdCardResult =
  | { ok: true; value: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; reason: IdCardFailure };

/** The check character for the first 17 digits; exported so tests and fixtures can build valid numbers. */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('身份证号码前 17 位必须是数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Checks an 18-digit ID number. `now` decides what "in the future" means (a Shanghai calendar day),
 * injectable so tests do not depend on the clock.
 */
export function validateIdCard(s: unknown, opts: { now?: Date } = {}): IdCardResult {
  if (typeof s !== 'string') return { ok: false, reason: 'format' };
  // Lowercase x is common from phone keyboards; the canonical form is uppercase.
  const value = s.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'format' };
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return { ok: false, reason: 'region' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  // 'YYYY-MM-DD' strings compare correctly as strings, so no Date arithmetic is needed.
  if (
    !isValidDateString(birthDate) ||
    birthDate < MIN_BIRTH_DATE ||
    birthDate > shanghaiDate(opts.now ?? new Date())
  ) {
    return { ok: false, reason: 'birthdate' };
  }
  if (idCardCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'checksum' };
  return { ok: true, value, birthDate, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}

export function isIdCard(s: unknown): boolean {
  return validateIdCard(s).ok;
}

const ID_CARD_MESSAGES: Record<IdCardFailure, string> = {
  format: '身份证号码格式不正确',
  region: '身份证号码地区码不正确',
  birthdate: '身份证号码出生日期不正确',
  checksum: '身份证号码校验位不正确',
};

/** Accepts an 18-digit ID number and outputs its canonical (uppercase X) form. */
export const idCardSchema = z.string().transform((s, ctx) => {
  const r = validateIdCard(s);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: ID_CARD_MESSAGES[r.reason] });
    return z.NEVER;
  }
  return r.value;
});
