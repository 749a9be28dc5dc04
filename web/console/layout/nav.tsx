import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
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
