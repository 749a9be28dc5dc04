import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission, type Actor } from '../../kernel/auth/actor.ts';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { regionChain } from '../../kernel/calendar/calendar.ts';
import { listYears, loadPublishedYears } from '../../kernel/calendar/calendar.repository.ts';
import { calendarService } from '../../kernel/calendar/calendar.service.ts';
import { P, statutoryPeriods, type PeriodCode } from '../../kernel/calendar/periods.ts';
import {
  AddAnswer,
  AddQuery,
  DayAnswer,
  DaysAnswer,
  DaysQuery,
  NoticeAnswer,
  RegionQuery,
  SaveYearBody,
  StatutoryPeriodView,
  WorkingDayQuery,
  YearParams,
  YearsAnswer,
} from './calendar.schemas.ts';
import { getNotice } from './use-cases/get-notice.ts';
import { saveYear } from './use-cases/save-year.ts';
import { yearDays, yearDaysXlsx } from './use-cases/year-days.ts';
import { attachment } from '../../kernel/http/download.ts';

const tags = ['calendar'];
const security: { [scheme: string]: string[] }[] = [{ session: [] }, { apiToken: [] }];

/** Any signed-in user or API token may ask. */
function signedIn(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  return request.actor;
}

/** The region asked about; the caller's own by default. */
const regionOf = (request: FastifyRequest, region: string | undefined): string => region ?? signedIn(request).regionCode;

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/calendar/working-day',
    { schema: { tags, security, summary: '查询某日是否为工作日', querystring: WorkingDayQuery, response: { 200: DayAnswer } } },
    async (request) => {
      const regionCode = regionOf(request, request.query.region);
      const info = await calendarService(request.server.db).dayInfo(regionCode, request.query.date);
      const { exception } = info;
      return { date: info.day, regionCode, weekday: info.weekday, workingDay: info.workingDay, kind: exception?.kind ?? null, name: exception?.name ?? null, source: exception?.source ?? null, provisional: info.provisional };
    },
  );

  app.get(
    '/calendar/add',
    { schema: { tags, security, summary: '期限计算：起算日后 N 个工作日、N 日或 N 个月的届满日', querystring: AddQuery, response: { 200: AddAnswer } } },
    async (request) => {
      const { from, period: code, region } = request.query;
      const regionCode = regionOf(request, region);
      const statutory = code ? P[code as PeriodCode] : undefined;
      const period = statutory ?? { unit: request.query.unit!, n: request.query.n! };
      const deadline = await calendarService(request.server.db).due(regionCode, from, period);
      return { from, n: period.n, unit: period.unit, regionCode, ...deadline, ...(statutory ? { basis: statutory.basis } : {}) };
    },
  );

  app.get(
    '/calendar/periods',
    { schema: { tags, security, summary: '法定期限及其法律依据', response: { 200: z.array(StatutoryPeriodView) } } },
    async (request) => {
      signedIn(request);
      return statutoryPeriods.map(({ code, name, unit, n, basis }) => ({ code, name, unit, n, basis }));
    },
  );

  app.get(
    '/calendar/years',
    { schema: { tags, security, summary: '已录入的年度日历及其依据文件（全国及本地区）', querystring: RegionQuery, response: { 200: YearsAnswer } } },
    async (request) => {
      const regionCode = regionOf(request, request.query.region);
      const [items, publishedYears] = await Promise.all([listYears(request.server.db, regionChain(regionCode)), loadPublishedYears(request.server.db)]);
      return { regionCode, publishedYears: publishedYears.sort((a, b) => a - b), items };
    },
  );

  app.get(
    '/calendar/days',
    { schema: { tags, security, summary: '某年度的节假日和调休上班日（含本地区的节假日）', querystring: DaysQuery, response: { 200: DaysAnswer } } },
    async (request) => yearDays(request.server.db, regionOf(request, request.query.region), request.query.year),
  );

  app.get(
    '/calendar/days/export.xlsx',
    { schema: { tags, security, summary: '导出某年度的节假日和调休上班日（Excel）', querystring: DaysQuery, produces: [XLSX_MIME] } },
    async (request, reply) => {
      const { year } = request.query;
      const data = await yearDaysXlsx(request.server.db, regionOf(request, request.query.region), year);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`${year}年工作日历.xlsx`, `calendar-${year}.xlsx`))
        .send(data);
    },
  );

  app.get(
    '/calendar/years/:year',
    { schema: { tags, security, summary: '某年度某地区录入的通知及其日期（供修改）', params: YearParams, querystring: RegionQuery, response: { 200: NoticeAnswer } } },
    async (request) => getNotice(request.server.db, regionOf(request, request.query.region), request.params.year),
  );

  app.put(
    '/calendar/years/:year',
    {
      schema: {
        tags,
        security,
        summary: '录入或修改年度日历（国务院办公厅通知，或本县的节假日）',
        description: '整体替换该年度该地区的日期清单。调休上班日只能是星期六或星期日；节假日落在周末时不改变计算结果。修改已录入的年度须提供版本号。',
        params: YearParams,
        body: SaveYearBody,
        response: { 200: YearsAnswer.shape.items.element },
      },
    },
    async (request) => {
      requirePermission(request.actor, 'calendar.manage');
      return saveYear(request, request.params.year, request.body);
    },
  );
};
