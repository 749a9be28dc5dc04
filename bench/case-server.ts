/**
 * The normal server (server/main.ts serve) with the bench workflows registered first, since no case
 * module exists yet. Importing main.ts runs its command line, which defaults to `serve`.
 *   node --import tsx bench/case-server.ts   (env as for server/main.ts)
 */
import { defineBenchWorkflows } from './generate-cases.ts';

defineBenchWorkflows();
await import('../server/main.ts');
