import { describe, expect, it } from 'vitest';
import { fenToChineseCapital } from './chinese-amount.ts';

describe('大写金额', () => {
  it.each([
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [1_050, '壹拾元伍角'],
    [123_456, '壹仟贰佰叁拾肆元伍角陆分'],
    [1_000_000, '壹万元整'],
    [10_010_000, '壹拾万零壹佰元整'],
    [100_000_100, '壹佰万零壹元整'],
    [2_270_000_000, '贰仟贰佰柒拾万元整'],
    [135_800_000_000, '壹拾叁亿伍仟捌佰万元整'],
    [10_000_000_001, '壹亿元零壹分'],
    [30_000_000, '叁拾万元整'],
  ])('%i fen → %s', (fen, text) => {
    expect(fenToChineseCapital(fen)).toBe(text);
  });

  it('refuses fractions of a fen', () => {
    expect(() => fenToChineseCapital(1.5)).toThrow();
  });
});
