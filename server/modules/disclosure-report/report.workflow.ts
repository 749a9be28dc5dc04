import { z } from 'zod';
import { defineWorkflow } from '../../kernel/workflow/define-workflow.ts';
import { REPORT_CASE_TYPE, REPORT_PUBLISH, REPORT_READ, REPORT_WRITE } from './disclosure-report.permissions.ts';

/** 条例 第四十九条: departments by 31 January, the government by 31 March of the next year. */
export const REPORT_DUE_BASIS = '《政府信息公开条例》第四十九条：每年1月31日前（部门）、3月31日前（本级人民政府）公布本行政机关上一年度政府信息公开工作年度报告';

/**
 * A report's deadline as a case of its own, so that it is someone's 待办 with the kernel's yellow and
 * red marks until it is published. The date is fixed by statute rather than counted from an event: the
 * clock starts from the due date itself with a period of nought working days, which ends on that day
 * exactly (no roll-forward: "1月31日前" is a calendar date, not a period).
 */
export const reportWorkflow = defineWorkflow<'drafting' | 'published'>({
  caseType: REPORT_CASE_TYPE,
  label: '政府信息公开工作年度报告',
  readPermission: REPORT_READ,
  states: { drafting: { label: '起草中' }, published: { label: '已发布', terminal: true } },
  initial: 'drafting',
  clockLabels: { due: '年度报告公布期限' },
  actions: {
    setDue: {
      label: '登记公布期限',
      from: ['drafting'],
      to: 'drafting',
      permission: REPORT_WRITE,
      offeredIn: [],
      inPanel: true,
      input: z.object({ dueOn: z.iso.date() }),
      clocks: { start: { due: (ctx) => ({ unit: 'workingDays', n: 0, basis: REPORT_DUE_BASIS, from: (ctx.input as { dueOn: string }).dueOn }) } },
    },
    publish: {
      label: '发布年度报告',
      from: ['drafting'],
      to: 'published',
      permission: REPORT_PUBLISH,
      // Published from the report's page, after its checks (use-cases/publish-report.ts).
      inPanel: true,
      clocks: { stop: 'all' },
    },
  },
});
