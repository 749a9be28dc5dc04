/** The case type and the permissions of 行政应诉 (no imports: the workflow and the repository both need them). */
export const LITIGATION = 'litigation';

export const READ = 'litigation.read';
export const HANDLE = 'litigation.handle';
/** The county's 负责人出庭应诉率 definition. */
export const SETTINGS = 'litigation.settings';
