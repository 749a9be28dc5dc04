import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, rowMeta } from '../../kernel/db/columns.ts';
import { organisations } from '../../kernel/org/org.tables.ts';

/** 主动公开: one published item or policy interpretation of an organisation. */
export const proactiveDisclosures = pgTable(
  'proactive_disclosures',
  {
    id: id(),
    regionCode: regionCode(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    title: varchar('title', { length: 300 }).notNull(),
    /** Topic (规划计划, 重点项目, 政策文件, 营商环境 …): the report counts items by it. */
    category: varchar('category', { length: 24 }).notNull(),
    /** contracts/disclosure.ts proactiveKinds; form for interpretations (文字、图表、视频). */
    kind: varchar('kind', { length: 16 }).notNull(),
    form: varchar('form', { length: 12 }),
    channel: varchar('channel', { length: 40 }),
    url: varchar('url', { length: 500 }),
    /** The Excel batch that brought it in: the batch can be undone. */
    importId: uuid('import_id'),
    ...rowMeta(),
  },
  (t) => [index('proactive_org_published_idx').on(t.regionCode, t.orgId, t.publishedOn), index('proactive_import_idx').on(t.importId)],
);

/**
 * Table 二 figures no module records yet (行政许可 decisions, fees collected, 规章), entered per
 * organisation and year with their source; figures Fazhi records are queried, never entered.
 */
export const disclosureFigureEntries = pgTable(
  'disclosure_figure_entries',
  {
    id: id(),
    regionCode: regionCode(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    /** `<table-二 row>.<column>`, e.g. licences.decisions, fees.amountTenThousand */
    item: varchar('item', { length: 40 }).notNull(),
    value: numeric('value', { precision: 14, scale: 4, mode: 'string' }).notNull(),
    note: text('note'),
    ...rowMeta(),
  },
  (t) => [uniqueIndex('disclosure_figure_entries_uq').on(t.orgId, t.year, t.item)],
);

/**
 * 政府信息公开工作年度报告 of an organisation (a department) or of the county government as a whole,
 * per year. Figures are queries until publication, which freezes them in `figures`.
 */
export const disclosureAnnualReports = pgTable(
  'disclosure_annual_reports',
  {
    id: id(),
    regionCode: regionCode(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    /** organisation 部门 / government 本级政府（汇总） */
    scope: varchar('scope', { length: 12 }).notNull(),
    /** draft 起草中 / published 已发布 */
    status: varchar('status', { length: 12 }).notNull(),
    /** 第四十九条: 31 January (departments), 31 March (the government). */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    publishedUrl: varchar('published_url', { length: 500 }),
    /** Tables 二–四 and check results as published, so a later edit of the records cannot change it. */
    figures: jsonb('figures').$type<Record<string, unknown>>(),
    /** The report's deadline case in the 待办 list, when one is opened. */
    caseId: uuid('case_id'),
    ...rowMeta(),
  },
  (t) => [uniqueIndex('disclosure_annual_reports_uq').on(t.orgId, t.year)],
);

/** The narrative sections (一 总体情况, 五, 六 …) of a report, each save a new version. */
export const disclosureReportSections = pgTable(
  'disclosure_report_sections',
  {
    id: id(),
    regionCode: regionCode(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => disclosureAnnualReports.id),
    section: varchar('section', { length: 12 }).notNull(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
    savedBy: uuid('saved_by'),
  },
  (t) => [uniqueIndex('disclosure_report_sections_uq').on(t.reportId, t.section, t.version)],
);
