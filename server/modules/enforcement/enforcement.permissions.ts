/** The registry's permissions (no imports: the repository, the routes and the demo all need them). */
export const READ = 'enforcement.read';
/** Bodies, officers and certificates, matters, benchmarks, leniency lists, township delegations. */
export const MANAGE = 'enforcement.manage';

/** Audit rows of the registry name these entity types. */
export const ENTITY = {
  body: 'enforcement_body',
  officer: 'enforcement_officer',
  certificate: 'enforcement_certificate',
  training: 'enforcement_training',
  matter: 'enforcement_matter',
  benchmark: 'discretion_benchmark',
  leniency: 'leniency_item',
  delegation: 'township_delegation',
} as const;

/** 纲要 (2021–2025): at least 60 hours of training per officer per year. */
export const TRAINING_HOURS_PER_YEAR = 60;
/** Certificates expiring within this many days are listed as reminders. */
export const EXPIRY_REMINDER_DAYS = 90;
