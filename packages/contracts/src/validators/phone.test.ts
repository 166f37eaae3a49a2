import { describe, expect, it } from 'vitest';
import { isMobile, mobileSchema, normalizeMobile } from './phone.ts';

describe('normalizeMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    ['0086 138-1234-5678', '13812345678'],
    ['  19912345678  ', '19912345678'],
    ['13000000000', '13000000000'],
    ['19999999999', '19999999999'],
    ['\t150\u00a01234\u00a05678', '15012345678'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
    expect(isMobile(input)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['10 digits', '1381234567'],
    ['12 digits', '138123456789'],
    ['second digit 0', '10012345678'],
    ['second digit 1', '11012345678'],
    ['second digit 2', '12012345678'],
    ['does not start with 1', '23812345678'],
    ['landline', '02112345678'],
    ['letters', '1381234567a'],
    ['dots', '138.1234.5678'],
    ['parentheses', '(138)12345678'],
    ['wrong country code', '+85213812345678'],
    ['plus without country code', '+13812345678'],
    ['prefix but bad number', '+8612812345678'],
    ['double prefix', '+868613812345678'],
    ['86 on a 10-digit number', '861381234567'],
    ['full-width digits', '１３８１２３４５６７８'],
  ])('rejects %s', (_, input) => {
    expect(normalizeMobile(input)).toBeNull();
    expect(isMobile(input)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(normalizeMobile(13812345678)).toBeNull();
    expect(normalizeMobile(undefined)).toBeNull();
    expect(isMobile(null)).toBe(false);
  });
});

describe('mobileSchema', () => {
  it('outputs the bare 11 digits', () => {
    expect(mobileSchema.parse('+86 138-1234-5678')).toBe('13812345678');
  });

  it('gives a Chinese message', () => {
    const r = mobileSchema.safeParse('12345');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('手机号码格式不正确');
  });

  it('works with nullish as the contracts use it', () => {
    expect(mobileSchema.nullish().parse(null)).toBeNull();
  });
});
