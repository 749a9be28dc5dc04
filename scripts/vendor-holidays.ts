/**
 * Writes server/kernel/calendar/cn-holidays.json, the national holiday and 调休 table that the
 * server seeds into calendar_days, from the chinese-days package (devDependency, MIT). Run after
 * upgrading chinese-days: `npx tsx scripts/vendor-holidays.ts`; review the diff; commit the JSON.
 *
 * chinese-days keeps three maps: holidays (rest days of a holiday break), workdays (调休 make-up
 * *working* days) and inLieuDays (the swapped *rest* days, a subset of holidays). Only the first two
 * become rows: an in-lieu day is a holiday like the rest of its break (domain.md §1.9).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isoWeekday } from '../server/kernel/calendar/local-date.ts';
import type { VendoredCalendar, VendoredDay, VendoredNotice } from '../server/kernel/calendar/calendar.seed.ts';

const FIRST_YEAR = 2004;
const LAST_YEAR = 2026;
const target = fileURLToPath(new URL('../server/kernel/calendar/cn-holidays.json', import.meta.url));

const require = createRequire(import.meta.url);
const packageDir = require.resolve('chinese-days/package.json').replace(/package\.json$/, '');
const version = (JSON.parse(readFileSync(`${packageDir}package.json`, 'utf8')) as { version: string }).version;
const raw = JSON.parse(readFileSync(`${packageDir}dist/chinese-days.json`, 'utf8')) as Record<'holidays' | 'workdays', Record<string, string>>;

/** chinese-days' short names → the names the notices use. */
const officialName: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节', 劳动: '劳动节' };

/** Document numbers only where checked against the published notice. */
const documentNumbers: Record<number, string> = { 2024: '国办发明电〔2023〕7号', 2025: '国办发明电〔2024〕12号' };

/** The date each notice was issued, only where checked against the published notice. */
const publishedOn: Record<number, string> = {
  2019: '2018-12-06',
  2020: '2019-11-21',
  2021: '2020-11-25',
  2022: '2021-10-25',
  2023: '2022-12-08',
  2024: '2023-10-25',
  2025: '2024-11-12',
  2026: '2025-11-04',
};

const noticeTitle = (year: number) =>
  `国务院办公厅关于${year}年部分节假日安排的通知${documentNumbers[year] ? `（${documentNumbers[year]}）` : ''}`;

/** Days fixed by a later, separate notice rather than by the year's own. */
function specialSource(day: string, name: string): string | undefined {
  if (name.startsWith('中国人民抗日战争')) return '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知';
  if (day >= '2019-04-28' && day <= '2019-05-05') return '国务院办公厅关于调整2019年劳动节假期安排的通知';
  if (day >= '2020-01-31' && day <= '2020-02-02') return '国务院办公厅关于延长2020年春节假期的通知';
  return undefined;
}

function parse(day: string, description: string, kind: VendoredDay['kind']): { year: number; entry: VendoredDay } {
  const festival = description.split(',')[1]!;
  const name = officialName[festival] ?? festival;
  // A notice for year Y also fixes the 元旦 break's days at the end of December of Y−1.
  const year = Number(day.slice(0, 4)) + (name === '元旦' && day.slice(5, 7) === '12' ? 1 : 0);
  const source = specialSource(day, name);
  return { year, entry: { day, kind, name, ...(source ? { source } : {}) } };
}

const byYear = new Map<number, VendoredDay[]>();
for (const [kind, map] of [['holiday', raw.holidays], ['workday', raw.workdays]] as const) {
  for (const [day, description] of Object.entries(map)) {
    const { year, entry } = parse(day, description, kind);
    if (year < FIRST_YEAR || year > LAST_YEAR) continue;
    byYear.set(year, [...(byYear.get(year) ?? []), entry]);
  }
}

const notices: VendoredNotice[] = [];
for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
  const days = (byYear.get(year) ?? []).sort((a, b) => a.day.localeCompare(b.day));
  if (!days.length) throw new Error(`chinese-days ${version} has no data for ${year}`);
  for (const d of days) {
    // A make-up working day on a Monday–Friday would mean the maps were read the wrong way round.
    if (d.kind === 'workday' && isoWeekday(d.day) < 6) throw new Error(`${d.day} is a workday on a weekday`);
  }
  notices.push({ year, source: noticeTitle(year), publishedOn: publishedOn[year] ?? null, days });
}

// Spot checks against the notices themselves (2024: 国办发明电〔2023〕7号; 2025: 〔2024〕12号; 2026).
const kindOf = new Map(notices.flatMap((n) => n.days.map((d) => [d.day, d.kind] as const)));
const expected: [string, VendoredDay['kind']][] = [
  ['2024-02-04', 'workday'],
  ['2024-10-12', 'workday'],
  ['2024-10-01', 'holiday'],
  ['2024-10-07', 'holiday'],
  ['2025-01-26', 'workday'],
  ['2025-01-28', 'holiday'],
  ['2025-02-04', 'holiday'],
  ['2025-02-08', 'workday'],
  ['2026-01-04', 'workday'],
  ['2026-02-23', 'holiday'],
  ['2026-10-10', 'workday'],
];
for (const [day, kind] of expected) {
  if (kindOf.get(day) !== kind) throw new Error(`${day} should be a ${kind}, chinese-days ${version} says ${kindOf.get(day)}`);
}

const data: VendoredCalendar = {
  description: '国务院办公厅公布的全国节假日放假和调休上班日期；由 scripts/vendor-holidays.ts 生成，勿手工修改',
  generatedFrom: `chinese-days ${version}`,
  notices,
};

// One day per line, so that a data change reads as a one-line diff.
const lines = notices.map((n) => {
  const head = JSON.stringify({ year: n.year, source: n.source, publishedOn: n.publishedOn }).slice(0, -1);
  return `    ${head}, "days": [\n${n.days.map((d) => `      ${JSON.stringify(d)}`).join(',\n')}\n    ]}`;
});
writeFileSync(
  target,
  `{\n  "description": ${JSON.stringify(data.description)},\n  "generatedFrom": ${JSON.stringify(data.generatedFrom)},\n  "notices": [\n${lines.join(',\n')}\n  ]\n}\n`,
);
console.log(`${target}: ${notices.length} notices, ${notices.reduce((sum, n) => sum + n.days.length, 0)} days`);
