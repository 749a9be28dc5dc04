import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PermissionDef } from './auth/permissions.ts';
import type { FigureDef } from './indicators/define-indicator.ts';
import type { ReminderDef } from './reminders/reminders.ts';

/** A domain module's only public surface: what it adds to the app. */
export interface FazhiModule {
  name: string;
  permissions?: PermissionDef[];
  /** Its figures (kernel/indicators), listed on the statistics page. */
  indicators?: FigureDef[];
  /** Its due work that is not a case clock (kernel/reminders), shown on the 工作台. */
  reminders?: ReminderDef[];
  /** Routes, mounted under /api. */
  routes?: FastifyPluginAsyncZod;
}

export const defineModule = (module: FazhiModule): FazhiModule => module;
