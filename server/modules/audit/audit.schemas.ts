import { z } from 'zod';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';

/** A day (YYYY-MM-DD, Beijing time: the whole day) or an instant with its offset. */
const DayOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const AuditFilter = z.object({
  from: DayOrInstant.optional(),
  to: DayOrInstant.optional(),
  /** Part of the username of whoever acted. */
  actor: z.string().trim().max(64).optional(),
  /** An action code ("org.create"), or a prefix of whole segments ("org"). */
  action: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  /** A chain is a region code ('000000' holds deployment-wide actions). */
  chain: z.string().regex(/^\d{6}$/).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditQuery = AuditFilter.extend(Paging.shape);

export const AuditRow = z.object({
  chain: z.string(),
  seq: z.number().int(),
  at: z.date(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  detail: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditRow = z.infer<typeof AuditRow>;

const ChainBreak = z.object({
  chain: z.string(),
  seq: z.number().int(),
  reason: z.enum(['内容被篡改', '记录缺失', '链接断裂']),
  detail: z.string(),
});

export const VerifyResultView = z.object({
  ok: z.boolean(),
  chains: z.array(z.object({ chain: z.string(), rows: z.number().int(), headSeq: z.number().int(), broken: ChainBreak.optional() })),
  firstBroken: ChainBreak.optional(),
});

defineFieldLabels({
  from: '开始时间',
  to: '结束时间',
  actor: '操作人',
  action: '操作',
  entityType: '对象类型',
  entityId: '对象编号',
  chain: '审计链',
});
