/**
 * 政府信息公开工作年度报告 (条例 第四十九、五十条; 国办公开办函〔2021〕30号 format, domain.md §1.2): the
 * report's scopes, sections, the shape of its figures and its consistency checks, for server, console and portal.
 */
import { applicantKindLabels, applicantKinds, disclosureOutcomeLabels, interpretationForms, outcomeGroups, proactiveCategories, tableFourBlocks, tableFourResults } from './disclosure.ts';

/** organisation: a department's (or township's) own report; government: the county government's, over the whole region. */
export const reportScopes = ['organisation', 'government'] as const;
export type ReportScope = (typeof reportScopes)[number];
export const reportScopeLabels: Record<ReportScope, string> = { organisation: '部门（单位）', government: '本级政府（汇总）' };

export const reportStatuses = ['draft', 'published'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const reportStatusLabels: Record<ReportStatus, string> = { draft: '起草中', published: '已发布' };

/** The six sections; 二、三、四 carry the tables, every section has an edited narrative. */
export const reportSections = ['overview', 'proactive', 'requests', 'remedies', 'problems', 'other'] as const;
export type ReportSection = (typeof reportSections)[number];
export const reportSectionLabels: Record<ReportSection, string> = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  remedies: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

/** Table 三's columns: the six applicant kinds, then 总计. */
export const tableThreeColumns = [...applicantKinds, 'total'] as const;
export const tableThreeColumnLabels: Record<(typeof tableThreeColumns)[number], string> = { ...applicantKindLabels, total: '总计' };

/** The leaves' wording in the printed table (the format's, slightly longer than the console's). */
const tableThreeLeafLabels: Record<string, string> = {
  ...disclosureOutcomeLabels,
  otherNoCorrection: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  otherFeeUnpaid: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
};

/** Table 三's rows in print order: code, label, depth (0 一二三四, 1 （一）…, 2 1. 2. …). */
export interface TableThreeRow {
  code: string;
  label: string;
  depth: 0 | 1 | 2;
}
export const tableThreeRows: readonly TableThreeRow[] = [
  { code: 'new', label: '一、本年新收政府信息公开申请数量', depth: 0 },
  { code: 'carried', label: '二、上年结转政府信息公开申请数量', depth: 0 },
  { code: 'results', label: '三、本年度办理结果', depth: 0 },
  ...outcomeGroups.flatMap((g): TableThreeRow[] =>
    g.leaves.length === 1 && g.leaves[0] === g.code
      ? [{ code: g.code, label: g.label, depth: 1 }]
      : [{ code: g.code, label: g.label, depth: 1 }, ...g.leaves.map((leaf, i) => ({ code: leaf, label: `${i + 1}. ${tableThreeLeafLabels[leaf] ?? leaf}`, depth: 2 as const }))],
  ),
  { code: 'total', label: '（七）总计', depth: 1 },
  { code: 'carriedNext', label: '四、结转下年度继续办理', depth: 0 },
];

/** Table 二 as numbers; fees in 万元 with up to four decimals. */
export interface TableTwo {
  regulations: { issued: number; repealed: number; inForce: number };
  normativeDocuments: { issued: number; repealed: number; inForce: number };
  licences: { decisions: number };
  penalties: { decisions: number };
  coercion: { decisions: number };
  fees: { amountTenThousand: number };
}
/** Table 三: row code → seven numbers (the six applicant kinds, then 总计). */
export type TableThree = Record<string, number[]>;
/** Table 四: block → result → number. */
export type TableFour = Record<(typeof tableFourBlocks)[number], Record<(typeof tableFourResults)[number], number>>;

export interface ProactiveFigures {
  total: number;
  items: number;
  byCategory: Record<(typeof proactiveCategories)[number], number>;
  interpretations: Record<(typeof interpretationForms)[number] | 'total', number>;
}

export interface ReportFigures {
  year: number;
  scope: ReportScope;
  tableTwo: TableTwo;
  tableThree: TableThree;
  tableFour: TableFour;
  proactive: ProactiveFigures;
  /** 信息处理费 collected in the year (国办函〔2020〕109号): reported under 六、其他需要报告的事项. */
  processingFees: { applications: number; amountYuan: number };
}

/** The consistency checks run before publishing; publishing is refused while any fails. */
export const reportChecks = ['balance', 'subtotals', 'totalColumn', 'tableFourTotals', 'inForce', 'carryOver'] as const;
export type ReportCheckCode = (typeof reportChecks)[number];
export const reportCheckLabels: Record<ReportCheckCode, string> = {
  balance: '表三：一＋二＝三（七）＋四（逐列）',
  subtotals: '表三：各小计等于其所含各项之和，（七）总计等于（一）至（六）之和',
  totalColumn: '表三：“总计”列等于六类申请人之和',
  tableFourTotals: '表四：各“总计”等于维持、纠正、其他、尚未审结之和',
  inForce: '表二：现行有效件数＝上年现行有效＋本年制发－本年废止（对照上年已发布报告）',
  carryOver: '表三：上年结转＝上年报告“结转下年度继续办理”（对照上年已发布报告）',
};
export interface ReportCheck {
  code: ReportCheckCode;
  name: string;
  ok: boolean;
  /** What is wrong (Chinese), or why the check could not run. */
  message: string;
}
