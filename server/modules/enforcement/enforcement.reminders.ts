import type { ReminderDef } from '../../kernel/reminders/reminders.ts';
import { EXPIRY_REMINDER_DAYS, READ, TRAINING_HOURS_PER_YEAR } from './enforcement.permissions.ts';
import { countExpiringCertificates, countTrainingShortfall } from './enforcement.repository.ts';

/** What the officers page lists under 到期提醒, counted for the 工作台. */
export const enforcementReminders: ReminderDef[] = [
  {
    code: 'enforcement.expiringCertificates',
    label: `${EXPIRY_REMINDER_DAYS}日内到期的执法证`,
    permission: READ,
    level: 'warning',
    link: '/enforcement/officers',
    count: (db, actor, scope, today) => countExpiringCertificates(db, { actor, scope, today }, EXPIRY_REMINDER_DAYS),
  },
  {
    code: 'enforcement.trainingShortfall',
    label: `本年培训不足${TRAINING_HOURS_PER_YEAR}学时的执法人员`,
    permission: READ,
    level: 'warning',
    link: '/enforcement/officers',
    count: (db, actor, scope, today) => countTrainingShortfall(db, { actor, scope, today }, Number(today.slice(0, 4)), TRAINING_HOURS_PER_YEAR),
  },
];
