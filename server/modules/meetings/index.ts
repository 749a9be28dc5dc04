import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';
import { meetingFigures } from './meetings.indicators.ts';
import { MANAGE, READ } from './meetings.permissions.ts';
import { meetingsRoutes } from './meetings.routes.ts';

/** The 司法局 and the leaders follow every meeting of the county; departments and townships keep their own. */
export const meetingsRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  coordinator: { [READ]: 'region', [MANAGE]: 'region' },
  legal_reviewer: { [READ]: 'region' },
  leader: { [READ]: 'region' },
  dept_staff: { [READ]: 'own_org', [MANAGE]: 'own_org' },
  township_staff: { [READ]: 'own_org', [MANAGE]: 'own_org' },
};

/** 政府会议（集体讨论）. */
export const meetingsModule = defineModule({
  name: 'meetings',
  permissions: [
    { code: READ, name: '查看政府会议及议题' },
    { code: MANAGE, name: '登记政府会议及议题' },
  ],
  routes: meetingsRoutes,
  indicators: meetingFigures,
});
