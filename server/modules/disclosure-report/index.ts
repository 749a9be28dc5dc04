import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RoleGrants } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';
import { disclosureReportFigures } from './disclosure-report.indicators.ts';
import { PROACTIVE_READ, PROACTIVE_WRITE, REPORT_PUBLISH, REPORT_READ, REPORT_WRITE } from './disclosure-report.permissions.ts';
import { portalRoutes } from './portal.routes.ts';
import { proactiveRoutes } from './proactive.routes.ts';
import { reportRoutes } from './report.routes.ts';
// Registers the report's deadline workflow.
import './report.workflow.ts';

/**
 * Departments, townships and streets record their own 主动公开 and write and publish their own report
 * (条例 第四十九条 makes each agency answerable for it); the 政务公开办 (ogi_officer) and the 司法局's
 * coordinators open the year's reports, write and publish the government's, and read everything.
 */
export const disclosureReportRoleGrants: RoleGrants = {
  dept_staff: { [PROACTIVE_READ]: 'own_org', [PROACTIVE_WRITE]: 'own_org', [REPORT_READ]: 'own_org', [REPORT_WRITE]: 'own_org', [REPORT_PUBLISH]: 'own_org' },
  township_staff: { [PROACTIVE_READ]: 'own_org', [PROACTIVE_WRITE]: 'own_org', [REPORT_READ]: 'own_org', [REPORT_WRITE]: 'own_org', [REPORT_PUBLISH]: 'own_org' },
  dept_head: { [PROACTIVE_READ]: 'own_org', [REPORT_READ]: 'own_org', [REPORT_PUBLISH]: 'own_org' },
  coordinator: { [PROACTIVE_READ]: 'region', [PROACTIVE_WRITE]: 'region', [REPORT_READ]: 'region', [REPORT_WRITE]: 'region', [REPORT_PUBLISH]: 'region' },
  ogi_officer: { [PROACTIVE_READ]: 'region', [PROACTIVE_WRITE]: 'region', [REPORT_READ]: 'region', [REPORT_WRITE]: 'region', [REPORT_PUBLISH]: 'region' },
  leader: { [PROACTIVE_READ]: 'region', [REPORT_READ]: 'region' },
};

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(proactiveRoutes);
  await app.register(reportRoutes);
  await app.register(portalRoutes);
};

/** 政府信息公开: 主动公开 records and the 年度报告 (tables 二–四, checks, publication on the portal). */
export const disclosureReportModule = defineModule({
  name: 'disclosure-report',
  permissions: [
    { code: PROACTIVE_READ, name: '查看主动公开信息及其统计' },
    { code: PROACTIVE_WRITE, name: '登记、修改、导入主动公开信息' },
    { code: REPORT_READ, name: '查看政府信息公开工作年度报告' },
    { code: REPORT_WRITE, name: '起草年度报告（正文、填报数据）' },
    { code: REPORT_PUBLISH, name: '发布年度报告' },
  ],
  routes,
  indicators: disclosureReportFigures,
});
