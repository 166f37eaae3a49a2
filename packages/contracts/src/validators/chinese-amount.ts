import { assertFen } from './money.ts';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** A group of up to four digits in capitals, with 零 where a zero sits between non-zeros. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      zero = out !== '';
    } else {
      if (zero) out += '零';
      out += DIGITS[d]! + SMALL_UNITS[i]!;
      zero = false;
    }
  }
  return out;
}

/**
 * 大写金额 as printed on receipts (财务大写): 123456 fen → 壹仟贰佰叁拾肆元伍角陆分; 100 → 壹元整.
 * Works on integer fen only, so no rounding can ever change what is printed.
 */
export function fenToChineseCapital(fen: number): string {
  assertFen(fen);
  if (fen < 0) return `负${fenToChineseCapital(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let int = '';
  if (yuan > 0) {
    const groups: number[] = [];
    for (let y = yuan; y > 0; y = Math.floor(y / 10_000)) groups.push(y % 10_000);
    let pendingZero = false;
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i]!;
      if (g === 0) {
        pendingZero = int !== '';
        continue;
      }
      if (int !== '' && (pendingZero || g < 1000)) int += '零';
      int += group(g) + BIG_UNITS[i]!;
      pendingZero = false;
    }
    int += '元';
  }
  if (jiao === 0 && cents === 0) return `${int}整`;
  let dec = '';
  if (jiao > 0) dec += `${DIGITS[jiao]}角`;
  else if (yuan > 0) dec += '零';
  if (cents > 0) dec += `${DIGITS[cents]}分`;
  return int + dec;
}
