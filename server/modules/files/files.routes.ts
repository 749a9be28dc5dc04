import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getReadableFile } from '../../kernel/files/files.access.ts';
import { defaultFilePolicy, largestUpload } from '../../kernel/files/files.policy.ts';
import { readFileContent, verifyFile, type FileRow } from '../../kernel/files/files.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams } from '../../kernel/http/schemas.ts';
import { FileContentBody, FileVerificationView, FileView, UploadHeaders } from './files.schemas.ts';
import { uploadFile } from './use-cases/upload-file.ts';

const tags = ['files'];
const OCTET_STREAM = 'application/octet-stream';
/** The largest category's limit; each category's own limit is checked once the type is known. */
const UPLOAD_LIMIT = largestUpload(defaultFilePolicy);

export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  // The raw file is the body: no multipart, so the console can upload with XHR progress.
  app.addContentTypeParser(OCTET_STREAM, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => done(null, body));

  app.post(
    '/files',
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        summary: '上传附件（请求体为文件本身，文件名放在 x-file-name 请求头并 URL 编码；类型按内容识别）',
        consumes: [OCTET_STREAM],
        headers: UploadHeaders,
        body: FileContentBody,
        response: { 201: FileView },
      },
    },
    async (request, reply) => reply.status(201).send(await uploadFile(request, request.headers['x-file-name'], request.body)),
  );

  app.get('/files/:id', { schema: { tags, summary: '附件信息', params: IdParams, response: { 200: FileView } } }, async (request) =>
    getReadableFile(request.server.db, request.actor, request.params.id),
  );

  app.get('/files/:id/content', { schema: { tags, summary: '下载附件', params: IdParams, produces: [OCTET_STREAM] } }, async (request, reply) => {
    const file = await getReadableFile(request.server.db, request.actor, request.params.id);
    return sendFile(reply, file, await readFileContent(request.server.db, file.id));
  });

  app.get(
    '/files/:id/verify',
    { schema: { tags, summary: '校验附件完整性（重新计算 SM3 并与上传时的摘要比对）', params: IdParams, response: { 200: FileVerificationView } } },
    async (request) => verifyFile(request.server.db, (await getReadableFile(request.server.db, request.actor, request.params.id)).id),
  );
};

/**
 * Always a download, never rendered in our origin: attachment disposition, no sniffing, and a sandbox
 * in case a browser renders it anyway. filename* carries the Chinese name (RFC 6266, RFC 8187).
 */
export function sendFile(reply: FastifyReply, file: FileRow, content: Buffer) {
  return reply
    .type(file.mime)
    .header('content-disposition', attachment(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-cache')
    .header('x-content-sm3', file.sm3)
    .send(content);
}
