/** The case types and permissions of 建议提案办理 (no imports: the workflows and the repository both need them). */
export const PROPOSAL = 'proposal';
/** A 会办单位's part: a child case of the proposal handled by that unit, so it stands in its 待办. */
export const OPINION = 'proposal_opinion';

export const READ = 'proposals.read';
/** The county government office (政府办 督查室): register, 交办, approve extensions, check replies, record feedback. */
export const HANDLE = 'proposals.handle';
/** A lead or co-handling unit: return a mis-assigned item, give its opinion, reply. */
export const ANSWER = 'proposals.answer';
