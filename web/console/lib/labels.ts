import { adminKindLabels as names, orgStatusLabels, orgTypeLabels, scopeLabels } from '../../../contracts/labels.ts';
import type { AdminKind } from '../api/types.ts';

export { orgTypeLabels, scopeLabels };
export const statusLabels = orgStatusLabels;

/** 三员分立: the three separated administrator kinds, with their tag colours. */
export const adminKindLabels: Record<AdminKind, { label: string; color: string }> = {
  system: { label: names.system, color: 'blue' },
  security: { label: names.security, color: 'volcano' },
  audit: { label: names.audit, color: 'purple' },
};

/** Module prefixes of permission codes, for grouping the role editor. */
export const moduleLabels: Record<string, string> = {
  org: '机构',
  user: '用户',
  role: '角色与权限',
  security: '安全策略',
  apitoken: '接口令牌',
  audit: '安全审计',
  calendar: '工作日历',
  files: '附件',
  statistics: '统计分析',
  reconsideration: '行政复议',
  litigation: '行政应诉',
  normative: '规范性文件',
  legality: '合法性审查',
  decisions: '重大行政决策',
  meetings: '政府会议',
  consultation: '公众参与',
  legislation: '立法建议',
  disclosure: '政府信息公开',
  proposals: '建议提案',
  messages: '网民诉求与网上调查',
  enforcement: '行政执法与执法监督',
};

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
