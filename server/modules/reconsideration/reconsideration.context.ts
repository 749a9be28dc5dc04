import type { FastifyRequest } from 'fastify';
import { calendarService } from '../../kernel/calendar/calendar.service.ts';
import { beijingToday } from '../../kernel/calendar/local-date.ts';
import { calendarDeadlines } from '../../kernel/workflow/deadlines.ts';
import type { WorkflowDeps } from '../../kernel/workflow/transition.ts';
import type { MarkDates } from './reconsideration.repository.ts';

/** The workflow kernel's clock and calendar for this request. */
export const workflowDeps = (request: FastifyRequest): WorkflowDeps => ({ clock: request.server.clock, deadlines: calendarDeadlines(request.server.db) });

/** Today and the last day of the yellow mark (3 working days on), as the 待办 list computes them. */
export async function markDates(request: FastifyRequest, regionCode: string): Promise<MarkDates> {
  const today = beijingToday(request.server.clock);
  const soon = await calendarService(request.server.db).due(regionCode, today, { unit: 'workingDays', n: 3 });
  return { today, soonLimit: soon.due };
}
