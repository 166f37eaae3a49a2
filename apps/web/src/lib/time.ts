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
