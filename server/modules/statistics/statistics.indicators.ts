import { defineRatio, type Dimension } from '../../kernel/indicators/define-indicator.ts';
import { defineCountIndicator } from '../../kernel/indicators/indicators.repository.ts';
import { allWorkflows } from '../../kernel/workflow/define-workflow.ts';
import { concludedCases, overdueCases, pendingCases, receivedCases } from './case-figures.repository.ts';

/**
 * Case figures across every module (one `cases` table, kernel/workflow): they belong to no single
 * module, so the statistics module registers them. Each module adds its own figures beside them.
 */

const caseType: Dimension = {
  key: 'caseType',
  label: '案件类型',
  values: () => Object.fromEntries(allWorkflows().map((w) => [w.caseType, w.label])),
};

const timeliness: Dimension = { key: 'timeliness', label: '办理时限', values: { onTime: '按期办结', late: '逾期办结' } };

/** 督察规定 art. 24: the annual report states the year's work and its results; these are its case counts. */
const reportBasis = '《法治政府建设与责任落实督察工作规定》第二十四条（法治政府建设年度报告）';
const deadlineBasis = '各类案件的法定办理期限（如《行政复议法》第六十二条、《行政诉讼法》第六十七条），以案件流程登记的期限为准';

export const casesReceived = defineCountIndicator({
  code: 'cases.received',
  name: '收案数',
  unit: '件',
  basis: reportBasis,
  description: '统计期间内收件或立案的案件数：立案时间（北京时间）在期间首日至末日之内，按案件类型分列。',
  dimensions: [caseType],
  recordDate: '收案日期',
  source: receivedCases,
});

export const casesConcluded = defineCountIndicator({
  code: 'cases.concluded',
  name: '办结数',
  unit: '件',
  basis: reportBasis,
  description:
    '统计期间内办结的案件数：进入终结状态（决定、终止、撤回等）的时间在期间之内。办结当日仍在计算（未中止）的任一期限，其届满日早于办结日的，为逾期办结，否则为按期办结。',
  dimensions: [caseType, timeliness],
  recordDate: '办结日期',
  source: concludedCases,
});

export const casesPending = defineCountIndicator({
  code: 'cases.pending',
  name: '未办结数',
  unit: '件',
  basis: reportBasis,
  description: '统计截止日（期间末日；期间尚未结束的为今日）终了时仍未办结的案件数，含以前期间结转的案件。',
  dimensions: [caseType],
  recordDate: '收案日期',
  source: pendingCases,
});

export const casesOverdue = defineCountIndicator({
  code: 'cases.overdue',
  name: '逾期未办结数',
  unit: '件',
  basis: deadlineBasis,
  description:
    '统计截止日终了时仍未办结、且有期限已届满的案件数：该期限当日已开始计算、未中止、未结束，届满日早于截止日（届满日当天不算逾期）。中止期间不计入。',
  dimensions: [caseType],
  recordDate: '期限届满日',
  source: overdueCases,
});

export const casesOnTimeRate = defineRatio({
  code: 'cases.onTimeRate',
  name: '按期办结率',
  basis: deadlineBasis,
  description: '按期办结数 ÷ 办结数 × 100%，分子、分母均为统计期间内办结的案件（口径见「办结数」）；期间内无办结案件时不计算。',
  numerator: { code: casesConcluded.code, cell: { timeliness: 'onTime' } },
  denominator: casesConcluded.code,
  dimensions: ['caseType'],
});

export const caseFigures = [casesReceived, casesConcluded, casesPending, casesOverdue, casesOnTimeRate];
