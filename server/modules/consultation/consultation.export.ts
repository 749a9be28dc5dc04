import type { Column } from '../../kernel/excel/excel.ts';
import type { StaffComment } from './consultation.schemas.ts';

/** 意见汇总: every comment of a round with its moderation and adoption; the contact only as masked. */
export const commentColumns: Column<StaffComment>[] = [
  { header: '提交时间', width: 18, value: (c) => c.submittedAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
  { header: '姓名', width: 14, value: (c) => c.authorName },
  { header: '联系方式', width: 20, value: (c) => c.contactMask },
  { header: '意见内容', width: 60, value: (c) => c.content },
  { header: '审核', width: 10, value: (c) => c.moderationLabel },
  { header: '不予公开理由', width: 24, value: (c) => c.rejectReason },
  { header: '采纳情况', width: 10, value: (c) => c.adoptionLabel },
  { header: '采纳情况说明', width: 40, value: (c) => c.adoptionNote },
];
