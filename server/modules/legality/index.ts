import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';
import { legalityFigures } from './legality.figures.ts';
import { LEGALITY_REVIEW } from './legality.ts';
import { legalityRoutes } from './legality.routes.ts';

/** The county's legal office (法制审核人员 of the 司法局) reviews the whole county's drafts. */
export const legalityRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  legal_reviewer: { [LEGALITY_REVIEW]: 'region' },
};

/** 合法性审查: the shared review step's permission, the legal office's queue and its figures. */
export const legalityModule = defineModule({
  name: 'legality',
  permissions: [{ code: LEGALITY_REVIEW, name: '合法性审查（出具规范性文件、重大行政决策等的合法性审查意见）' }],
  routes: legalityRoutes,
  indicators: legalityFigures,
});
