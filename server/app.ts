import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authPlugin } from './kernel/auth/auth.plugin.ts';
import { definePermissions } from './kernel/auth/permissions.ts';
import { onCalendarChanged } from './kernel/calendar/calendar.events.ts';
import { systemClock, type Clock } from './kernel/clock/clock.ts';
import type { AppConfig } from './kernel/config/config.ts';
import { Sm4Box } from './kernel/crypto/sm.ts';
import type { Database } from './kernel/db/db.ts';
import { registerErrorHandler } from './kernel/http/errors.ts';
import { fieldLabel } from './kernel/http/schemas.ts';
import './kernel/http/context.ts';
import { registerFigures } from './kernel/indicators/define-indicator.ts';
import { registerReminders } from './kernel/reminders/reminders.ts';
import { addFileReadGrant } from './kernel/files/files.access.ts';
import { recomputeOnCalendarChange } from './kernel/workflow/recompute.ts';
import { fileOnReadableCase } from './kernel/workflow/todo.repository.ts';
import { modules } from './modules/index.ts';

// Chinese validation messages for every zod schema.
z.config(z.locales.zhCN());

export interface AppOptions {
  database: Database;
  config: AppConfig;
  sm4Key: Buffer;
  clock?: Clock;
  logger?: boolean | { level: string };
  /** Built web assets (console and portal); served when present. */
  webDist?: string;
}

const defaultWebDist = fileURLToPath(new URL('../web/dist', import.meta.url));

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, fieldLabel);

  app.decorate('database', options.database);
  app.decorate('db', options.database.db);
  app.decorate('clock', options.clock ?? systemClock);
  app.decorate('sm4', new Sm4Box(options.sm4Key));
  app.decorate('config', options.config);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Fazhi 法治政府建设平台 API', version: '0.1.0', description: '错误统一返回 { code, message, details }' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'fazhi_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyCookie);
  await app.register(authPlugin);

  app.get('/api/health', { schema: { tags: ['system'], summary: '健康检查' } }, async () => ({
    status: 'ok',
    database: options.database.kind,
  }));

  for (const module of modules) {
    if (module.permissions) definePermissions(module.permissions);
    if (module.indicators) registerFigures(module.indicators);
    if (module.reminders) registerReminders(module.reminders);
    if (module.routes) await app.register(module.routes, { prefix: '/api' });
  }

  // Entering a year's official calendar recomputes the open deadlines that were provisional (one listener per process).
  onCalendarChanged(recomputeOnCalendarChange);
  addFileReadGrant(fileOnReadableCase);
  await registerWeb(app, options.webDist ?? defaultWebDist);
  return app;
}

/** The console (/console) and the portal (/portal) are single-page apps built by Vite into webDist. */
async function registerWeb(app: FastifyInstance, webDist: string): Promise<void> {
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/portal/'));
  if (!existsSync(webDist)) return;
  // wildcard: files built after start-up are served too (a rebuild needs no restart).
  await app.register(fastifyStatic, { root: webDist, prefix: '/', index: false });
  for (const spa of ['console', 'portal']) {
    const page = (_request: unknown, reply: { sendFile: (file: string) => unknown }) => reply.sendFile(`${spa}/index.html`);
    app.get(`/${spa}`, { schema: { hide: true } }, (_request, reply) => reply.redirect(`/${spa}/`));
    app.get(`/${spa}/`, { schema: { hide: true } }, page);
    app.get(`/${spa}/*`, { schema: { hide: true } }, page);
  }
}
