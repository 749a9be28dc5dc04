/** Permissions of 行政检查 and 专项整治 (no imports: routes, repositories and figures all need them). */
export const INSPECTION_READ = 'enforcement.inspection.read';
export const INSPECTION_WRITE = 'enforcement.inspection.write';
export const CAMPAIGN_READ = 'enforcement.campaign.read';
export const CAMPAIGN_MANAGE = 'enforcement.campaign.manage';

/** Audit entity types. */
export const INSPECTION_ENTITY = 'inspection';
export const INSPECTION_IMPORT_ENTITY = 'inspection_import';
export const CAMPAIGN_ENTITY = 'special_campaign';
