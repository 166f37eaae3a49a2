import { describe, expect, it } from 'vitest';
import { isUscc, usccCheckChar, usccSchema, validateUscc } from './uscc.ts';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Independent re-implementation of GB 32100-2015 for the tests.
function withCheck(first17: string): string {
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((acc, c, i) => acc + CHARSET.indexOf(c) * w[i]!, 0);
  return first17 + CHARSET[(31 - (sum % 31)) % 31]!;
}

const KNOWN_VALID = '91350100M000100Y43';

describe('usccCheckChar', () => {
  it('agrees with the commonly cited valid code', () => {
    expect(usccCheckChar(KNOWN_VALID.slice(0, 17))).toBe('3');
    expect(withCheck(KNOWN_VALID.slice(0, 17))).toBe(KNOWN_VALID);
  });

  it('maps a zero remainder to "0", not "31"', () => {
    // Find a base whose weighted sum is a multiple of 31 and check that it gets '0'.
    let found = false;
    for (let i = 0; i < 31 && !found; i++) {
      const base = `9111010800000000${CHARSET[i]}`;
      if (withCheck(base).endsWith('0')) {
        expect(usccCheckChar(base)).toBe('0');
        found = true;
      }
    }
    expect(found).toBe(true);
  });

  it('accepts lowercase and rejects characters outside the charset', () => {
    expect(usccCheckChar('91350100m000100y4')).toBe('3');
    expect(() => usccCheckChar('91350100M000100O4')).toThrow();
    expect(() => usccCheckChar('9135')).toThrow();
  });
});

describe('validateUscc', () => {
  it('accepts the known valid code', () => {
    expect(validateUscc(KNOWN_VALID)).toEqual({ ok: true, value: KNOWN_VALID });
    expect(isUscc(KNOWN_VALID)).toBe(true);
  });

  it('normalises to uppercase and trims', () => {
    expect(validateUscc(' 91350100m000100y43 ')).toEqual({ ok: true, value: KNOWN_VALID });
  });

  it('accepts computed codes across the charset', () => {
    const bases = [
      '91110108MA01ABCDE',
      '12100000400010398',
      '31110000MD0123456',
      'Y1440300QWERTYUPK',
      '52310104NHJKLMNPQ',
    ];
    for (const b of bases) {
      const code = withCheck(b);
      expect(validateUscc(code), code).toEqual({ ok: true, value: code });
    }
    // Every possible check character, including the letters, is produced and accepted somewhere.
    const seen = new Set<string>();
    for (const c of CHARSET) {
      for (const d of CHARSET) {
        const code = withCheck(`91350100M0001${c}${d}Y4`);
        expect(isUscc(code)).toBe(true);
        seen.add(code.slice(-1));
      }
    }
    expect(seen.size).toBe(31);
  });

  it('rejects a wrong check character', () => {
    for (const c of CHARSET.replace('3', '')) {
      expect(validateUscc(`91350100M000100Y4${c}`)).toEqual({ ok: false, reason: 'checksum' });
    }
  });

  it('catches a single changed character', () => {
    expect(validateUscc('91350100M000101Y43')).toEqual({ ok: false, reason: 'checksum' });
    expect(validateUscc('92350100M000100Y43')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('catches swapped neighbouring characters', () => {
    expect(validateUscc('91351000M000100Y43')).toEqual({ ok: false, reason: 'checksum' });
  });

  it.each([
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y433'],
    ['letter I', '91350100I000100Y43'],
    ['letter O', '91350100O000100Y43'],
    ['letter S', '91350100S000100Y43'],
    ['letter V', '91350100V000100Y43'],
    ['letter Z', '91350100Z000100Y43'],
    ['check char outside charset', '91350100M000100Y4Z'],
    ['letter in region code', '913501A0M000100Y43'],
    ['letter in first region digit', '91A50100M000100Y43'],
    ['punctuation', '91350100M000100-43'],
    ['inner space', '91350100 M000100Y43'],
    ['empty', ''],
  ])('rejects format: %s', (_, s) => {
    expect(validateUscc(s)).toEqual({ ok: false, reason: 'format' });
  });

  it('rejects non-strings', () => {
    expect(validateUscc(null)).toEqual({ ok: false, reason: 'format' });
    expect(isUscc(91350100)).toBe(false);
  });
});

describe('usccSchema', () => {
  it('outputs uppercase', () => {
    expect(usccSchema.parse('91350100m000100y43')).toBe(KNOWN_VALID);
  });

  it('gives Chinese messages', () => {
    expect(usccSchema.safeParse('abc').error?.issues[0]?.message).toBe('统一社会信用代码格式不正确');
    expect(usccSchema.safeParse('91350100M000100Y44').error?.issues[0]?.message).toBe(
      '统一社会信用代码校验位不正确',
    );
  });

  it('works with nullish as the contracts use it', () => {
    expect(usccSchema.nullish().parse(null)).toBeNull();
    expect(usccSchema.nullish().parse(undefined)).toBeUndefined();
  });
});
