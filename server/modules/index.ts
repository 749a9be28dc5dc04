import type { FazhiModule } from '../kernel/module.ts';

/** Every domain module, in registration order. */
export const modules: FazhiModule[] = [];
