// Every table, for drizzle-kit and the typed db handle. Modules add their <module>.tables.ts here.
export * from './kernel/org/org.tables.ts';
export * from './kernel/auth/auth.tables.ts';
export * from './kernel/audit/audit.tables.ts';
export * from './kernel/config/settings.tables.ts';
export * from './kernel/calendar/calendar.tables.ts';
export * from './kernel/files/files.tables.ts';
export * from './kernel/workflow/workflow.tables.ts';
export * from './kernel/numbering/numbering.tables.ts';
export * from './kernel/search/search.tables.ts';
export * from './modules/reconsideration/reconsideration.tables.ts';
export * from './modules/litigation/litigation.tables.ts';
export * from './kernel/consultation/consultation.tables.ts';
export * from './modules/meetings/meetings.tables.ts';
export * from './modules/normative/normative.tables.ts';
export * from './modules/decisions/decisions.tables.ts';
export * from './modules/legislation/legislation.tables.ts';
