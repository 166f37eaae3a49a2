import { z } from 'zod';

/**
 * Mainland China mobile numbers. People paste them in many shapes ("+86 138-1234-5678", "0086 13812345678"),
 * so the input is forgiving but the stored form is always the bare 11 digits — lookup hashes depend on that.
 */

// 13–19 covers every mobile segment issued so far; 10–12 are not mobile numbers.
const MOBILE = /^1[3-9]\d{9}$/;
const WITH_PREFIX = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;

/** The 11-digit form of a mainland mobile number, or null if the input is not one. */
export function normalizeMobile(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  // Only separators people actually type are dropped; anything else (letters, dots) makes it invalid.
  const compact = s.replace(/[\s-]/g, '');
  const m = WITH_PREFIX.exec(compact);
  return m && MOBILE.test(m[1]!) ? m[1]! : null;
}

export function isMobile(s: unknown): boolean {
  return normalizeMobile(s) !== null;
}

/** Accepts a mobile number in any common shape and outputs the bare 11 digits. */
export const mobileSchema = z.string().transform((s, ctx) => {
  const n = normalizeMobile(s);
  if (n === null) {
    ctx.addIssue({ code: 'custom', message: '手机号码格式不正确' });
    return z.NEVER;
  }
  return n;
});
