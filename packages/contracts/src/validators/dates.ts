/**
 * Dates shown to people are Shanghai wall-clock dates, whatever the server's or browser's own zone is.
 * Formatting goes through Intl with the IANA zone rather than a fixed +08:00, so the tz database stays
 * the single source of truth (China observed DST until 1991, and historical instants must still render right).
 */

const TIME_ZONE = 'Asia/Shanghai';

// One formatter, reused: constructing Intl.DateTimeFormat is comparatively expensive.
let formatter: Intl.DateTimeFormat | undefined;
function shanghaiFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    // h23 so midnight is "00", not "24" as some engines produce with hour12: false.
    hourCycle: 'h23',
    era: 'short',
  });
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Shanghai has kept UTC+8 without daylight saving since 1991-09-15; later instants need no tz database. */
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const UTC8 = 8 * 3_600_000;

function shanghaiWallClock(d: Date): WallClock {
  const t = d.getTime();
  if (!(d instanceof Date) || Number.isNaN(t)) throw new RangeError('无效的日期');
  if (t >= FIXED_OFFSET_SINCE) {
    // The hot path (every gift checks today's date): plain arithmetic instead of Intl.formatToParts.
    const w = new Date(t + UTC8);
    return {
      year: w.getUTCFullYear(),
      month: w.getUTCMonth() + 1,
      day: w.getUTCDate(),
      hour: w.getUTCHours(),
      minute: w.getUTCMinutes(),
      second: w.getUTCSeconds(),
    };
  }
  // formatToParts instead of parsing the formatted string: locale punctuation is not a stable contract.
  const parts: Record<string, string> = {};
  for (const p of shanghaiFormatter().formatToParts(d)) parts[p.type] = p.value;
  const rawYear = Number(parts.year);
  // Years before 1 AD come back as "BC" with a positive year; map them to astronomical numbering.
  const year = parts.era?.startsWith('B') ? 1 - rawYear : rawYear;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatYear(y: number): string {
  return y < 0 ? `-${pad(-y, 6)}` : y > 9999 ? `+${pad(y, 6)}` : pad(y, 4);
}

/** 'YYYY-MM-DD' of the instant as seen on a Shanghai calendar. */
export function shanghaiDate(d: Date): string {
  const w = shanghaiWallClock(d);
  return `${formatYear(w.year)}-${pad(w.month)}-${pad(w.day)}`;
}

/** 'YYYY-MM-DD HH:mm:ss' of the instant as seen on a Shanghai clock. */
export function shanghaiDateTime(d: Date): string {
  const w = shanghaiWallClock(d);
  return `${formatYear(w.year)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar (month is 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written exactly 'YYYY-MM-DD' (years 0001–9999). */
export function isValidDateString(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Milliseconds Shanghai's wall clock is ahead of UTC at the given instant, read from the tz database. */
function shanghaiOffsetMs(instant: number): number {
  const w = shanghaiWallClock(new Date(instant));
  const asUtc = new Date(0);
  // setUTCFullYear rather than Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  asUtc.setUTCFullYear(w.year, w.month - 1, w.day);
  asUtc.setUTCHours(w.hour, w.minute, w.second, 0);
  // Whole seconds only: the wall clock carries no milliseconds, so drop them from the instant too.
  return asUtc.getTime() - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The UTC instant at which the given Shanghai calendar day begins, e.g. '2026-01-02' → 2026-01-01T16:00:00Z.
 * Used for day-range queries ("created on 2026-01-02" = [start of that day, start of the next)).
 */
export function startOfShanghaiDay(dateStr: string): Date {
  if (!isValidDateString(dateStr)) throw new RangeError(`日期格式不正确：${String(dateStr)}`);
  const [y, m, d] = dateStr.split('-').map(Number) as [number, number, number];
  const base = new Date(0);
  base.setUTCFullYear(y, m - 1, d);
  const midnightAsUtc = base.getTime();
  // Two passes: take the offset at the first guess, then the offset at that result, so a day on which the
  // offset changed (historic DST) still lands on the right instant.
  const firstGuess = midnightAsUtc - shanghaiOffsetMs(midnightAsUtc);
  const result = midnightAsUtc - shanghaiOffsetMs(firstGuess);
  return new Date(result);
}

/** `days` after (or, negative, before) a day, both 'YYYY-MM-DD'. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' plus whole months, the day clamped to the month's end (01-31 + 1 month = 02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const dd = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
