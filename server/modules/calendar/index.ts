import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import { defineModule } from '../../kernel/module.ts';
import { calendarRoutes } from './calendar.routes.ts';

/** The 系统管理员 keeps the calendar: next year's State Council notice, the county's own holidays. */
export const calendarRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  sysadmin: { 'calendar.manage': 'all' },
};

/**
 * The official working-day calendar over HTTP (any signed-in user or API token may ask; other county
 * systems use it too) and its administration.
 */
export const calendarModule = defineModule({
  name: 'calendar',
  permissions: [{ code: 'calendar.manage', name: '维护工作日历（录入年度节假日安排和本地节假日）', adminKind: 'system', scoped: false }],
  routes: calendarRoutes,
});
