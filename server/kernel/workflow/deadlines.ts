import { isWorkingDay } from '../calendar/calendar.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { addDays, dayNumber } from '../calendar/local-date.ts';
import type { Db } from '../db/db.ts';
import type { Deadlines } from './clocks.ts';

/** The clocks' arithmetic on the official calendar of the case's region (kernel/calendar). */
export function calendarDeadlines(db: Db): Deadlines {
  const calendar = calendarService(db);
  return {
    due: (via, regionCode, from, period) => calendar.due(regionCode, from, period, via),
    async remaining(via, regionCode, from, to, unit) {
      if (to <= from) return 0;
      if (unit !== 'workingDays') return dayNumber(to) - dayNumber(from);
      const data = await calendar.snapshot(regionCode, via);
      let count = 0;
      for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(data, day)) count++;
      return count;
    },
  };
}
