import type { Column } from '../../kernel/excel/excel.ts';
import type { LitigationCaseItem } from './litigation.schemas.ts';

const yes = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');

export const litigationColumns: Column<LitigationCaseItem>[] = [
  { header: '法院案号', width: 24, value: (c) => c.courtCaseNo },
  { header: '案件名称', width: 40, value: (c) => c.title },
  { header: '审级', width: 6, value: (c) => c.instanceLabel },
  { header: '审理法院', width: 24, value: (c) => c.court },
  { header: '原告', width: 20, value: (c) => c.plaintiffName },
  { header: '原告类型', width: 10, value: (c) => c.plaintiffTypeLabel },
  { header: '被告机构', width: 24, value: (c) => c.defendantOrgName },
  { header: '被诉行为类别', width: 14, value: (c) => c.actCategoryLabel },
  { header: '复议后起诉', width: 10, value: (c) => yes(c.afterReconsideration) },
  { header: '立案日期', width: 12, value: (c) => c.filedOn },
  { header: '收到起诉状副本日期', width: 12, value: (c) => c.complaintReceivedOn },
  { header: '答辩期限', width: 12, value: (c) => c.defenceDueOn },
  { header: '答辩日期', width: 12, value: (c) => c.defenceFiledOn },
  { header: '逾期答辩', width: 8, value: (c) => (c.defenceLate ? '是' : '') },
  { header: '状态', width: 14, value: (c) => c.stateLabel },
  { header: '裁判结果', width: 24, value: (c) => c.outcomeLabel },
  { header: '败诉', width: 6, value: (c) => yes(c.lost) },
  { header: '裁判日期', width: 12, value: (c) => c.judgedOn },
  { header: '裁判文书号', width: 24, value: (c) => c.judgmentNo },
  { header: '通知负责人出庭', width: 8, value: (c) => yes(c.headSummoned) },
  { header: '庭审次数', width: 8, value: (c) => c.hearingCount },
  { header: '负责人出庭', width: 8, value: (c) => yes(c.principalAppeared) },
  { header: '预警', width: 6, value: (c) => (c.warning ? '有' : '') },
];
