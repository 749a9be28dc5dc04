import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors/app-error.ts';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[]; message?: string } };
}

/**
 * One error shape for every response: { code, message, details? }. Validation errors name each field;
 * an unexpected error is logged and answered as INTERNAL without internals.
 */
export function registerErrorHandler(app: FastifyInstance, fieldLabels: (path: string, url: string) => string | undefined): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ code: error.code, message: error.message, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldError[] = (error.validation as ValidationIssue[]).map((v) => {
        const path = (v.params?.issue?.path ?? v.instancePath?.split('/').filter(Boolean) ?? []).map(String).join('.');
        const label = fieldLabels(path, request.url) ?? (path || '请求');
        return { field: path, message: `${label}：${v.params?.issue?.message ?? v.message ?? '格式不正确'}` };
      });
      const where = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' }[
        (error as FastifyError & { validationContext?: string }).validationContext ?? 'body'
      ];
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: `${where ?? '请求'}有误：${fields.map((f) => f.message).join('；')}`,
        details: fields,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，已记录' });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' });
    }
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' });
    }
    if (fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return reply.status(400).send({ code: 'BAD_REQUEST', message: '请求内容不是有效的 JSON' });
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return reply.status(fastifyError.statusCode).send({ code: 'BAD_REQUEST', message: '请求无效' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，已记录' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
  });
}
