import { defineModule } from '../../kernel/module.ts';
import { orgRoutes } from './org.routes.ts';

/** The organisation tree of each region: the places every user, case and figure belongs to. */
export const orgModule = defineModule({
  name: 'org',
  permissions: [
    { code: 'org.read', name: '查看机构', scoped: true },
    { code: 'org.write', name: '管理机构（新建、修改、移动、停用、导入）', adminKind: 'system', scoped: true },
  ],
  routes: orgRoutes,
});
