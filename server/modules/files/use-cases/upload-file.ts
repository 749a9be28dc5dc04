import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { storeFile, type FileRow } from '../../../kernel/files/files.ts';
import { write } from '../../../kernel/http/context.ts';

/** Any signed-in user may upload; the file belongs to the uploader's region. Every upload is audited. */
export async function uploadFile(request: FastifyRequest, encodedName: string, content: Buffer): Promise<FileRow> {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  const name = decodeFileName(encodedName);
  return write(request, async (tx, audit) => {
    const file = await storeFile(tx, { regionCode: actor.regionCode, name, content, uploadedBy: actor.userId, now: request.server.clock.now() });
    await audit({
      action: 'file.upload',
      entityType: 'file',
      entityId: file.id,
      orgId: actor.orgId,
      regionCode: file.regionCode,
      detail: { name: file.name, size: file.size, mime: file.mime, sm3: file.sm3 },
    });
    return file;
  });
}

/** HTTP header values are bytes without a charset, so the name travels percent-encoded as UTF-8. */
function decodeFileName(encoded: string): string {
  const problem = new AppError('BAD_REQUEST', '文件名请求头 x-file-name 须是 URL 编码的 UTF-8（encodeURIComponent(文件名)）');
  if (/[^\x20-\x7e]/.test(encoded)) throw problem;
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw problem;
  }
}
