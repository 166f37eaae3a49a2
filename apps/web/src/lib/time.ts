import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every time is shown in China Standard Time, whatever the browser's zone. */
export const TIME_ZONE = 'Asia/Shanghai';

export function formatTime(iso: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm:ss'): string {
  if (!iso) return '-';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(TIME_ZONE).format(pattern) : iso;
}

/** A wall-clock time picked in the UI, read as Asia/Shanghai, as an ISO datetime with offset. */
export function toIsoInShanghai(value: Dayjs | string): string {
  const wall = typeof value === 'string' ? value : value.format('YYYY-MM-DD HH:mm:ss');
  return dayjs.tz(wall, TIME_ZONE).format();
}

/** A day picked in a form (dayjs or formatted string) as YYYY-MM-DD; undefined when empty or invalid. */
export function dayOf(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const d = dayjs(v as string);
  return d.isValid() ? d.format('YYYY-MM-DD') : undefined;
}
