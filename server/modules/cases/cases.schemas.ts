import { z } from 'zod';
import { defineFieldLabels } from '../../kernel/http/schemas.ts';

export const TodoQuery = z.object({
  caseType: z.string().max(40).optional(),
  orgId: z.uuid().optional(),
  assignedToMe: z.stringbool().optional(),
  mark: z.enum(['overdue', 'dueSoon']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const ActionFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(['text', 'textarea', 'date', 'number', 'boolean', 'select', 'multiselect', 'org']),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  optionsFrom: z.string().optional(),
  showWhen: z.object({ field: z.string(), values: z.array(z.string()) }).optional(),
  help: z.string().optional(),
  max: z.number().optional(),
  min: z.number().optional(),
});

const Mark = z.enum(['overdue', 'dueSoon']).nullable();

/** What every case view shows of a case. */
const CaseSummary = z.object({
  id: z.uuid(),
  caseType: z.string(),
  caseTypeLabel: z.string(),
  caseNo: z.string().nullable(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  dueOn: z.string().nullable(),
  dueProvisional: z.boolean(),
  openedAt: z.date(),
  version: z.number().int(),
});

export const TodoItem = CaseSummary.extend({ mark: Mark });

export const CaseClock = z.object({
  name: z.string(),
  label: z.string(),
  unit: z.string(),
  n: z.number().int(),
  basis: z.string(),
  startedOn: z.string(),
  dueOn: z.string(),
  provisional: z.boolean(),
  status: z.string(),
  pausedOn: z.string().nullable(),
  extendedN: z.number().int().nullable(),
  extensionUnit: z.string().nullable(),
  extensionBasis: z.string().nullable(),
  stoppedOn: z.string().nullable(),
  mark: Mark,
});

export const CaseEvent = z.object({
  seq: z.number().int(),
  at: z.date(),
  actorName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  fromState: z.string().nullable(),
  fromStateLabel: z.string().nullable(),
  toState: z.string(),
  toStateLabel: z.string(),
  reason: z.string().nullable(),
  data: z.unknown(),
  fileIds: z.array(z.string()),
  files: z.array(z.object({ id: z.string(), name: z.string(), size: z.number(), mime: z.string() })),
  /** `data` labelled by the fields of the step's form, for display. */
  dataFields: z.array(z.object({ name: z.string(), label: z.string(), value: z.string() })),
});

export const CaseDetail = CaseSummary.extend({
  /** The case this one follows from (意见书 or 附带审查 from a 复议 case, a lawsuit after 复议). */
  parentId: z.uuid().nullable(),
  /** The parent as the actor may see it: null when there is none or it is outside the actor's reach. */
  parent: z.object({ id: z.uuid(), caseType: z.string(), caseTypeLabel: z.string(), caseNo: z.string().nullable(), title: z.string() }).nullable(),
  terminal: z.boolean(),
  closedAt: z.date().nullable(),
  clocks: z.array(CaseClock),
  events: z.array(CaseEvent),
  actions: z.array(
    z.object({
      action: z.string(),
      label: z.string(),
      enabled: z.boolean(),
      reason: z.string().optional(),
      reasonRequired: z.boolean(),
      minFiles: z.number().int(),
      fields: z.array(ActionFieldSchema),
    }),
  ),
});

export const CaseType = z.object({
  caseType: z.string(),
  label: z.string(),
  states: z.array(z.object({ state: z.string(), label: z.string(), terminal: z.boolean() })),
});

export const ActionParams = z.object({ id: z.uuid(), action: z.string().min(1).max(40) });

export const ActionBody = z.object({
  version: z.number().int().min(1),
  reason: z.string().max(2000).optional(),
  fileIds: z.array(z.uuid()).max(50).optional(),
  data: z.unknown().optional(),
});

defineFieldLabels({ reason: '理由', fileIds: '附件', assignedToMe: '仅看分配给我的', mark: '期限标记', caseType: '案件类型' });

export const Reminder = z.object({
  code: z.string(),
  label: z.string(),
  level: z.enum(['warning', 'overdue']),
  link: z.string().describe('工作台中列出这些记录的页面'),
  count: z.number().int(),
});
