/**
 * Masking for display: enough left visible for a person to recognise the record, not enough to reuse it.
 * Strings are handled as code points (Array.from), so a CJK Extension B character such as 𠀀 — two UTF-16
 * units — counts as one character and is never cut in half.
 */

const stars = (n: number) => '*'.repeat(Math.max(0, n));

/** Keeps `head` characters at the start and `tail` at the end; masks everything if too short to keep both. */
function keepEnds(s: string, head: number, tail: number): string {
  const chars = Array.from(s);
  if (chars.length <= head + tail) return stars(chars.length);
  return (
    chars.slice(0, head).join('') +
    stars(chars.length - head - tail) +
    chars.slice(chars.length - tail).join('')
  );
}

/**
 * '张三' → '张*', '张三丰' → '张*丰', '欧阳娜娜' → '欧**娜', single character → '*';
 * names written in Latin letters keep each word's initial: 'John Smith' → 'J*** S****'.
 */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (/\p{Script=Latin}/u.test(name)) {
    // Split on whitespace but keep the separators, so the masked name keeps its shape.
    return name
      .split(/(\s+)/)
      .map((part) => (/^\s*$/.test(part) ? part : Array.from(part)[0] + stars(Array.from(part).length - 1)))
      .join('');
  }
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${stars(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** '13812345678' → '138****5678': carrier prefix and last four, the usual form on Chinese services. */
export function maskMobile(mobile: string): string {
  return keepEnds(mobile, 3, 4);
}

/** '110105194912310021' → '110***********0021'; 15-digit numbers keep the same ends. Hides the birth date. */
export function maskIdCard(idCard: string): string {
  return keepEnds(idCard, 3, 4);
}

/** 'zhang@example.com' → 'z****@example.com': the domain stays visible, the mailbox keeps its first character. */
export function maskEmail(email: string): string {
  // The last '@' separates the domain; a quoted local part may itself contain '@'.
  const at = email.lastIndexOf('@');
  const local = at < 0 ? email : email.slice(0, at);
  const rest = at < 0 ? '' : email.slice(at);
  const chars = Array.from(local);
  const maskedLocal = chars.length <= 1 ? stars(chars.length) : chars[0] + stars(chars.length - 1);
  return maskedLocal + rest;
}
