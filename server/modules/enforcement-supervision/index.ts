import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import { mergeRoleGrants, type BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import type { PermissionDef } from '../../kernel/auth/permissions.ts';
import type { FigureDef } from '../../kernel/indicators/define-indicator.ts';
import { defineModule } from '../../kernel/module.ts';
import { campaignRoutes } from './campaigns.routes.ts';
import { inspectionFigures } from './inspections.indicators.ts';
import { CAMPAIGN_MANAGE, CAMPAIGN_READ, INSPECTION_READ, INSPECTION_WRITE } from './inspections.permissions.ts';
import { inspectionRoutes } from './inspections.routes.ts';
import { evaluationFigures } from './evaluations.indicators.ts';
import { EVALUATION_MANAGE, EVALUATION_RECTIFY, EVALUATION_SCORE } from './evaluations.permissions.ts';
import { evaluationReminders } from './evaluations.reminders.ts';
import { evaluationRoutes } from './evaluations.routes.ts';

/**
 * 执法监督: 行政检查 records and 专项整治 campaigns (inspections.*, campaigns.*), 案卷评查 (evaluations.*).
 * Each part adds its grants, permissions, routes and figures below.
 */

/** Departments and townships record their own inspections; the 司法局 and leaders read the county's. */
export const inspectionRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  coordinator: { [INSPECTION_READ]: 'region', [CAMPAIGN_READ]: 'region', [CAMPAIGN_MANAGE]: 'region' },
  leader: { [INSPECTION_READ]: 'region', [CAMPAIGN_READ]: 'region' },
  dept_staff: { [INSPECTION_READ]: 'own_org', [INSPECTION_WRITE]: 'own_org', [CAMPAIGN_READ]: 'region', [CAMPAIGN_MANAGE]: 'own_org' },
  township_staff: { [INSPECTION_READ]: 'own_org', [INSPECTION_WRITE]: 'own_org', [CAMPAIGN_READ]: 'region' },
};

const inspectionPermissions: PermissionDef[] = [
  { code: INSPECTION_READ, name: '查看行政检查记录' },
  { code: INSPECTION_WRITE, name: '登记、修改、导入行政检查记录' },
  { code: CAMPAIGN_READ, name: '查看专项整治行动及其成效' },
  { code: CAMPAIGN_MANAGE, name: '管理专项整治行动（新建、修改）' },
];

/** 案卷评查: the 司法局 organises and scores, legal reviewers score, departments rectify their own files. */
export const evaluationRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  coordinator: { [EVALUATION_MANAGE]: 'region', [EVALUATION_SCORE]: 'region' },
  legal_reviewer: { [EVALUATION_SCORE]: 'region' },
  dept_staff: { [EVALUATION_RECTIFY]: 'own_org' },
  township_staff: { [EVALUATION_RECTIFY]: 'own_org' },
};

const evaluationPermissions: PermissionDef[] = [
  { code: EVALUATION_MANAGE, name: '组织案卷评查（评查表、评查活动、抽取案卷）' },
  { code: EVALUATION_SCORE, name: '评查案卷（评分、复评、退回整改）' },
  { code: EVALUATION_RECTIFY, name: '查看本单位评查案卷并登记整改' },
];

/** Every part's grants to the built-in roles, merged per role (startup registers this one object). */
export const enforcementSupervisionRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = mergeRoleGrants(inspectionRoleGrants, evaluationRoleGrants);

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(inspectionRoutes);
  await app.register(campaignRoutes);
  await app.register(evaluationRoutes);
};

const permissions: PermissionDef[] = [...inspectionPermissions, ...evaluationPermissions];
const indicators: FigureDef[] = [...inspectionFigures, ...evaluationFigures];

/** 执法监督: 行政检查, 专项整治, 案卷评查. */
export const enforcementSupervisionModule = defineModule({ name: 'enforcement-supervision', permissions, routes, indicators, reminders: evaluationReminders });
