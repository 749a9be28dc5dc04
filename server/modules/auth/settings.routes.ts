import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePermission } from '../../kernel/auth/actor.ts';
import { SecuritySettingsBody, SecuritySettingsView } from './auth.schemas.ts';
import { readSecuritySettings } from './settings.repository.ts';
import { saveSecuritySettings } from './use-cases/update-security-settings.ts';

const tags = ['settings'];

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/settings/security', { schema: { tags, summary: '安全策略', response: { 200: SecuritySettingsView } } }, async (request) => {
    requirePermission(request.actor, 'security.settings');
    return readSecuritySettings(request.server.db);
  });

  app.put(
    '/settings/security',
    { schema: { tags, summary: '修改安全策略', body: SecuritySettingsBody, response: { 200: SecuritySettingsView } } },
    async (request) => {
      const { version, ...value } = request.body;
      return saveSecuritySettings(request, value, version);
    },
  );
};
