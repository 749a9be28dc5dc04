import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { Paging, pageOf } from '../../kernel/http/schemas.ts';
import { QueueFilter } from './legality.ts';
import { exportQueue, listQueue } from './legality.queue.ts';

const tags = ['legality'];

export const QueueItem = z.object({
  id: z.uuid(),
  caseType: z.string(),
  caseTypeLabel: z.string(),
  caseNo: z.string().nullable(),
  title: z.string(),
  stateLabel: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  version: z.number().int(),
  submittedOn: z.string(),
  dueOn: z.string(),
  provisional: z.boolean(),
  clockStatus: z.string(),
  mark: z.enum(['overdue', 'dueSoon']).nullable(),
});

/** The legal office's queue of everything awaiting its legality opinion, whatever the case type. */
export const legalityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/legality/queue', { schema: { tags, summary: '合法性审查待办（规范性文件、重大行政决策等）', querystring: QueueFilter.extend(Paging.shape), response: { 200: pageOf(QueueItem) } } }, async (request) =>
    listQueue(request, request.query),
  );
  app.get(
    '/legality/queue/export.xlsx',
    { schema: { tags, summary: '导出合法性审查待办（Excel）', querystring: QueueFilter, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('合法性审查待办.xlsx', 'legality-queue.xlsx'))
        .send(await exportQueue(request, request.query)),
  );
};
