import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PermissionDef } from './auth/permissions.ts';
import type { FigureDef } from './indicators/define-indicator.ts';

/** A domain module's only public surface: what it adds to the app. */
export interface FazhiModule {
  name: string;
  permissions?: PermissionDef[];
  /** Its figures (kernel/indicators), listed on the statistics page. */
  indicators?: FigureDef[];
  /** Routes, mounted under /api. */
  routes?: FastifyPluginAsyncZod;
}

export const defineModule = (module: FazhiModule): FazhiModule => module;
