/** Case types and permissions of 行政处罚 cases and 执法公示 (no imports: workflow and repository both need them). */
export const PENALTY = 'enforcement_penalty';
export const PUBLICITY = 'enforcement_publicity';

export const READ = 'enforcement.case.read';
/** 立案, 调查取证, 告知, 听证, 送达, 执行, 结案, 归档; 行政强制措施 records. */
export const HANDLE = 'enforcement.case.handle';
/** The department head's: 作出处罚决定, 延长办案期限, 撤销立案, 延长查封扣押. */
export const APPROVE = 'enforcement.case.approve';
/** 执法公示: publishing and withdrawing decisions, entering other decisions for publication. */
export const PUBLICITY_HANDLE = 'enforcement.publicity.handle';
/**
 * Held by no role: the act-correction handler takes the publicity's 待撤回 step with it, on behalf of
 * the user whose 复议 decision changed the act (kernel/workflow/act-corrections.ts).
 */
export const CORRECTION = 'enforcement.publicity.correction';
