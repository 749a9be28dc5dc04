/**
 * 网民诉求 and 网上调查: closed vocabularies with their Chinese labels (server, console and portal).
 */

/** Where a message came in; each channel has its own reply period (region settings). */
export const messageChannels = ['portal', 'hotline', 'mailbox', 'other'] as const;
export type MessageChannel = (typeof messageChannels)[number];
export const messageChannelLabels: Record<MessageChannel, string> = { portal: '门户网站留言', hotline: '12345热线', mailbox: '书记县长信箱', other: '其他渠道' };

export const messageCategories = ['consultation', 'suggestion', 'complaint', 'help', 'report', 'other'] as const;
export type MessageCategory = (typeof messageCategories)[number];
export const messageCategoryLabels: Record<MessageCategory, string> = { consultation: '咨询', suggestion: '建议', complaint: '投诉', help: '求助', report: '举报', other: '其他' };

export const messageStates = ['received', 'routed', 'reviewing', 'replied', 'closed'] as const;
export type MessageState = (typeof messageStates)[number];
export const messageStateLabels: Record<MessageState, string> = { received: '待交办', routed: '办理中', reviewing: '答复待审核', replied: '已答复', closed: '已办结' };

export const satisfactions = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Satisfaction = (typeof satisfactions)[number];
export const satisfactionLabels: Record<Satisfaction, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' };

export const questionKinds = ['single', 'multiple', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];
export const questionKindLabels: Record<QuestionKind, string> = { single: '单选', multiple: '多选', text: '填空' };

export const surveyStatuses = ['draft', 'published', 'withdrawn'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];
export const surveyStatusLabels: Record<SurveyStatus, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' };

/** Where a published survey stands by its window, today. */
export const surveyPhases = ['upcoming', 'open', 'closed'] as const;
export type SurveyPhase = (typeof surveyPhases)[number];
export const surveyPhaseLabels: Record<SurveyPhase, string> = { upcoming: '未开始', open: '进行中', closed: '已结束' };
