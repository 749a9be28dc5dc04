import { api } from '../../api/client.ts';

/** Shapes of /api/calendar answers (server/modules/calendar/calendar.schemas.ts is the source of truth). */

export const NATIONAL = '000000';

export type DayKind = 'holiday' | 'workday';
export type PeriodUnit = 'workingDays' | 'days' | 'months';

export const unitLabels: Record<PeriodUnit, string> = { workingDays: '个工作日', days: '日（自然日）', months: '个月' };
export const kindLabels: Record<DayKind, string> = { holiday: '放假', workday: '调休上班' };

export interface CalendarDay {
  day: string;
  kind: DayKind;
  name: string;
  source: string;
  regionCode: string;
}

export interface CalendarYear {
  regionCode: string;
  year: number;
  source: string;
  publishedOn: string | null;
  version: number;
  updatedAt: string;
  dayCount: number;
}

export interface StatutoryPeriod {
  code: string;
  name: string;
  unit: PeriodUnit;
  n: number;
  basis: string;
}

export interface DeadlineAnswer {
  from: string;
  n: number;
  unit: PeriodUnit;
  regionCode: string;
  due: string;
  provisional: boolean;
  basis?: string;
}

export interface NoticeInput {
  region: string;
  source: string;
  publishedOn: string | null;
  days: { day: string; kind: DayKind; name: string; source?: string }[];
  version?: number;
}

export const calendarApi = {
  years: (region?: string) => api.get<{ regionCode: string; publishedYears: number[]; items: CalendarYear[] }>('calendar/years', { region }),
  days: (year: number, region?: string) => api.get<{ year: number; regionCode: string; published: boolean; days: CalendarDay[] }>('calendar/days', { year, region }),
  notice: (year: number, region: string) => api.get<{ year: CalendarYear | null; days: CalendarDay[] }>(`calendar/years/${year}`, { region }),
  save: (year: number, input: NoticeInput) => api.put<CalendarYear>(`calendar/years/${year}`, input, { notify: false }),
  periods: () => api.get<StatutoryPeriod[]>('calendar/periods'),
  add: (query: { from: string; region?: string } & ({ period: string } | { n: number; unit: PeriodUnit })) =>
    api.get<DeadlineAnswer>('calendar/add', query, { notify: false }),
};
