/** The case types and permissions of 立法建议 (no imports: the workflows and the repository both need them). */
export const CONSULTATION = 'legislation';
export const REQUEST = 'legislation_request';

export const READ = 'legislation.read';
/** The 司法局: register a consultation, ask departments, consolidate, send the county's reply. */
export const HANDLE = 'legislation.handle';
/** A department or township: submit its opinion on a request addressed to it. */
export const ANSWER = 'legislation.answer';
