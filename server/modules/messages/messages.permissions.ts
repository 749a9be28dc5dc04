/** Case type and permissions of 网民诉求 and 网上调查 (no imports: workflow, repository and routes all need them). */
export const MESSAGE = 'citizen_message';

export const READ = 'messages.read';
/** The responsible organisation's: reply, or return a mis-routed message to the coordinator. */
export const HANDLE = 'messages.handle';
/** The county coordinator's: enter messages from the hotline or mailbox, route, review, publish, close, settings. */
export const COORDINATE = 'messages.coordinate';
/** 网上调查: create, publish, withdraw surveys and read their results. */
export const SURVEYS = 'messages.surveys';
/** The citizen's phone in clear, to call back (each reading audited). */
export const PERSONAL = 'messages.personal';
