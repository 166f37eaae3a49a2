import { describe, expect, it } from 'vitest';
import { maskEmail, maskIdCard, maskMobile, maskName } from './mask.ts';

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张*丰'],
    ['欧阳娜娜', '欧**娜'],
    ['司马相如', '司**如'],
    ['爱新觉罗溥仪', '爱****仪'],
    ['阿卜杜·热合曼', '阿*****曼'],
    ['张', '*'],
    ['J', '*'],
    ['', ''],
    ['John Smith', 'J*** S****'],
    ['John', 'J***'],
    ['Mary Jane Watson', 'M*** J*** W*****'],
    ['José García', 'J*** G*****'],
    ['John  Smith', 'J***  S****'],
    ['Al', 'A*'],
  ])('%j → %j', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });

  it('counts CJK extension characters (surrogate pairs) as one character', () => {
    expect(maskName('𠀀𠀁')).toBe('𠀀*');
    expect(maskName('张𠀀丰')).toBe('张*丰');
    expect(maskName('𠀀𠀁𠀂')).toBe('𠀀*𠀂');
    expect(maskName('𠀀')).toBe('*');
    // Never leaves a lone surrogate behind.
    expect(maskName('𠀀𠀁𠀂𠀃')).toBe('𠀀**𠀃');
    expect(maskName('𠀀𠀁𠀂𠀃')).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
  });

  it('never reveals the middle of the name', () => {
    expect(maskName('欧阳娜娜')).not.toContain('阳');
    expect(maskName('John Smith')).not.toMatch(/ohn|mith/);
  });
});

describe('maskMobile', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['19900001111', '199****1111'],
    ['', ''],
    ['1234', '****'],
    ['1234567', '*******'],
    ['12345678', '123*5678'],
  ])('%j → %j', (input, expected) => {
    expect(maskMobile(input)).toBe(expected);
  });
});

describe('maskIdCard', () => {
  it.each([
    ['110105194912310021', '110***********0021'],
    ['11010519491231002X', '110***********002X'],
    ['110105491231002', '110********1002'],
    ['', ''],
    ['1234567', '*******'],
  ])('%j → %j', (input, expected) => {
    expect(maskIdCard(input)).toBe(expected);
  });

  it('keeps the length and hides the birth date', () => {
    const masked = maskIdCard('110105194912310021');
    expect(masked).toHaveLength(18);
    expect(masked).not.toContain('19491231');
  });
});

describe('maskEmail', () => {
  it.each([
    ['zhang@example.com', 'z****@example.com'],
    ['ab@x.cn', 'a*@x.cn'],
    ['a@x.cn', '*@x.cn'],
    ['@x.cn', '@x.cn'],
    ['', ''],
    ['"a@b"@example.com', '"****@example.com'],
    ['no-at-sign', 'n*********'],
    ['张三@例子.中国', '张*@例子.中国'],
    ['𠀀𠀁@x.cn', '𠀀*@x.cn'],
  ])('%j → %j', (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });
});
