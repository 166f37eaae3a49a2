import { describe, expect, it } from 'vitest';
import { idCardCheckChar, idCardSchema, isIdCard, validateIdCard } from './id-card.ts';

// Independent re-implementation of GB 11643-1999 for the tests, so a bug in the module cannot vouch for itself.
function withCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** Same number with a wrong check character. */
function withWrongCheck(first17: string): string {
  const good = withCheck(first17).slice(-1);
  return first17 + (good === '0' ? '1' : '0');
}

const NOW = new Date('2026-03-15T04:00:00Z');

describe('idCardCheckChar', () => {
  it('matches the standard computation', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(withCheck('11010519491231002')).toBe('11010519491231002X');
    for (const base of ['44030419900307123', '32010619851111456', '65010220000229001', '82000020101010999']) {
      expect(base + idCardCheckChar(base)).toBe(withCheck(base));
    }
  });

  it('rejects input that is not 17 digits', () => {
    expect(() => idCardCheckChar('1234')).toThrow();
    expect(() => idCardCheckChar('1101051949123100A')).toThrow();
  });
});

describe('validateIdCard', () => {
  it('accepts a valid number and reports birth date and sex', () => {
    const r = validateIdCard('11010519491231002X', { now: NOW });
    expect(r).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' });
  });

  it('derives sex from the parity of the 17th digit', () => {
    const male = withCheck('44030419900307123');
    const female = withCheck('44030419900307124');
    expect(validateIdCard(male, { now: NOW })).toMatchObject({
      ok: true,
      sex: 'male',
      birthDate: '1990-03-07',
    });
    expect(validateIdCard(female, { now: NOW })).toMatchObject({ ok: true, sex: 'female' });
  });

  it('accepts lowercase x and normalises it to uppercase', () => {
    const r = validateIdCard('11010519491231002x', { now: NOW });
    expect(r).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('trims surrounding whitespace', () => {
    expect(validateIdCard('  11010519491231002X \n', { now: NOW })).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('accepts every official province-level code', () => {
    const codes =
      '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82';
    for (const p of codes.split(' ')) {
      expect(validateIdCard(withCheck(`${p}010219800101001`), { now: NOW }).ok, p).toBe(true);
    }
  });

  it.each([
    '00',
    '10',
    '16',
    '20',
    '24',
    '30',
    '38',
    '40',
    '47',
    '55',
    '60',
    '66',
    '70',
    '80',
    '83',
    '90',
    '91',
    '99',
  ])('rejects region prefix %s', (p) => {
    expect(validateIdCard(withCheck(`${p}010219800101001`), { now: NOW })).toEqual({
      ok: false,
      reason: 'region',
    });
  });

  it('rejects wrong check characters', () => {
    expect(validateIdCard('110105194912310021', { now: NOW })).toEqual({ ok: false, reason: 'checksum' });
    expect(validateIdCard(withWrongCheck('44030419900307123'), { now: NOW })).toEqual({
      ok: false,
      reason: 'checksum',
    });
    // Every wrong check character is caught, not just one.
    const base = '32010619851111456';
    const good = withCheck(base).slice(-1);
    for (const c of '0123456789X'.replace(good, '')) {
      expect(validateIdCard(base + c, { now: NOW })).toEqual({ ok: false, reason: 'checksum' });
    }
  });

  it('catches a single mistyped digit', () => {
    const good = withCheck('32010619851111456');
    const typo = good.slice(0, 15) + (good[15] === '9' ? '8' : '9') + good.slice(16);
    expect(validateIdCard(typo, { now: NOW })).toEqual({ ok: false, reason: 'checksum' });
  });

  it.each([
    ['Feb 30', '11010519900230001'],
    ['Feb 29 in a non-leap year', '11010519990229001'],
    ['Feb 29 in a century year that is not a leap year (1900)', '11010519000229002'],
    ['month 13', '11010519901301001'],
    ['month 00', '11010519900001001'],
    ['day 00', '11010519900100001'],
    ['day 32', '11010519900132001'],
    ['April 31', '11010519900431001'],
    ['before 1900', '11010518991231001'],
    ['in the future', '11010520260316001'],
    ['far in the future', '11010529991231001'],
  ])('rejects birth date: %s', (_, base) => {
    expect(validateIdCard(withCheck(base), { now: NOW })).toEqual({ ok: false, reason: 'birthdate' });
  });

  it('accepts boundary birth dates', () => {
    expect(validateIdCard(withCheck('11010519000101001'), { now: NOW }).ok).toBe(true);
    expect(validateIdCard(withCheck('11010520000229001'), { now: NOW }).ok).toBe(true);
    // Born "today" on the Shanghai calendar is allowed.
    expect(validateIdCard(withCheck('11010520260315001'), { now: NOW }).ok).toBe(true);
  });

  it('decides "future" on the Shanghai calendar', () => {
    // 2026-03-15T17:00Z is already 2026-03-16 in Shanghai.
    const lateUtc = new Date('2026-03-15T17:00:00Z');
    expect(validateIdCard(withCheck('11010520260316001'), { now: lateUtc }).ok).toBe(true);
    expect(validateIdCard(withCheck('11010520260316001'), { now: new Date('2026-03-15T15:59:59Z') })).toEqual(
      {
        ok: false,
        reason: 'birthdate',
      },
    );
  });

  it('uses the current clock by default', () => {
    expect(isIdCard('11010519491231002X')).toBe(true);
    expect(isIdCard(withCheck('11010529991231001'))).toBe(false);
  });

  it.each([
    ['17 digits', '11010519491231002'],
    ['19 digits', '11010519491231002X1'],
    ['15-digit legacy number', '110105491231002'],
    ['letters', '1101051949123100AX'],
    ['X not in last place', '1101051949123100X2'],
    ['inner spaces', '110105 19491231002X'],
    ['full-width digits', '１１０１０５１９４９１２３１００２Ｘ'],
    ['empty', ''],
  ])('rejects format: %s', (_, s) => {
    expect(validateIdCard(s, { now: NOW })).toEqual({ ok: false, reason: 'format' });
  });

  it('rejects non-strings', () => {
    expect(validateIdCard(undefined)).toEqual({ ok: false, reason: 'format' });
    expect(validateIdCard(110105194912310020)).toEqual({ ok: false, reason: 'format' });
    expect(isIdCard(null)).toBe(false);
  });

  it('checks region before birth date before checksum', () => {
    // Bad region and bad date and bad checksum together report the region.
    expect(validateIdCard('99010519900230001X', { now: NOW })).toEqual({ ok: false, reason: 'region' });
    expect(validateIdCard('11010519900230001X', { now: NOW })).toEqual({ ok: false, reason: 'birthdate' });
  });
});

describe('idCardSchema', () => {
  it('outputs the normalised value', () => {
    expect(idCardSchema.parse(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it.each([
    ['110105194912310021', '身份证号码校验位不正确'],
    ['123', '身份证号码格式不正确'],
    [withCheck('99010519491231002'), '身份证号码地区码不正确'],
    [withCheck('11010519900230001'), '身份证号码出生日期不正确'],
  ])('gives a Chinese message for %s', (input, message) => {
    const r = idCardSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues).toHaveLength(1);
    expect(r.error?.issues[0]?.message).toBe(message);
  });

  it('rejects non-strings', () => {
    expect(idCardSchema.safeParse(123).success).toBe(false);
  });
});
