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
  'normative.create': '起草规范性文件',
  'normative.update': '修改规范性文件草案',
  'normative.status': '登记规范性文件效力变更',
  'normative.settings': '修改规范性文件设置',
  'normative.campaign.create': '新建专项清理',
  'normative.campaign.items': '选择清理文件',
  'normative.campaign.decide': '提出清理意见',
  'normative.campaign.complete': '完成专项清理',
  'normative.campaign.publish': '公布清理结果',
  'case.requestCorrection': '通知补正',
  'case.submitCorrection': '提交补正材料',
  'case.correctionLapsed': '逾期未补正',
  'case.accept': '受理',
  'case.reject': '不予受理',
  'case.withdraw': '撤回申请',
  'case.sendCopy': '发送申请书副本',
  'case.receiveAnswer': '收到答复',
  'case.noticeHearing': '通知听证',
  'case.recordHearing': '记录听证',
  'case.extend': '延长期限',
  'case.convertToOrdinary': '转为普通程序',
  'case.suspend': '中止',
  'case.resume': '恢复',
  'case.terminate': '终止',
  'case.mediate': '调解结案',
  'case.decide': '作出决定',
  'case.report': '报送纠正情况',
  'case.askMaker': '通知制定机关答复',
  'case.receiveMakerAnswer': '收到制定机关答复',
  'case.conclude': '作出处理结论',
  'case.transfer': '转送有权机关',
  'case.receiveReply': '收到处理意见回复',
  'reconsideration.applicant_read': '查看复议申请人信息明文',
  'case.fileDefence': '提交答辩状',
  'case.recordJudgment': '登记裁判结果',
  'case.withdrawnByPlaintiff': '原告撤诉',
  'case.amendRegistration': '更正立案信息',
  'litigation.hearing.create': '登记庭审出庭情况',
  'litigation.hearing.update': '修改庭审出庭情况',
  'litigation.art12Warning': '负责人出庭应诉预警',
  'litigation.settings': '修改负责人出庭应诉率统计口径',
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
  reconsideration: '行政复议案件',
  reconsideration_opinion: '行政复议意见书',
  reconsideration_review: '规范性文件附带审查',
  litigation: '行政应诉案件',
  litigation_hearing: '庭审出庭记录',
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
  reconsideration: '行政复议',
  litigation: '行政应诉',
};
