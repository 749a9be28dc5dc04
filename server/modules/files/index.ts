import { FILES_READ } from '../../kernel/files/files.access.ts';
import { defineModule } from '../../kernel/module.ts';
import { fileRoutes } from './files.routes.ts';

/** Attachments over HTTP: upload, metadata, download. Storage and checks live in kernel/files. */
export const filesModule = defineModule({
  name: 'files',
  permissions: [{ code: FILES_READ, name: '查看他人上传的附件（按行政区划）', scoped: true }],
  routes: fileRoutes,
});
