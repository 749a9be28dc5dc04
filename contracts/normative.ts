/**
 * 规范性文件's closed vocabularies with their Chinese labels (server, console and portal). The legal
 * status of a published document is separate from its procedure's state (cases.state).
 */

/** 现行有效 / 已修改 (in force as amended) / 已废止 / 已失效 (validity ended or declared lapsed). */
export const legalStatuses = ['valid', 'amended', 'repealed', 'expired'] as const;
export type LegalStatus = (typeof legalStatuses)[number];
export const legalStatusLabels: Record<LegalStatus, string> = { valid: '现行有效', amended: '已修改', repealed: '已废止', expired: '已失效' };
/** Statuses in which a document still binds (an amended document binds as amended). */
export const inForceStatuses: readonly LegalStatus[] = ['valid', 'amended'];

/** The procedure's states (国办发〔2018〕37号: 起草、征求意见、合法性审核、集体审议、统一登记编号印发、备案). */
export const procedureStates = ['drafting', 'consultation', 'legalityReview', 'reviewed', 'adopted', 'numbered', 'published', 'inForce', 'withdrawn'] as const;
export type ProcedureState = (typeof procedureStates)[number];
export const procedureStateLabels: Record<ProcedureState, string> = {
  drafting: '起草中',
  consultation: '公开征求意见',
  legalityReview: '合法性审查中',
  reviewed: '审查通过，待集体讨论',
  adopted: '集体讨论通过，待统一登记编号',
  numbered: '已登记编号，待公布',
  published: '已公布，待备案',
  inForce: '已备案',
  withdrawn: '已终止起草',
};

/** 专项清理 decisions on a document (国办发〔2018〕37号 清理). */
export const cleanupDecisions = ['keep', 'amend', 'repeal', 'lapse'] as const;
export type CleanupDecision = (typeof cleanupDecisions)[number];
export const cleanupDecisionLabels: Record<CleanupDecision, string> = { keep: '继续有效', amend: '修改', repeal: '废止', lapse: '宣布失效' };
/** The legal status a clean-up decision gives (keep changes nothing). */
export const cleanupStatus: Record<CleanupDecision, LegalStatus | null> = { keep: null, amend: 'amended', repeal: 'repealed', lapse: 'expired' };

export const campaignStates = ['open', 'completed', 'published'] as const;
export type CampaignState = (typeof campaignStates)[number];
export const campaignStateLabels: Record<CampaignState, string> = { open: '清理中', completed: '已完成（未公布）', published: '已公布清理结果' };

export const meetingKindLabels = { executive: '常务会议', plenary: '全体会议', office: '办公会议（主任办公会议、局务会议）' } as const;
export const meetingOutcomeLabels = { adopted: '审议通过', adoptedAmended: '原则通过（按意见修改后印发）', deferred: '暂缓（再次审议）', rejected: '未通过（退回起草单位）' } as const;
