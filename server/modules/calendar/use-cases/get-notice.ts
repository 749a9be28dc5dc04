import { findYear, listNoticeDays, listYears } from '../../../kernel/calendar/calendar.repository.ts';
import type { Db } from '../../../kernel/db/db.ts';

/** One region's entry for a year and the days it fixed, as the editor loads them (null when not entered). */
export async function getNotice(db: Db, regionCode: string, year: number) {
  const row = await findYear(db, regionCode, year);
  const [days, [view]] = await Promise.all([listNoticeDays(db, regionCode, year, row?.source), row ? listYears(db, [regionCode], year) : [undefined]]);
  return {
    year: view ?? null,
    days: days.map(({ day, kind, name, source, regionCode: origin }) => ({ day, kind, name, source, regionCode: origin })),
  };
}
