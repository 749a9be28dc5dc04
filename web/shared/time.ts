import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.locale('zh-cn');

/** Beijing time has no daylight saving: UTC+8 all year. */
const BEIJING_OFFSET_MINUTES = 8 * 60;

/** Formats an instant in Beijing time, whatever the browser's time zone is. */
export function beijingTime(value: string | Date | null | undefined, format = 'YYYY-MM-DD HH:mm:ss'): string {
  if (!value) return '—';
  const time = dayjs(value);
  return time.isValid() ? time.utcOffset(BEIJING_OFFSET_MINUTES).format(format) : '—';
}

export { dayjs };
