import { z } from 'zod';

/**
 * Money is carried as an integer number of fen (分) everywhere: binary floats cannot represent 0.1 yuan,
 * and donation totals must add up exactly. Parsing is done on the string for the same reason — a
 * parseFloat round-trip would already have lost the exact value.
 */

export type MoneyFormatReason = 'format' | 'negative' | 'precision' | 'range' | 'not_integer';

const MESSAGES: Record<MoneyFormatReason, string> = {
  format: '金额格式不正确',
  negative: '金额不能为负数',
  precision: '金额最多保留两位小数',
  range: '金额超出允许范围',
  not_integer: '金额必须是以分为单位的整数',
};

export class MoneyFormatError extends Error {
  readonly code = 'MONEY_FORMAT' as const;
  constructor(
    readonly reason: MoneyFormatReason,
    message: string = MESSAGES[reason],
  ) {
    super(message);
    this.name = 'MoneyFormatError';
  }
}

const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);
// Plain digits, or thousands groups of exactly three ("1,234,567"); then up to any decimals (checked separately).
const AMOUNT = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
// Longer than any safe amount could be written, even fully grouped; stops huge inputs early.
const MAX_INPUT_LENGTH = 64;

/**
 * Parses a yuan amount as typed by a person ("12", "12.3", "1,234.50", "¥12.00", "￥ 12", "-3.5") into fen.
 * Throws MoneyFormatError for anything else, including exponents, more than two decimals and, unless
 * `allowNegative` is set, negative amounts.
 */
export function parseYuan(text: unknown, opts: { allowNegative?: boolean } = {}): number {
  if (typeof text !== 'string') throw new MoneyFormatError('format');
  let s = text.trim();
  if (s.length === 0 || s.length > MAX_INPUT_LENGTH)
    throw new MoneyFormatError(s.length ? 'range' : 'format');

  // The sign may come before or after the currency symbol ("-¥5" and "¥-5" are both written), but only once.
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1).trimStart();
  }
  if (s.startsWith('¥') || s.startsWith('￥')) s = s.slice(1).trimStart();
  if (!negative && s.startsWith('-')) {
    negative = true;
    s = s.slice(1).trimStart();
  }

  const m = AMOUNT.exec(s);
  if (!m) throw new MoneyFormatError('format');
  const whole = m[1]!.replaceAll(',', '');
  const frac = m[2] ?? '';
  if (frac.length > 2) throw new MoneyFormatError('precision');

  const fen = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
  if (fen > MAX_FEN) throw new MoneyFormatError('range');
  // "-0.00" is zero, not a negative amount, and must not become the float -0.
  if (fen === 0n) return 0;
  if (negative && !opts.allowNegative) throw new MoneyFormatError('negative');
  return negative ? -Number(fen) : Number(fen);
}

/** Throws unless n is a safe integer — the only values that are valid fen amounts. */
export function assertFen(n: unknown): asserts n is number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new MoneyFormatError('not_integer');
}

/** Formats fen as yuan with two decimals: 123456 → "1,234.56", -5 → "-0.05", with symbol → "¥1,234.56". */
export function formatFen(fen: number, opts: { symbol?: boolean; grouping?: boolean } = {}): string {
  assertFen(fen);
  const { symbol = false, grouping = true } = opts;
  const abs = Math.abs(fen);
  // Integer division on safe integers is exact, so no float ever stands in for a decimal amount.
  const whole = String(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  const wholeText = grouping ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
  return `${fen < 0 ? '-' : ''}${symbol ? '¥' : ''}${wholeText}.${cents}`;
}

/** A non-negative amount in fen, as stored and sent over the API. */
export const fenSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
