import { defineModule } from '../../kernel/module.ts';
import { auditRoutes } from './audit.routes.ts';

/** The audit log's reading side: only auditors (审计管理员) read it, and their reading is audited too. */
export const auditModule = defineModule({
  name: 'audit',
  permissions: [{ code: 'audit.read', name: '查看审计日志', adminKind: 'audit', scoped: true }],
  routes: auditRoutes,
});
