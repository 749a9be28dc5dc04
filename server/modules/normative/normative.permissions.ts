/** The case type and the permissions of 规范性文件 (no imports: the workflow and the repository both need them). */
export const NORMATIVE = 'normative_document';

export const READ = 'normative.read';
/** Drafting, comment, submission, collective discussion, 统一登记编号, publication and 备案. */
export const HANDLE = 'normative.handle';
/** The county's settings, clean-up campaigns and the status register (修改/废止/失效). */
export const MANAGE = 'normative.manage';
