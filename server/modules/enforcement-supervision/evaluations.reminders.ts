import type { ReminderDef } from '../../kernel/reminders/reminders.ts';
import { EVALUATION_RECTIFY } from './evaluations.permissions.ts';
import { countRectifications } from './evaluations.repository.ts';

/** 案卷评查 problems sent back to a department: its 评查整改 page lists them. */
export const evaluationReminders: ReminderDef[] = [
  {
    code: 'evaluation.rectificationsOverdue',
    label: '逾期未整改的评查案卷',
    permission: EVALUATION_RECTIFY,
    level: 'overdue',
    link: '/evaluations/rectification',
    count: (db, actor, scope, today) => countRectifications(db, actor, scope, today, 'overdue'),
  },
  {
    code: 'evaluation.rectificationsOpen',
    label: '待整改的评查案卷',
    permission: EVALUATION_RECTIFY,
    level: 'warning',
    link: '/evaluations/rectification',
    count: (db, actor, scope, today) => countRectifications(db, actor, scope, today, 'open'),
  },
];
