/**
 * Enumerations and their Chinese labels, shared by the server (API, Excel files, messages) and the
 * web console, so that a type is called the same everywhere.
 */
export const orgTypes = ['government', 'department', 'township', 'street', 'village', 'community', 'committee', 'other'] as const;
export type OrgType = (typeof orgTypes)[number];

export const orgTypeLabels: Record<OrgType, string> = {
  government: '人民政府',
  department: '政府部门',
  township: '乡镇',
  street: '街道',
  village: '村',
  community: '社区',
  committee: '议事协调机构',
  other: '其他',
};

export const orgStatuses = ['active', 'inactive'] as const;
export type OrgStatus = (typeof orgStatuses)[number];
export const orgStatusLabels: Record<OrgStatus, string> = { active: '启用', inactive: '停用' };

export const dataScopes = ['own_org', 'org_subtree', 'region', 'all'] as const;
export type DataScope = (typeof dataScopes)[number];
export const scopeLabels: Record<DataScope, string> = {
  own_org: '本机构',
  org_subtree: '本机构及下级',
  region: '本行政区',
  all: '全部',
};

/** 三员分立: the three separated administrator kinds. */
export const adminKinds = ['system', 'security', 'audit'] as const;
export type AdminKind = (typeof adminKinds)[number];
export const adminKindLabels: Record<AdminKind, string> = { system: '系统管理员', security: '安全管理员', audit: '审计管理员' };

/** What each audited action is called in the audit viewer and its Excel export. */
export const auditActionLabels: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.lockout': '账号锁定',
  'auth.logout': '退出登录',
  'auth.logout_all': '退出全部设备',
  'auth.password_change': '修改密码',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.activate': '启用用户',
  'user.deactivate': '停用用户',
  'user.roles': '分配角色',
  'user.reset_password': '重置密码',
  'user.unlock': '解锁账号',
  'user.personal_read': '查看个人信息明文',
  'role.create': '新建角色',
  'role.update': '修改角色',
  'role.delete': '删除角色',
  'apitoken.create': '签发接口令牌',
  'apitoken.revoke': '吊销接口令牌',
  'settings.security': '修改安全策略',
  'org.create': '新建机构',
  'org.update': '修改机构',
  'org.move': '移动机构',
  'org.activate': '启用机构',
  'org.deactivate': '停用机构',
  'audit.read': '查阅审计日志',
  'demo.seed': '载入演示数据',
  'file.upload': '上传附件',
  'calendar.year': '录入年度日历',
  'case.open': '立案/收件',
};

export const entityTypeLabels: Record<string, string> = {
  user: '用户',
  role: '角色',
  organisation: '机构',
  api_token: '接口令牌',
  settings: '系统设置',
  audit_log: '审计日志',
  file: '附件',
  calendar_year: '工作日历',
};

/** Groups of audited actions, by the prefix of their code ("org" filters every "org.*" action). */
export const auditActionGroups: Record<string, string> = {
  auth: '登录与会话',
  user: '用户',
  role: '角色',
  apitoken: '接口令牌',
  settings: '系统设置',
  org: '机构',
  audit: '审计',
  demo: '演示数据',
  file: '附件',
  calendar: '工作日历',
  case: '案件办理',
};
