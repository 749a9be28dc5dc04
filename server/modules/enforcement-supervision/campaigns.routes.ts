import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { CampaignBody, CampaignCase, CampaignItem, CampaignListQuery, UpdateCampaignBody } from './campaigns.schemas.ts';
import { createCampaign, editCampaign, getCampaign, listCampaignCases, listCampaigns } from './campaigns.use-cases.ts';

const tags = ['enforcement-supervision'];

/** 专项整治 campaigns and their results. */
export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/campaigns', { schema: { tags, summary: '专项整治行动列表（含成效数据）', querystring: CampaignListQuery, response: { 200: pageOf(CampaignItem) } } }, async (request) =>
    listCampaigns(request, request.query),
  );
  app.post('/campaigns', { schema: { tags, summary: '新建专项整治行动', body: CampaignBody, response: { 201: CampaignItem } } }, async (request, reply) =>
    reply.code(201).send(await createCampaign(request, request.body)),
  );
  app.get('/campaigns/:id', { schema: { tags, summary: '专项整治行动及其成效', params: IdParams, response: { 200: CampaignItem } } }, async (request) =>
    getCampaign(request, request.params.id),
  );
  app.put('/campaigns/:id', { schema: { tags, summary: '修改专项整治行动（须提供版本号）', params: IdParams, body: UpdateCampaignBody, response: { 200: CampaignItem } } }, async (request) =>
    editCampaign(request, request.params.id, request.body),
  );
  app.get('/campaigns/:id/cases', { schema: { tags, summary: '归入本行动的行政处罚案件', params: IdParams, response: { 200: z.array(CampaignCase) } } }, async (request) =>
    listCampaignCases(request, request.params.id),
  );
};
