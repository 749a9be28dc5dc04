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
