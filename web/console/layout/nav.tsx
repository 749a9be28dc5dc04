import {
  ApartmentOutlined,
  IdcardOutlined,
  ClearOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  SafetyCertificateOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CommentOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FileProtectOutlined,
  KeyOutlined,
  PercentageOutlined,
  ProfileOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface NavLeaf {
  path: string;
  label: string;
  icon: ReactNode;
  /** The permission the page needs; the menu shows only what the user may use. */
  permission?: string;
  testId: string;
}

export interface NavGroup {
  key: string;
  label: string;
  icon: ReactNode;
  children: NavLeaf[];
}

export const nav: (NavLeaf | NavGroup)[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined />, testId: 'menu-home' },
  { path: '/todo', label: '我的待办', icon: <ScheduleOutlined />, testId: 'menu-todo' },
  { path: '/reconsideration', label: '行政复议', icon: <FileProtectOutlined />, permission: 'reconsideration.read', testId: 'menu-reconsideration' },
  {
    key: 'litigation',
    label: '行政应诉',
    icon: <BankOutlined />,
    children: [
      { path: '/litigation', label: '行政应诉案件', icon: <ProfileOutlined />, permission: 'litigation.read', testId: 'menu-litigation' },
      { path: '/litigation/settings', label: '出庭应诉率口径', icon: <PercentageOutlined />, permission: 'litigation.settings', testId: 'menu-litigation-settings' },
    ],
  },
  {
    key: 'legislation',
    label: '立法建议',
    icon: <BookOutlined />,
    children: [
      { path: '/legislation', label: '上级征求意见', icon: <ProfileOutlined />, permission: 'legislation.read', testId: 'menu-legislation' },
      { path: '/legislation/requests', label: '征求意见反馈', icon: <SolutionOutlined />, permission: 'legislation.read', testId: 'menu-legislation-requests' },
    ],
  },
  {
    key: 'proposals',
    label: '建议提案',
    icon: <SolutionOutlined />,
    children: [
      { path: '/proposals', label: '建议提案办理', icon: <ProfileOutlined />, permission: 'proposals.read', testId: 'menu-proposals' },
      { path: '/proposals/summary', label: '年度办理情况', icon: <PercentageOutlined />, permission: 'proposals.read', testId: 'menu-proposal-summary' },
      { path: '/proposals/settings', label: '办理期限设置', icon: <SettingOutlined />, permission: 'proposals.handle', testId: 'menu-proposal-settings' },
    ],
  },
  { path: '/disclosure', label: '依申请公开', icon: <FileTextOutlined />, permission: 'disclosure.read', testId: 'menu-disclosure' },
  { path: '/disclosure/settings', label: '依申请公开设置', icon: <SettingOutlined />, permission: 'disclosure.settings', testId: 'menu-disclosure-settings' },
  { path: '/proactive-disclosures', label: '主动公开', icon: <ProfileOutlined />, permission: 'disclosure.proactive.read', testId: 'menu-proactive' },
  { path: '/disclosure-reports', label: '政府信息公开年报', icon: <FileTextOutlined />, permission: 'disclosure.report.read', testId: 'menu-disclosure-reports' },
  { path: '/consultation', label: '公众参与', icon: <CommentOutlined />, permission: 'consultation.moderate', testId: 'menu-consultation' },
  { path: '/search', label: '全文检索', icon: <FileSearchOutlined />, testId: 'menu-search' },
  {
    key: 'decisions',
    label: '重大行政决策',
    icon: <AuditOutlined />,
    children: [
      { path: '/decisions/catalogues', label: '决策事项目录', icon: <ProfileOutlined />, permission: 'decisions.read', testId: 'menu-decision-catalogues' },
      { path: '/decisions', label: '重大行政决策', icon: <FileProtectOutlined />, permission: 'decisions.read', testId: 'menu-decisions' },
      { path: '/meetings', label: '政府会议登记', icon: <TeamOutlined />, permission: 'meetings.read', testId: 'menu-meetings' },
      { path: '/decisions/settings', label: '决策程序设置', icon: <SettingOutlined />, permission: 'decisions.settings', testId: 'menu-decision-settings' },
    ],
  },
  {
    key: 'normative',
    label: '规范性文件',
    icon: <FileTextOutlined />,
    children: [
      { path: '/normative', label: '规范性文件', icon: <ProfileOutlined />, permission: 'normative.read', testId: 'menu-normative' },
      { path: '/legality', label: '合法性审查', icon: <SafetyCertificateOutlined />, permission: 'legality.review', testId: 'menu-legality' },
      { path: '/normative/expiring', label: '到期提醒', icon: <FieldTimeOutlined />, permission: 'normative.read', testId: 'menu-normative-expiring' },
      { path: '/normative/campaigns', label: '文件清理', icon: <ClearOutlined />, permission: 'normative.read', testId: 'menu-normative-campaigns' },
      { path: '/normative/settings', label: '规范性文件设置', icon: <SettingOutlined />, permission: 'normative.manage', testId: 'menu-normative-settings' },
    ],
  },
  {
    key: 'enforcement-registry',
    label: '执法主体与人员',
    icon: <IdcardOutlined />,
    children: [
      { path: '/enforcement/bodies', label: '执法主体', icon: <BankOutlined />, permission: 'enforcement.read', testId: 'menu-enforcement-bodies' },
      { path: '/enforcement/officers', label: '执法人员', icon: <IdcardOutlined />, permission: 'enforcement.read', testId: 'menu-enforcement-officers' },
      { path: '/enforcement/matters', label: '执法事项', icon: <ProfileOutlined />, permission: 'enforcement.read', testId: 'menu-enforcement-matters' },
      { path: '/enforcement/benchmarks', label: '裁量基准', icon: <PercentageOutlined />, permission: 'enforcement.read', testId: 'menu-enforcement-benchmarks' },
      { path: '/enforcement/leniency', label: '不罚轻罚清单', icon: <SolutionOutlined />, permission: 'enforcement.read', testId: 'menu-enforcement-leniency' },
      { path: '/enforcement/delegations', label: '乡镇赋权', icon: <ApartmentOutlined />, permission: 'enforcement.read', testId: 'menu-enforcement-delegations' },
    ],
  },
  {
    key: 'enforcement-cases',
    label: '行政处罚',
    icon: <AuditOutlined />,
    children: [
      { path: '/enforcement-cases', label: '行政处罚案件', icon: <ProfileOutlined />, permission: 'enforcement.case.read', testId: 'menu-enforcement-cases' },
      { path: '/enforcement-cases/publications', label: '执法决定公示', icon: <FileTextOutlined />, permission: 'enforcement.case.read', testId: 'menu-enforcement-publications' },
      { path: '/enforcement-cases/coercive', label: '行政强制措施', icon: <SafetyCertificateOutlined />, permission: 'enforcement.case.read', testId: 'menu-enforcement-coercive' },
    ],
  },
  {
    key: 'enforcement-supervision',
    label: '执法监督',
    icon: <SafetyCertificateOutlined />,
    children: [
      { path: '/inspections', label: '行政检查', icon: <ProfileOutlined />, permission: 'enforcement.inspection.read', testId: 'menu-inspections' },
      { path: '/campaigns', label: '专项整治', icon: <FlagOutlined />, permission: 'enforcement.campaign.read', testId: 'menu-campaigns' },
      { path: '/evaluations', label: '案卷评查', icon: <FileSearchOutlined />, permission: 'enforcement.evaluation.score', testId: 'menu-evaluations' },
      { path: '/evaluations/sheets', label: '评查表', icon: <SettingOutlined />, permission: 'enforcement.evaluation.manage', testId: 'menu-evaluation-sheets' },
      { path: '/evaluations/rectification', label: '评查整改', icon: <FileSearchOutlined />, permission: 'enforcement.evaluation.rectify', testId: 'menu-evaluation-rectify' },
    ],
  },
  {
    key: 'messages',
    label: '政民互动',
    icon: <CommentOutlined />,
    children: [
      { path: '/messages', label: '网民诉求', icon: <ProfileOutlined />, permission: 'messages.read', testId: 'menu-messages' },
      { path: '/surveys', label: '网上调查', icon: <BarChartOutlined />, permission: 'messages.surveys', testId: 'menu-surveys' },
      { path: '/messages/settings', label: '诉求答复期限设置', icon: <SettingOutlined />, permission: 'messages.read', testId: 'menu-message-settings' },
    ],
  },
  { path: '/statistics', label: '统计分析', icon: <BarChartOutlined />, permission: 'statistics.read', testId: 'menu-statistics' },
  {
    key: 'system',
    label: '系统管理',
    icon: <SettingOutlined />,
    children: [
      { path: '/system/orgs', label: '机构管理', icon: <ApartmentOutlined />, permission: 'org.read', testId: 'menu-orgs' },
      { path: '/system/users', label: '用户管理', icon: <UserOutlined />, permission: 'user.read', testId: 'menu-users' },
      { path: '/system/roles', label: '角色管理', icon: <TeamOutlined />, permission: 'role.manage', testId: 'menu-roles' },
      { path: '/system/api-tokens', label: '接口令牌', icon: <KeyOutlined />, permission: 'apitoken.manage', testId: 'menu-api-tokens' },
      { path: '/system/security', label: '安全策略', icon: <SafetyOutlined />, permission: 'security.settings', testId: 'menu-security' },
      { path: '/system/calendar', label: '工作日历', icon: <CalendarOutlined />, testId: 'menu-calendar' },
    ],
  },
  {
    key: 'audit',
    label: '安全审计',
    icon: <AuditOutlined />,
    children: [{ path: '/audit/logs', label: '审计日志', icon: <SolutionOutlined />, permission: 'audit.read', testId: 'menu-audit' }],
  },
];

export const isGroup = (item: NavLeaf | NavGroup): item is NavGroup => 'children' in item;

/** The menu entry of a path and its group, for the breadcrumb and the permission guard. */
export function findNav(path: string): { group?: NavGroup; leaf: NavLeaf } | undefined {
  for (const item of nav) {
    if (!isGroup(item)) {
      if (item.path === path) return { leaf: item };
      continue;
    }
    const leaf = item.children.find((child) => child.path === path);
    if (leaf) return { group: item, leaf };
  }
  return undefined;
}

/** Pages the user may open, in menu order (the home page's quick links). */
export function allowedLeaves(can: (permission: string) => boolean): NavLeaf[] {
  return nav.flatMap((item) => (isGroup(item) ? item.children : [item])).filter((leaf) => !leaf.permission || can(leaf.permission));
}
