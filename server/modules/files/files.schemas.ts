import { z } from 'zod';
import { defineFieldLabels } from '../../kernel/http/schemas.ts';

export const FILE_NAME_HEADER = 'x-file-name';

/** Headers are matched in lower case; other headers (cookie, CSRF) pass through untouched. */
export const UploadHeaders = z.looseObject({
  [FILE_NAME_HEADER]: z.string().min(1).max(2048).describe('文件名，URL 编码的 UTF-8（encodeURIComponent）'),
});

export const FileContentBody = z.instanceof(Buffer).describe('文件本身（application/octet-stream）');

export const FileView = z.object({
  id: z.uuid(),
  name: z.string(),
  size: z.number().int(),
  mime: z.string().describe('按文件内容识别的类型'),
  sm3: z.string().describe('文件内容的 SM3 摘要（十六进制）'),
  regionCode: z.string(),
  uploadedAt: z.date(),
  uploadedBy: z.uuid().nullable(),
});
export type FileView = z.infer<typeof FileView>;

export const FileVerificationView = z.object({
  id: z.uuid(),
  sm3: z.string().describe('上传时记录的 SM3 摘要'),
  actualSm3: z.string().describe('现存内容的 SM3 摘要'),
  intact: z.boolean().describe('二者一致即未被篡改'),
});

defineFieldLabels({ [FILE_NAME_HEADER]: '文件名' });
