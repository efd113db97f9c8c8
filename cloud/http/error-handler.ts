// One error shape for every answer: { error: { code, message } }. Fastify's own errors (bad JSON, body
// too large, wrong content type) are translated; anything unexpected is logged and answered generically.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { CloudError } from './cloud-error';

export function sendError(reply: FastifyReply, err: CloudError): FastifyReply {
  if (err.retryAfter !== undefined) reply.header('retry-after', String(err.retryAfter));
  return reply.code(err.statusCode).type('application/json; charset=utf-8').send(err.toBody());
}

function translate(err: FastifyError): CloudError | undefined {
  if (err instanceof CloudError) return err;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new CloudError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new CloudError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (err.statusCode === 400) return new CloudError('INVALID_REQUEST', 'The request body is not valid JSON or form data.');
  if (err.statusCode === 413) return new CloudError('PAYLOAD_TOO_LARGE');
  if (err.statusCode === 415) return new CloudError('UNSUPPORTED_MEDIA_TYPE');
  return undefined;
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const known = translate(err);
    if (known) return sendError(reply, known);
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, new CloudError('INTERNAL_ERROR'));
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, new CloudError('NOT_FOUND')));
}
