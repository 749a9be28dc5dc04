export const READ = 'meetings.read';
/** Registering meetings and items by hand; a procedure's collective-decision step records its own. */
export const MANAGE = 'meetings.manage';
