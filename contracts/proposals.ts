/** 人大代表建议 and 政协提案: the vocabulary shared by the server and the console. */

export const proposalKinds = ['npc', 'cppcc'] as const;
export type ProposalKind = (typeof proposalKinds)[number];
export const proposalKindLabels: Record<ProposalKind, string> = { npc: '人大代表建议', cppcc: '政协委员提案' };

/** 答复类别 (provincial rules: solved / scheduled / explained). */
export const replyCategories = ['solved', 'planned', 'explained'] as const;
export type ReplyCategory = (typeof replyCategories)[number];
export const replyCategoryLabels: Record<ReplyCategory, string> = { solved: '已解决（A类）', planned: '列入计划解决（B类）', explained: '解释说明（C类）' };

export const satisfactions = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Satisfaction = (typeof satisfactions)[number];
export const satisfactionLabels: Record<Satisfaction, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' };

export const proposalStates = ['registered', 'handling', 'returned', 'replied', 'awaitingFeedback', 'secondHandling', 'secondReplied', 'closed'] as const;
export type ProposalState = (typeof proposalStates)[number];
export const proposalStateLabels: Record<ProposalState, string> = {
  registered: '已登记待交办',
  handling: '办理中',
  returned: '退回待重新交办',
  replied: '已答复待审核',
  awaitingFeedback: '待代表（委员）反馈',
  secondHandling: '不满意，重新办理',
  secondReplied: '再次答复待审核',
  closed: '已办结',
};

export const handlerRoles = ['lead', 'co'] as const;
export type HandlerRole = (typeof handlerRoles)[number];
export const handlerRoleLabels: Record<HandlerRole, string> = { lead: '主办单位', co: '会办单位' };

export const opinionStateLabels: Record<string, string> = { pending: '待发出', open: '待提出会办意见', given: '已提出会办意见', returned: '已退回', withdrawn: '已撤销会办' };
