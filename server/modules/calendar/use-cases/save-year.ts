import type { FastifyRequest } from 'fastify';
import { emitCalendarChanged } from '../../../kernel/calendar/calendar.events.ts';
import {
  findYear,
  insertYear,
  listNoticeDays,
  listYears,
  noticeRange,
  regionExists,
  replaceNoticeDays,
  updateYear,
  type CalendarDayRow,
} from '../../../kernel/calendar/calendar.repository.ts';
import { NATIONAL } from '../../../kernel/calendar/calendar.tables.ts';
import { isoWeekday } from '../../../kernel/calendar/local-date.ts';
import { AppError, versionConflict, type FieldError } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import type { SaveYearBody } from '../calendar.schemas.ts';

export const CALENDAR_YEAR_ENTITY = 'calendar_year';

const weekdayNames = ['一', '二', '三', '四', '五', '六', '日'];

/** What is wrong with the notice's days, one message per day; empty when it can be saved. */
export function checkNoticeDays(year: number, days: SaveYearBody['days']): FieldError[] {
  const { from, to } = noticeRange(year);
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  days.forEach((d, i) => {
    const field = `days.${i}.day`;
    if (d.day < from || d.day > to) problems.push({ field, message: `${d.day} 不属于${year}年度（可含上一年12月的元旦调休日期）` });
    if (seen.has(d.day)) problems.push({ field, message: `${d.day} 重复录入` });
    seen.add(d.day);
    // A 调休 working day replaces a weekend day; Monday–Friday are working days already.
    const weekday = isoWeekday(d.day);
    if (d.kind === 'workday' && weekday <= 5) {
      problems.push({ field, message: `${d.day} 是星期${weekdayNames[weekday - 1]}，本就是工作日，不能录为调休上班日` });
    }
  });
  return problems;
}

const snapshot = (row: { source: string; publishedOn: string | null; version: number } | undefined, days: Pick<CalendarDayRow, 'day' | 'kind' | 'name' | 'source'>[]) =>
  row ? { source: row.source, publishedOn: row.publishedOn, version: row.version, days: days.map((d) => ({ day: d.day, kind: d.kind, name: d.name, source: d.source })) } : null;

/**
 * Enters a year's State Council notice (region 000000) or a county's own holidays, replacing what the
 * notice fixed before, in one transaction with its audit row. Afterwards the cached calendars are
 * dropped and the listeners (open deadlines) are told.
 */
export async function saveYear(request: FastifyRequest, year: number, input: SaveYearBody) {
  const problems = checkNoticeDays(year, input.days);
  if (problems.length) throw new AppError('VALIDATION_FAILED', `日期清单有误：${problems.map((p) => p.message).join('；')}`, problems);
  if (input.region !== NATIONAL && !(await regionExists(request.server.db, input.region))) {
    throw new AppError('VALIDATION_FAILED', `行政区划代码 ${input.region} 不存在`, [{ field: 'region', message: '行政区划不存在' }]);
  }
  const by = { at: request.server.clock.now(), userId: request.actor!.userId };
  const saved = await write(request, async (tx, audit) => {
    const existing = await findYear(tx, input.region, year, true);
    const beforeDays = existing ? await listNoticeDays(tx, input.region, year, existing.source) : [];
    let row;
    if (existing) {
      if (input.version === undefined) throw new AppError('CONFLICT', `${year}年度的日历已录入，请在已录入的记录上修改（需提供版本号）`);
      row = await updateYear(tx, { regionCode: input.region, year, version: input.version, source: input.source, publishedOn: input.publishedOn, ...by });
    } else {
      if (input.version !== undefined) throw versionConflict('工作日历');
      row = await insertYear(tx, { regionCode: input.region, year, source: input.source, publishedOn: input.publishedOn, ...by });
    }
    if (!row) throw versionConflict('工作日历');
    const days = input.days.map((d) => ({ day: d.day, kind: d.kind, name: d.name, source: d.source ?? input.source }));
    await replaceNoticeDays(tx, input.region, year, existing?.source, days, by);
    await audit({
      action: 'calendar.year',
      entityType: CALENDAR_YEAR_ENTITY,
      entityId: `${input.region}/${year}`,
      regionCode: input.region,
      before: snapshot(existing, beforeDays),
      after: snapshot(row, days),
    });
    const [view] = await listYears(tx, [input.region], year);
    return view!;
  });
  const failures = await emitCalendarChanged({ db: request.server.db, regionCode: input.region, year, at: request.server.clock.now() });
  for (const error of failures) request.log.error({ err: error, regionCode: input.region, year }, 'recomputing deadlines after a calendar change failed');
  return saved;
}
