import type { Column } from '../../kernel/excel/excel.ts';
import { beijingTime } from '../../kernel/clock/clock.ts';
import type { UserView } from './users.schemas.ts';

export const userColumns: Column<UserView>[] = [
  { header: '用户名', width: 16, value: (u) => u.username },
  { header: '姓名', width: 12, value: (u) => u.displayName },
  { header: '所属机构', width: 30, value: (u) => u.orgName },
  { header: '职务', width: 14, value: (u) => u.title },
  { header: '手机号', width: 14, value: (u) => u.phoneMask },
  { header: '电子邮箱', width: 24, value: (u) => u.email },
  { header: '角色', width: 30, value: (u) => u.roles.map((r) => r.name).join('、') },
  { header: '状态', width: 8, value: (u) => (u.status === 'active' ? '启用' : '停用') },
  { header: '锁定', width: 8, value: (u) => (u.locked ? '已锁定' : '') },
  { header: '服务账号', width: 10, value: (u) => (u.isService ? '是' : '') },
  { header: '最近登录（北京时间）', width: 20, value: (u) => (u.lastLoginAt ? beijingTime(u.lastLoginAt) : '') },
];
