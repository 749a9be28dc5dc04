import { defineModule } from '../../kernel/module.ts';
import { searchRoutes } from './search.routes.ts';

/** 全文检索: the console's search over what the user may read, the portal's over what is published. */
export const searchModule = defineModule({ name: 'search', routes: searchRoutes });
