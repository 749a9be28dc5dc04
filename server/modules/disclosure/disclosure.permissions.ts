/** Case type and permissions of 依申请公开 (no imports: workflow, repository and routes all need them). */
export const DISCLOSURE = 'disclosure_request';

export const READ = 'disclosure.read';
/** 登记, 补正, 征求意见, 收费, 答复: the answering agency's staff. */
export const HANDLE = 'disclosure.handle';
/** 条例 第三十三条第二款: the extension needs the consent of the head of the OGI work body (工作机构负责人). */
export const APPROVE_EXTENSION = 'disclosure.approveExtension';
/** The applicant's ID number and phone in clear (audited). */
export const PERSONAL = 'disclosure.personal';
/** The county's 依申请公开 rules (fees, 补正 period, 文号 prefix): the 政务公开办, region-wide. */
export const SETTINGS = 'disclosure.settings';
