/** 公众参与's vocabularies with their Chinese labels (server, console and portal). */

/** The same values as kernel/consultation's moderationStates and adoptionStates. */
export type ModerationState = 'pending' | 'approved' | 'rejected';
export type AdoptionState = 'adopted' | 'partly' | 'notAdopted';

export const moderationLabels: Record<ModerationState, string> = { pending: '待审核', approved: '已公开', rejected: '未通过' };

/** 采纳情况, as the adoption statement (采纳情况说明) reports it. */
export const adoptionLabels: Record<AdoptionState, string> = { adopted: '采纳', partly: '部分采纳', notAdopted: '未采纳' };

/** Where a round stands on a given day. */
export const consultationStatuses = ['upcoming', 'open', 'closed'] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];
export const consultationStatusLabels: Record<ConsultationStatus, string> = { upcoming: '未开始', open: '征求意见中', closed: '已结束' };

/** The longest comment the portal takes. */
export const COMMENT_MAX = 2000;
