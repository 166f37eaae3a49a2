import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertFen, fenSchema, formatFen, MoneyFormatError, parseYuan } from './money.ts';

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MoneyFormatError);
    expect((e as MoneyFormatError).code).toBe('MONEY_FORMAT');
    return (e as MoneyFormatError).reason;
  }
  throw new Error('expected a MoneyFormatError');
}

describe('parseYuan', () => {
  it.each([
    ['12', 1200],
    ['12.3', 1230],
    ['12.34', 1234],
    ['12.30', 1230],
    ['0', 0],
    ['0.01', 1],
    ['0.1', 10],
    ['0.29', 29], // 0.29 * 100 is 28.999999999999996 in floats
    ['1.15', 115], // 1.15 * 100 is 114.99999999999999 in floats
    ['1,234.50', 123450],
    ['1,234,567.89', 123456789],
    ['999', 99900],
    ['1234', 123400],
    ['¥12.00', 1200],
    ['￥ 12', 1200],
    ['¥1,000', 100000],
    ['  12.5  ', 1250],
    ['007.50', 750],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
    ['90,071,992,547,409.91', Number.MAX_SAFE_INTEGER],
  ])('%j → %d fen', (input, fen) => {
    expect(parseYuan(input)).toBe(fen);
  });

  it('rejects negatives unless allowed', () => {
    expect(reasonOf(() => parseYuan('-1'))).toBe('negative');
    expect(reasonOf(() => parseYuan('-¥1.50'))).toBe('negative');
    expect(parseYuan('-1', { allowNegative: true })).toBe(-100);
    expect(parseYuan('-12.34', { allowNegative: true })).toBe(-1234);
    expect(parseYuan('-¥1.50', { allowNegative: true })).toBe(-150);
    expect(parseYuan('¥-1.50', { allowNegative: true })).toBe(-150);
    expect(parseYuan('- ￥ 1,000.05', { allowNegative: true })).toBe(-100005);
    expect(parseYuan('-90071992547409.91', { allowNegative: true })).toBe(-Number.MAX_SAFE_INTEGER);
  });

  it('treats negative zero as zero, never -0', () => {
    expect(Object.is(parseYuan('-0'), 0)).toBe(true);
    expect(Object.is(parseYuan('-0.00', { allowNegative: true }), 0)).toBe(true);
  });

  it('rejects more than two decimals', () => {
    expect(reasonOf(() => parseYuan('1.234'))).toBe('precision');
    expect(reasonOf(() => parseYuan('1.230'))).toBe('precision');
    expect(reasonOf(() => parseYuan('0.001'))).toBe('precision');
  });

  it('rejects amounts beyond MAX_SAFE_INTEGER fen', () => {
    expect(reasonOf(() => parseYuan('90071992547409.92'))).toBe('range');
    expect(reasonOf(() => parseYuan('100000000000000'))).toBe('range');
    expect(reasonOf(() => parseYuan('-90071992547409.92', { allowNegative: true }))).toBe('range');
    expect(reasonOf(() => parseYuan('9'.repeat(500)))).toBe('range');
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['symbol only', '¥'],
    ['sign only', '-'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['exponent', '1e3'],
    ['exponent with decimals', '1.5E2'],
    ['hex', '0x10'],
    ['plus sign', '+12'],
    ['double minus', '--12'],
    ['minus on both sides of the symbol', '-¥-12'],
    ['trailing minus', '12-'],
    ['trailing dot', '12.'],
    ['leading dot', '.5'],
    ['two dots', '1.2.3'],
    ['comma as decimal separator', '12,5'],
    ['bad grouping', '1,23,456'],
    ['grouping of four', '1,2345'],
    ['leading comma', ',123'],
    ['grouping in decimals', '1.2,3'],
    ['spaces inside digits', '1 234'],
    ['unit suffix', '12元'],
    ['dollar sign', '$12'],
    ['symbol at the end', '12¥'],
    ['two symbols', '¥¥12'],
    ['letters', 'abc'],
    ['underscore separators', '1_000'],
    ['full-width digits', '１２'],
  ])('rejects %s', (_, input) => {
    expect(reasonOf(() => parseYuan(input, { allowNegative: true }))).toBe('format');
  });

  it('rejects non-strings', () => {
    expect(reasonOf(() => parseYuan(12 as unknown as string))).toBe('format');
    expect(reasonOf(() => parseYuan(undefined as unknown as string))).toBe('format');
  });

  it('carries a Chinese message', () => {
    expect(() => parseYuan('abc')).toThrow('金额格式不正确');
    expect(() => parseYuan('-1')).toThrow('金额不能为负数');
    expect(() => parseYuan('1.234')).toThrow('金额最多保留两位小数');
    expect(new MoneyFormatError('format').name).toBe('MoneyFormatError');
  });

  it('is exact where float arithmetic is not', () => {
    // Each of these comes out wrong through Math.round(parseFloat(x) * 100) or similar shortcuts.
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('4.35')).toBe(435);
    expect(parseYuan('1,005.05')).toBe(100505);
    expect(parseYuan('90071992547409.9')).toBe(9007199254740990);
    expect(parseYuan('9007199254740.99')).toBe(900719925474099);
  });
});

describe('formatFen', () => {
  it.each([
    [123456, undefined, '1,234.56'],
    [-5, undefined, '-0.05'],
    [0, undefined, '0.00'],
    [1, undefined, '0.01'],
    [10, undefined, '0.10'],
    [100, undefined, '1.00'],
    [99999, undefined, '999.99'],
    [100000, undefined, '1,000.00'],
    [123456789, undefined, '1,234,567.89'],
    [-123456789, undefined, '-1,234,567.89'],
    [Number.MAX_SAFE_INTEGER, undefined, '90,071,992,547,409.91'],
    [-Number.MAX_SAFE_INTEGER, undefined, '-90,071,992,547,409.91'],
    [123456, { grouping: false }, '1234.56'],
    [123456, { symbol: true }, '¥1,234.56'],
    [-5, { symbol: true }, '-¥0.05'],
    [123456, { symbol: true, grouping: false }, '¥1234.56'],
    [-0, undefined, '0.00'],
  ])('%d %j → %s', (fen, opts, expected) => {
    expect(formatFen(fen, opts)).toBe(expected);
  });

  it.each([0.5, 1.1, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 1])('throws on %d', (n) => {
    expect(() => formatFen(n)).toThrow(MoneyFormatError);
  });

  it('round-trips with parseYuan for every safe amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.boolean(),
        fc.boolean(),
        (fen, symbol, grouping) => {
          expect(parseYuan(formatFen(fen, { symbol, grouping }), { allowNegative: true })).toBe(fen);
        },
      ),
    );
  });
});

describe('assertFen', () => {
  it('accepts safe integers, including negatives and zero', () => {
    expect(() => assertFen(0)).not.toThrow();
    expect(() => assertFen(-100)).not.toThrow();
    expect(() => assertFen(Number.MAX_SAFE_INTEGER)).not.toThrow();
    expect(() => assertFen(Number.MIN_SAFE_INTEGER)).not.toThrow();
  });

  it.each([0.1, Number.NaN, Infinity, 2 ** 53, '100', null, undefined, 10n])('rejects %s', (n) => {
    expect(() => assertFen(n)).toThrow(MoneyFormatError);
  });

  it('narrows unknown to number', () => {
    const v: unknown = 42;
    assertFen(v);
    const n: number = v;
    expect(n).toBe(42);
  });
});

describe('fenSchema', () => {
  it('accepts non-negative safe integers', () => {
    expect(fenSchema.parse(0)).toBe(0);
    expect(fenSchema.parse(123456)).toBe(123456);
    expect(fenSchema.parse(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity, '100'])('rejects %s', (v) => {
    expect(fenSchema.safeParse(v).success).toBe(false);
  });
});
