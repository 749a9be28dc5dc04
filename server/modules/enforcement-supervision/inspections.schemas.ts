import { z } from 'zod';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';
import { enforcementFields, inspectionResults } from '../../../contracts/enforcement.ts';

const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

/** What a user enters for one 行政检查; the import reads the same fields from a sheet row. */
export const InspectionBody = z.object({
  orgId: z.uuid().describe('实施检查的部门或乡镇（本人办理范围内）'),
  bodyId: z.uuid().nullable().optional().describe('执法主体'),
  matterId: z.uuid().nullable().optional().describe('检查事项（权责清单）'),
  field: z.enum(enforcementFields),
  campaignId: z.uuid().nullable().optional().describe('所属专项整治行动'),
  inspectedOn: day,
  targetName: text(100).min(1),
  targetType: optionalText(40),
  targetCreditCode: optionalText(18),
  place: optionalText(200),
  result: z.enum(inspectionResults),
  rectificationOrdered: z.boolean().default(false),
  hazardsFound: z.number().int().min(0).max(100_000).default(0),
  placeClosed: z.boolean().default(false),
  demolished: z.boolean().default(false),
  documentsIssued: z.number().int().min(0).max(100_000).default(0),
  transferredToJudiciary: z.boolean().default(false),
  officerNames: optionalText(100),
  notes: optionalText(2000),
  caseId: z.uuid().nullable().optional().describe('由此立案的行政处罚案件'),
});
export type InspectionBody = z.infer<typeof InspectionBody>;

export const UpdateInspectionBody = InspectionBody.extend({ version: z.number().int().min(1) });
export type UpdateInspectionBody = z.infer<typeof UpdateInspectionBody>;

const flag = z.stringbool().optional();
export const inspectionSorts = ['inspectedOn', 'targetName', 'orgName', 'hazardsFound', 'documentsIssued'] as const;

export const InspectionFilter = z.object({
  orgId: z.uuid().optional(),
  field: z.enum(enforcementFields).optional(),
  campaignId: z.uuid().optional(),
  from: day.optional().describe('检查日期起'),
  to: day.optional().describe('检查日期止'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  result: z.enum(inspectionResults).optional(),
  targetType: text(40).min(1).optional(),
  rectificationOrdered: flag,
  withHazards: flag.describe('true：发现隐患'),
  placeClosed: flag,
  demolished: flag,
  transferredToJudiciary: flag,
  withDocuments: flag.describe('true：出具了执法文书'),
  withCase: flag.describe('true：已立案查处'),
  importId: z.uuid().optional(),
  q: text(50).min(1).optional().describe('按检查对象名称、统一社会信用代码或地点查找'),
  sort: z.enum(inspectionSorts).default('inspectedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type InspectionFilter = z.infer<typeof InspectionFilter>;
export const InspectionListQuery = InspectionFilter.extend(Paging.shape);

export const InspectionItem = z.object({
  id: z.uuid(),
  version: z.number().int(),
  orgId: z.uuid(),
  orgName: z.string(),
  bodyId: z.uuid().nullable(),
  bodyName: z.string().nullable(),
  matterId: z.uuid().nullable(),
  matterName: z.string().nullable(),
  field: z.string(),
  fieldLabel: z.string(),
  campaignId: z.uuid().nullable(),
  campaignTitle: z.string().nullable(),
  inspectedOn: z.string(),
  targetName: z.string(),
  targetType: z.string().nullable(),
  targetCreditCode: z.string().nullable(),
  place: z.string().nullable(),
  result: z.string(),
  resultLabel: z.string(),
  rectificationOrdered: z.boolean(),
  hazardsFound: z.number().int(),
  placeClosed: z.boolean(),
  demolished: z.boolean(),
  documentsIssued: z.number().int(),
  transferredToJudiciary: z.boolean(),
  officerNames: z.string().nullable(),
  notes: z.string().nullable(),
  caseId: z.uuid().nullable(),
  importId: z.uuid().nullable(),
});
export type InspectionItem = z.infer<typeof InspectionItem>;

export const ImportQuery = z.object({
  importId: z.uuid().optional().describe('客户端生成的导入编号，用于查询进度；缺省时由服务器生成'),
});

export const ImportResult = z.object({ importId: z.uuid(), imported: z.number().int(), seconds: z.number() });
export const ImportProgress = z.object({
  importId: z.uuid(),
  stage: z.enum(['reading', 'checking', 'writing', 'done', 'failed']),
  rowsRead: z.number().int(),
  rowsWritten: z.number().int(),
  total: z.number().int().nullable(),
});
export const UndoResult = z.object({ importId: z.uuid(), deleted: z.number().int() });
export const ImportParams = z.object({ importId: z.uuid() });
export const XlsxBody = z.instanceof(Buffer).describe('Excel (.xlsx) 文件内容');

defineFieldLabels(
  {
    orgId: '检查部门',
    bodyId: '执法主体',
    matterId: '检查事项',
    field: '执法领域',
    campaignId: '专项整治行动',
    inspectedOn: '检查日期',
    targetName: '检查对象',
    targetType: '对象类型',
    targetCreditCode: '统一社会信用代码',
    place: '检查地点',
    result: '检查结果',
    rectificationOrdered: '责令整改',
    hazardsFound: '发现隐患数',
    placeClosed: '关停取缔',
    demolished: '拆除',
    documentsIssued: '出具执法文书数',
    transferredToJudiciary: '移送司法机关',
    officerNames: '执法人员',
    notes: '备注',
    caseId: '立案案件',
    from: '检查日期起',
    to: '检查日期止',
  },
  '/api/inspections',
);
