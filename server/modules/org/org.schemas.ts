import { z } from 'zod';
import { orgStatusLabels, orgTypeLabels } from '../../../contracts/labels.ts';
import { defineFieldLabels } from '../../kernel/http/schemas.ts';
import { orgStatuses, orgTypes } from '../../kernel/org/org.tables.ts';
import { checkCreditCode } from '../../kernel/validation/credit-code.ts';
import { checkRegionCode } from '../../kernel/validation/region-code.ts';

export { orgStatusLabels, orgTypeLabels };

export const Region = z.object({ code: z.string(), name: z.string(), level: z.number().int(), parentCode: z.string().nullable() });

export const Org = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  parentId: z.uuid().nullable(),
  path: z.string(),
  depth: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.enum(orgTypes),
  creditCode: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  status: z.enum(orgStatuses),
  sortOrder: z.number().int(),
  version: z.number().int(),
  /** Direct children, any status. */
  childCount: z.number().int(),
  /** Active user accounts of this organisation (not of its subtree). */
  userCount: z.number().int(),
  updatedAt: z.date(),
});
export type Org = z.infer<typeof Org>;

export const ListOrgsQuery = z.object({
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  status: z.enum(orgStatuses).optional(),
  type: z.enum(orgTypes).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListOrgsQuery = z.infer<typeof ListOrgsQuery>;

export const ExportOrgsQuery = z.object({ regionCode: z.string().regex(/^\d{6}$/).optional() });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

/** 统一社会信用代码, checked by its check characters (GB 32100-2015); blank means none. */
export const CreditCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .nullish()
  .transform((v) => v || null);

export const RegionCodeField = z.string().trim().superRefine((value, ctx) => {
  const result = checkRegionCode(value);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
});

const orgFields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[0-9A-Za-z_.-]+$/, '只能包含字母、数字、下划线、点和短横线'),
  name: z.string().trim().min(1).max(100),
  shortName: optionalText(50),
  type: z.enum(orgTypes),
  creditCode: CreditCodeField,
  contactPerson: optionalText(50),
  contactPhone: optionalText(30),
  address: optionalText(200),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000).default(0),
};

export const CreateOrgBody = z.object({ parentId: z.uuid().nullish(), regionCode: RegionCodeField, ...orgFields });
export type CreateOrgBody = z.infer<typeof CreateOrgBody>;

/** The parent changes only through /move; the region never changes (it is sent back unchanged by forms). */
export const UpdateOrgBody = z.object({ regionCode: z.string().optional(), ...orgFields, version: z.number().int().min(1) });
export type UpdateOrgBody = z.infer<typeof UpdateOrgBody>;

export const MoveOrgBody = z.object({ parentId: z.uuid().nullable(), version: z.number().int().min(1) });

export const ImportQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });

export const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dryRun: z.boolean(),
});

/** Raw .xlsx bytes, parsed by the XLSX content type parser. */
export const XlsxBody = z.instanceof(Buffer).describe('Excel (.xlsx) 文件内容');

/** Returns the Chinese reason when a credit code is set and does not verify. */
export function creditCodeProblem(creditCode: string | null): string | null {
  if (!creditCode) return null;
  const result = checkCreditCode(creditCode);
  return result.ok ? null : result.reason;
}

// Labels are global by field name: generic names (code, name, type, status) get generic labels.
defineFieldLabels({
  parentId: '上级机构',
  regionCode: '行政区划代码',
  code: '编码',
  name: '名称',
  shortName: '简称',
  type: '类型',
  creditCode: '统一社会信用代码',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  address: '地址',
  sortOrder: '排序',
  status: '状态',
  q: '关键词',
  dryRun: '试运行',
});
