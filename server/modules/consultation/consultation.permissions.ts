/** 公众参与's permissions (no imports: routes, repository and index all need them). */
export const MODERATE = 'consultation.moderate';
/** The contact a commenter left, in clear (audited at each reading). */
export const PERSONAL = 'consultation.personal';
