import type { Dimension } from '../../kernel/indicators/define-indicator.ts';
import { defineCountIndicator } from '../../kernel/indicators/indicators.repository.ts';
import { inForceRows, issuedRows, overdueFilingRows, repealedRows } from './normative.figures.ts';

/** The 规范性文件 figures; the first three are table 二 of the 政府信息公开 annual report. */

const issuer: Dimension = { key: 'issuer', label: '制定机关' };
const REPORT = '《政府信息公开条例》第五十条；政府信息公开工作年度报告表二（主动公开政府信息情况）';

export const normativeIssued = defineCountIndicator({
  code: 'normative.issued',
  name: '规范性文件制发件数',
  unit: '件',
  basis: `${REPORT}；国办发〔2018〕37号`,
  description: '统计期间内公布的规范性文件件数（以公布日期计），按制定机关分列。',
  dimensions: [issuer],
  recordDate: '公布日期',
  source: issuedRows,
});

export const normativeRepealed = defineCountIndicator({
  code: 'normative.repealed',
  name: '规范性文件废止件数',
  unit: '件',
  basis: REPORT,
  description: '统计期间内废止的规范性文件件数（以废止之日计：新文件施行、专项清理完成或登记的废止决定），按制定机关分列；宣布失效和有效期届满的不计入。',
  dimensions: [issuer],
  recordDate: '废止日期',
  source: repealedRows,
});

export const normativeInForce = defineCountIndicator({
  code: 'normative.inForce',
  name: '现行有效规范性文件件数',
  unit: '件',
  basis: REPORT,
  description: '统计截止日（期间末日；期间尚未结束的为今日）已公布、未被废止或宣布失效且有效期未届满的文件件数（含已修改的文件），按制定机关分列。',
  dimensions: [issuer],
  recordDate: '公布日期',
  source: inForceRows,
});

export const normativeOverdueFilings = defineCountIndicator({
  code: 'normative.overdueFilings',
  name: '规范性文件逾期备案件数',
  unit: '件',
  basis: '国办发〔2018〕37号（备案审查）；备案期限按本县设置（默认公布之日起15日）',
  description: '备案期限在统计期间内届满、且晚于期限报送备案或截至统计截止日仍未报送备案（报市政府或县人大常委会任一未报即计）的文件件数。',
  dimensions: [issuer],
  recordDate: '备案期限',
  source: overdueFilingRows,
});

export const normativeFigures = [normativeIssued, normativeRepealed, normativeInForce, normativeOverdueFilings];
