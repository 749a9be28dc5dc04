import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';

/** The sued agency handles its own lawsuits; the 司法局 coordinates and follows every one in the county. */
export const litigationRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  coordinator: { 'litigation.read': 'region', 'litigation.handle': 'region', 'litigation.settings': 'region' },
  leader: { 'litigation.read': 'region' },
  reconsideration_officer: { 'litigation.read': 'region', 'litigation.handle': 'region' },
  dept_staff: { 'litigation.read': 'own_org', 'litigation.handle': 'own_org' },
  township_staff: { 'litigation.read': 'own_org', 'litigation.handle': 'own_org' },
};

/** 行政应诉: lawsuits against the county's agencies, their hearings and who appeared, judgments. */
export const litigationModule = defineModule({
  name: 'litigation',
  permissions: [
    { code: 'litigation.read', name: '查看行政应诉案件' },
    { code: 'litigation.handle', name: '办理行政应诉案件（登记、答辩、庭审出庭、裁判结果）' },
    { code: 'litigation.settings', name: '设置负责人出庭应诉率统计口径' },
  ],
});
