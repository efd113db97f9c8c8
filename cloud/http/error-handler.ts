// One error shape for every answer: { error: { code, message } }. Fastify's own errors (bad URL, too
// long path parameter, bad JSON, body too large, wrong content type, unknown route) are translated, and
// so are the errors Node's HTTP parser raises before Fastify sees a request (clientErrorHandler);
// anything unexpected is logged and answered generically.
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { stripUnsafeText } from '../../shared/safe-text';
import { CloudError } from '../cloud-error';

/** `status` keeps a more precise HTTP status (414, 431, …) for a code whose usual status is 400/413. */
export function sendError(reply: FastifyReply, err: CloudError, status = err.statusCode): FastifyReply {
  if (err.retryAfter !== undefined) reply.header('retry-after', String(err.retryAfter));
  const body = err.toBody();
  // The answer's schema (errorBodySchema) refuses control characters, as the desktop does: a message
  // quoting someone else's words (Amazon's) is cleaned rather than turned into a 500.
  body.error.message = stripUnsafeText(body.error.message);
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/**
 * A request part that does not match its route's zod schema (shared/cloud-api-routes.ts), as
 * INVALID_REQUEST naming the part and each field: "Invalid body: name: …". Undefined for other errors.
 * Routes with `attachValidation` (the pages for Amazon's redirects) call it on request.validationError.
 */
export function schemaMismatch(err: Error): CloudError | undefined {
  if (!hasZodFastifySchemaValidationErrors(err)) return undefined;
  const issues = err.validation.map((i) =>
    i.instancePath.length > 1 ? `${i.instancePath.slice(1).replaceAll('/', '.')}: ${i.message}` : i.message,
  );
  return new CloudError('INVALID_REQUEST', `Invalid ${err.validationContext ?? 'request'}: ${issues.join('; ')}.`);
}

/** A client's mistake Fastify detected, as a stable code and the HTTP status Fastify chose. */
function translate(err: FastifyError): { error: CloudError; status?: number } | undefined {
  if (err instanceof CloudError) return { error: err };
  const invalid = schemaMismatch(err);
  if (invalid) return { error: invalid };
  switch (err.code) {
    case 'FST_ERR_BAD_URL':
      return { error: new CloudError('INVALID_REQUEST', 'The URL is not validly percent-encoded.') };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        error: new CloudError('INVALID_REQUEST', 'A path parameter is longer than the cloud accepts.'),
        status: 414,
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { error: new CloudError('PAYLOAD_TOO_LARGE') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { error: new CloudError('UNSUPPORTED_MEDIA_TYPE') };
  }
  const status = err.statusCode ?? 500;
  if (status === 413) return { error: new CloudError('PAYLOAD_TOO_LARGE') };
  if (status === 415) return { error: new CloudError('UNSUPPORTED_MEDIA_TYPE') };
  if (status === 400)
    return { error: new CloudError('INVALID_REQUEST', 'The request body is not valid JSON or form data.') };
  // Any other 4xx Fastify raises (invalid Content-Length, …) is still the client's request.
  if (status > 400 && status < 500)
    return { error: new CloudError('INVALID_REQUEST', `The request is not acceptable (HTTP ${status}).`), status };
  return undefined;
}

function answer(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = translate(err);
  if (known) return sendError(reply, known.error, known.status);
  request.log.error({ err }, 'unhandled error');
  return sendError(reply, new CloudError('INTERNAL_ERROR'));
}

/** Fastify's `frameworkErrors` option: bad URLs and too long parameters, before any route runs. */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void answer(err, request, reply);
}

/** Fastify's `clientErrorHandler`: the HTTP parser refused the request (bad method, header overflow, …). */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, error] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, new CloudError('PAYLOAD_TOO_LARGE', 'The request headers are larger than the cloud accepts.')]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, new CloudError('INVALID_REQUEST', 'The request did not arrive in time.')]
        : [400, new CloudError('INVALID_REQUEST', 'The request is not valid HTTP.')];
  const body = JSON.stringify(error.toBody());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => answer(err, request, reply));
  // Fastify answers an unsupported method on a known path with 404 too (no 405).
  app.setNotFoundHandler((_request, reply) => sendError(reply, new CloudError('NOT_FOUND')));
}
