import { defineModule } from '../../kernel/module.ts';
import { casesRoutes } from './cases.routes.ts';

/** The shared surface of every case type: 待办, case timeline, transitions (kernel/workflow). */
export const casesModule = defineModule({ name: 'cases', routes: casesRoutes });
