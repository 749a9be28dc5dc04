import { z } from 'zod';
import { calendarDayKinds } from '../../kernel/calendar/calendar.tables.ts';
import { isLocalDate, yearOf } from '../../kernel/calendar/local-date.ts';
import { periodUnits, statutoryPeriods, type PeriodUnit } from '../../kernel/calendar/periods.ts';
import { defineFieldLabels } from '../../kernel/http/schemas.ts';

const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/** 'YYYY-MM-DD', a real date within the years the calendar can answer for. */
export const LocalDateField = z
  .string()
  .trim()
  .refine((v) => isLocalDate(v), '应为有效日期，格式 YYYY-MM-DD，例如 2024-10-08')
  .refine((v) => !isLocalDate(v) || (yearOf(v) >= FIRST_YEAR && yearOf(v) <= LAST_YEAR), `应在${FIRST_YEAR}年至${LAST_YEAR}年之间`);

/** '000000' is the national calendar; otherwise a region's code. Defaults to the caller's own region. */
export const RegionField = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '应为6位行政区划代码（全国为 000000）');

const UnitField = z.enum(periodUnits, { error: `应为 ${periodUnits.join('、')} 之一（工作日、自然日、月）` });

/** The largest n accepted per unit: well beyond any statute, small enough to answer at once. */
const maxCount: Record<PeriodUnit, number> = { workingDays: 1000, days: 3650, months: 120 };

export const WorkingDayQuery = z.object({ date: LocalDateField, region: RegionField.optional() });

export const DayAnswer = z.object({
  date: z.string(),
  regionCode: z.string(),
  weekday: z.number().int().describe('1 星期一 … 7 星期日'),
  workingDay: z.boolean(),
  kind: z.enum(calendarDayKinds).nullable().describe('holiday 节假日；workday 调休上班日；null 普通的周一至周五或周末'),
  name: z.string().nullable(),
  source: z.string().nullable(),
  provisional: z.boolean().describe('该年度日历尚未发布，按周一至周五推算'),
});

export const AddQuery = z
  .object({
    from: LocalDateField.describe('起算日（不计入期间）'),
    n: z.coerce.number().int('应为整数').min(1, '应不小于 1').optional(),
    unit: UnitField.optional(),
    period: z
      .string()
      .refine((code) => statutoryPeriods.some((p) => p.code === code), '不是已定义的法定期限代码')
      .optional()
      .describe('法定期限代码（见 /api/calendar/periods），给出时不必再给 n 和 unit'),
    region: RegionField.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.period) return;
    if (query.n === undefined) ctx.addIssue({ code: 'custom', path: ['n'], message: '请给出期间长度 n，或给出法定期限代码 period' });
    if (query.unit === undefined) ctx.addIssue({ code: 'custom', path: ['unit'], message: '请给出期间单位 unit，或给出法定期限代码 period' });
    if (query.n !== undefined && query.unit && query.n > maxCount[query.unit]) {
      ctx.addIssue({ code: 'custom', path: ['n'], message: `超出范围：最多 ${maxCount[query.unit]}` });
    }
  });
export type AddQuery = z.infer<typeof AddQuery>;

export const AddAnswer = z.object({
  from: z.string(),
  n: z.number().int(),
  unit: z.enum(periodUnits),
  regionCode: z.string(),
  due: z.string().describe('期间届满日'),
  provisional: z.boolean().describe('计算涉及尚未发布日历的年度，按周一至周五推算'),
  basis: z.string().optional().describe('按法定期限代码计算时的法律依据'),
});

export const StatutoryPeriodView = z.object({ code: z.string(), name: z.string(), unit: z.enum(periodUnits), n: z.number().int(), basis: z.string() });

export const RegionQuery = z.object({ region: RegionField.optional() });

export const CalendarYear = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  source: z.string(),
  publishedOn: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.date(),
  dayCount: z.number().int(),
});

export const YearsAnswer = z.object({
  regionCode: z.string(),
  /** Years whose national calendar is published: deadlines inside them are final. */
  publishedYears: z.array(z.number().int()),
  items: z.array(CalendarYear),
});

export const DaysQuery = z.object({
  year: z.coerce.number().int('应为整数').min(FIRST_YEAR, `应在${FIRST_YEAR}年至${LAST_YEAR}年之间`).max(LAST_YEAR, `应在${FIRST_YEAR}年至${LAST_YEAR}年之间`),
  region: RegionField.optional(),
});

export const CalendarDay = z.object({
  day: z.string(),
  kind: z.enum(calendarDayKinds),
  name: z.string(),
  source: z.string(),
  regionCode: z.string(),
});

export const DaysAnswer = z.object({
  year: z.number().int(),
  regionCode: z.string(),
  published: z.boolean(),
  /** The days that differ from Monday–Friday, the nearest region's row for each. */
  days: z.array(CalendarDay),
});

export const YearParams = z.object({ year: DaysQuery.shape.year });

export const NoticeAnswer = z.object({ year: CalendarYear.nullable(), days: z.array(CalendarDay) });

export const SaveYearBody = z.object({
  region: RegionField,
  source: z.string().trim().min(1).max(100).describe('通知名称及文号，如 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）'),
  publishedOn: LocalDateField.nullish().transform((v) => v ?? null),
  days: z
    .array(
      z.object({
        day: LocalDateField,
        kind: z.enum(calendarDayKinds, { error: '应为 holiday（放假）或 workday（调休上班）' }),
        name: z.string().trim().min(1).max(50),
        source: z.string().trim().min(1).max(100).optional().describe('由另一份通知确定的日期（如延长假期的通知）'),
      }),
    )
    .max(200),
  /** Required when the year is already entered (optimistic locking); absent for a new year. */
  version: z.number().int().min(1).optional(),
});
export type SaveYearBody = z.infer<typeof SaveYearBody>;

defineFieldLabels({
  date: '日期',
  n: '期间长度',
  unit: '期间单位',
  period: '法定期限',
  region: '行政区划代码',
  year: '年度',
  source: '文件名称及文号',
  publishedOn: '发布日期',
  days: '日期清单',
  day: '日期',
  kind: '类型',
});
