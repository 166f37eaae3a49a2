import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  isLeapYear,
  isValidDateString,
  shanghaiDate,
  shanghaiDateTime,
  startOfShanghaiDay,
} from './dates.ts';

describe('shanghaiDate / shanghaiDateTime', () => {
  it('rolls over to the next day at 16:00 UTC', () => {
    const d = new Date('2026-01-01T16:30:00Z');
    expect(shanghaiDate(d)).toBe('2026-01-02');
    expect(shanghaiDateTime(d)).toBe('2026-01-02 00:30:00');
  });

  it('stays on the same day just before Shanghai midnight', () => {
    const d = new Date('2026-01-01T15:59:59.999Z');
    expect(shanghaiDate(d)).toBe('2026-01-01');
    expect(shanghaiDateTime(d)).toBe('2026-01-01 23:59:59');
  });

  it('shows exact Shanghai midnight as 00, never 24', () => {
    expect(shanghaiDateTime(new Date('2026-01-01T16:00:00Z'))).toBe('2026-01-02 00:00:00');
  });

  it('crosses year, month and leap-day boundaries', () => {
    expect(shanghaiDateTime(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01 00:00:00');
    expect(shanghaiDate(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
    expect(shanghaiDate(new Date('2024-02-29T16:00:00Z'))).toBe('2024-03-01');
    expect(shanghaiDateTime(new Date('2026-06-15T04:05:06Z'))).toBe('2026-06-15 12:05:06');
  });

  it('does not depend on the process time zone', () => {
    // Same instant, same output, whatever TZ the test runner has.
    expect(shanghaiDateTime(new Date(0))).toBe('1970-01-01 08:00:00');
  });

  it('uses the tz database, including China’s 1986–1991 daylight saving time', () => {
    // Summer 1988 Shanghai was UTC+9; a hard-coded +8 would print 12:00.
    expect(shanghaiDateTime(new Date('1988-07-01T03:00:00Z'))).toBe('1988-07-01 12:00:00');
    expect(shanghaiDateTime(new Date('1988-01-01T03:00:00Z'))).toBe('1988-01-01 11:00:00');
  });

  it('throws on an invalid Date', () => {
    expect(() => shanghaiDate(new Date('nope'))).toThrow(RangeError);
    expect(() => shanghaiDateTime(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('agrees with a fixed +8 offset for every modern instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        const expected = new Date(t + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
        expect(shanghaiDateTime(new Date(t))).toBe(expected);
        expect(shanghaiDate(new Date(t))).toBe(expected.slice(0, 10));
      }),
    );
  });
});

describe('startOfShanghaiDay', () => {
  it('returns the UTC instant of Shanghai midnight', () => {
    expect(startOfShanghaiDay('2026-01-02').toISOString()).toBe('2026-01-01T16:00:00.000Z');
    expect(startOfShanghaiDay('2024-03-01').toISOString()).toBe('2024-02-29T16:00:00.000Z');
    expect(startOfShanghaiDay('1970-01-01').getTime()).toBe(-8 * 3600_000);
  });

  it('accounts for historic daylight saving time', () => {
    expect(startOfShanghaiDay('1988-07-01').toISOString()).toBe('1988-06-30T15:00:00.000Z');
  });

  it('round-trips with shanghaiDate and spans exactly one day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        const day = shanghaiDate(new Date(t));
        const start = startOfShanghaiDay(day);
        expect(shanghaiDateTime(start)).toBe(`${day} 00:00:00`);
        expect(start.getTime()).toBeLessThanOrEqual(t);
        expect(t - start.getTime()).toBeLessThan(86_400_000);
      }),
    );
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-1', '20260101', '', 'tomorrow', '2026-01-01T00:00:00'])(
    'throws on %j',
    (s) => {
      expect(() => startOfShanghaiDay(s)).toThrow(RangeError);
    },
  );
});

describe('isValidDateString', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '1900-02-28', '0001-01-01', '9999-12-31', '2026-04-30'])(
    'accepts %s',
    (s) => {
      expect(isValidDateString(s)).toBe(true);
    },
  );

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-00-10',
    '2026-13-10',
    '2026-01-00',
    '2026-01-32',
    '0000-01-01',
    '2026-1-01',
    '26-01-01',
    '2026/01/01',
    ' 2026-01-01',
    '2026-01-01 ',
    '2026-01-01T00:00',
    '',
    '２０２６-01-01',
  ])('rejects %j', (s) => {
    expect(isValidDateString(s)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidDateString(20260101)).toBe(false);
    expect(isValidDateString(new Date())).toBe(false);
    expect(isValidDateString(null)).toBe(false);
  });
});

describe('calendar helpers', () => {
  it('knows the Gregorian leap-year rule', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
  });

  it('knows month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});

describe('the fixed-offset fast path', () => {
  it('agrees with the time-zone database for any instant since 1992', () => {
    const tz = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        const d = new Date(t);
        expect(shanghaiDateTime(d)).toBe(tz.format(d));
      }),
      { numRuns: 2000 },
    );
  });
});
