/** Permissions of 案卷评查 (no imports: routes, repositories and figures all need them). */
/** Sheets, campaigns and drawing the sample (the 司法局 coordinator, county-wide). */
export const EVALUATION_MANAGE = 'enforcement.evaluation.manage';
/** Scoring files and sending them back for rectification (coordinator and legal reviewers). */
export const EVALUATION_SCORE = 'enforcement.evaluation.score';
/** A department's own files: reading their scores and problems, recording the rectification. */
export const EVALUATION_RECTIFY = 'enforcement.evaluation.rectify';

/** The kernel case type of a 行政处罚 case (server/modules/enforcement-cases). */
export const PENALTY_CASE_TYPE = 'enforcement_penalty';
/** A penalty case counts as closed in these states (terminal or not): 结案, 归档. */
export const CLOSED_CASE_STATES = ['closed', 'archived'] as const;

/** Audit entity types. */
export const SHEET_ENTITY = 'evaluation_sheet';
export const EVALUATION_CAMPAIGN_ENTITY = 'evaluation_campaign';
export const EVALUATION_FILE_ENTITY = 'evaluation_file';
