import { nearestRows, regionChain } from '../../../kernel/calendar/calendar.ts';
import { listDaysBetween, loadPublishedYears } from '../../../kernel/calendar/calendar.repository.ts';
import { NATIONAL } from '../../../kernel/calendar/calendar.tables.ts';
import { isoWeekday } from '../../../kernel/calendar/local-date.ts';
import type { Db } from '../../../kernel/db/db.ts';
import { toXlsx } from '../../../kernel/excel/excel.ts';

/** A year's holidays and 调休 working days as a region's deadlines see them (its own rows win). */
export async function yearDays(db: Db, regionCode: string, year: number) {
  const [rows, published] = await Promise.all([
    listDaysBetween(db, regionChain(regionCode), `${year}-01-01`, `${year}-12-31`),
    loadPublishedYears(db),
  ]);
  const days = nearestRows(regionCode, rows).map(({ day, kind, name, source, regionCode: origin }) => ({ day, kind, name, source, regionCode: origin }));
  return { year, regionCode, published: published.includes(year), days };
}

type YearDay = Awaited<ReturnType<typeof yearDays>>['days'][number];

const weekdayNames = ['一', '二', '三', '四', '五', '六', '日'];

export async function yearDaysXlsx(db: Db, regionCode: string, year: number): Promise<Buffer> {
  const { days } = await yearDays(db, regionCode, year);
  return toXlsx<YearDay>(`${year}年`, [
    { header: '日期', width: 14, value: (d) => d.day },
    { header: '星期', width: 8, value: (d) => `星期${weekdayNames[isoWeekday(d.day) - 1]}` },
    { header: '类型', width: 12, value: (d) => (d.kind === 'holiday' ? '放假' : '调休上班') },
    { header: '节日', width: 16, value: (d) => d.name },
    { header: '适用范围', width: 12, value: (d) => (d.regionCode === NATIONAL ? '全国' : d.regionCode) },
    { header: '依据文件', width: 60, value: (d) => d.source },
  ], days);
}
