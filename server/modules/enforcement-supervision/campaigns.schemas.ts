import { z } from 'zod';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';
import { enforcementFields } from '../../../contracts/enforcement.ts';

const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

export const CampaignBody = z.object({
  title: text(200).min(1),
  field: z.enum(enforcementFields),
  leadOrgId: z.uuid().describe('牵头单位'),
  startsOn: day,
  endsOn: day,
  description: text(4000).default(''),
});
export type CampaignBody = z.infer<typeof CampaignBody>;
export const UpdateCampaignBody = CampaignBody.extend({ version: z.number().int().min(1) });
export type UpdateCampaignBody = z.infer<typeof UpdateCampaignBody>;

export const CampaignFilter = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('行动期间与该年度相交'),
  field: z.enum(enforcementFields).optional(),
  leadOrgId: z.uuid().optional(),
  q: text(50).min(1).optional(),
});
export type CampaignFilter = z.infer<typeof CampaignFilter>;
export const CampaignListQuery = CampaignFilter.extend(Paging.shape);

/** A campaign's results, counted from its inspections and its cases. */
export const CampaignFigures = z.object({
  inspections: z.number().int(),
  targets: z.number().int().describe('检查对象户数（按统一社会信用代码，无代码的按名称去重）'),
  targetsByType: z.array(z.object({ targetType: z.string(), targets: z.number().int(), inspections: z.number().int() })),
  rectificationOrders: z.number().int(),
  hazardsFound: z.number().int(),
  placesClosed: z.number().int(),
  demolished: z.number().int(),
  transfersToJudiciary: z.number().int(),
  documentsIssued: z.number().int(),
  casesFiled: z.number().int().describe('归入本行动的行政处罚案件（立案数）'),
});
export type CampaignFigures = z.infer<typeof CampaignFigures>;

export const CampaignItem = z.object({
  id: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  leadOrgId: z.uuid(),
  leadOrgName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  description: z.string(),
  figures: CampaignFigures,
  figuresScope: z.string().describe('检查类数字的统计范围：全县，或本人可查看的本单位记录'),
});
export type CampaignItem = z.infer<typeof CampaignItem>;

export const CampaignCase = z.object({
  id: z.uuid(),
  title: z.string(),
  partyName: z.string(),
  orgName: z.string(),
  filedOn: z.string(),
  state: z.string(),
  transferredToJudiciary: z.boolean(),
});

defineFieldLabels({ title: '行动名称', field: '执法领域', leadOrgId: '牵头单位', startsOn: '开始日期', endsOn: '结束日期', description: '行动内容' }, '/api/campaigns');
