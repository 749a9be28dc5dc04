/** Permissions and audit entity types of 主动公开 and the annual report (no imports: everything needs them). */
export const PROACTIVE_READ = 'disclosure.proactive.read';
export const PROACTIVE_WRITE = 'disclosure.proactive.write';
export const REPORT_READ = 'disclosure.report.read';
/** Draft a report: create it, enter its figures, edit its narrative. */
export const REPORT_WRITE = 'disclosure.report.write';
export const REPORT_PUBLISH = 'disclosure.report.publish';

/** The report's deadline case (条例 第四十九条) in the kernel's 待办 list. */
export const REPORT_CASE_TYPE = 'disclosure_annual_report';

export const PROACTIVE_ENTITY = 'proactive_disclosure';
export const PROACTIVE_IMPORT_ENTITY = 'proactive_disclosure_import';
export const REPORT_ENTITY = 'disclosure_annual_report';
export const FIGURE_ENTRY_ENTITY = 'disclosure_figure_entry';
