import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiErrorBody } from '../errors/api-error-body';
import { ErrorCode, HTTP_STATUS_BY_ERROR_CODE } from '../errors/error-code';
import { REQUEST_ID_HEADER } from './http-headers.constant';
import { resolveRequestId } from './request-id';

const ANSWER_BY_PARSER_ERROR: Readonly<Record<string, { code: ErrorCode; message: string }>> = {
  HPE_HEADER_OVERFLOW: {
    code: ErrorCode.RequestHeadersTooLarge,
    message: 'The request headers are larger than the server accepts.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    code: ErrorCode.RequestTimeout,
    message: 'The request was not received in full within the time allowed.',
  },
};

const MALFORMED = { code: ErrorCode.MalformedRequest, message: 'The request is not valid HTTP.' };

/**
 * Answers what Node's HTTP parser refuses before any request exists (headers over `maxHeaderSize`, a request
 * not received in time, bytes that are not HTTP) in the API error shape, as Fastify's `clientErrorHandler`.
 * Fastify's own handler writes `{error, message, statusCode}`, a second error shape clients would have to know.
 * No request object exists yet, so the id is a fresh one; the connection is closed after the answer, as Node does,
 * since the parser cannot tell where the next request would start.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { code, message } = ANSWER_BY_PARSER_ERROR[error.code ?? ''] ?? MALFORMED;
    const status = HTTP_STATUS_BY_ERROR_CODE[code];
    const requestId = resolveRequestId(undefined);
    const body: ApiErrorBody = { error: code, message, requestId, timestamp: new Date().toISOString() };
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\n` +
        `${REQUEST_ID_HEADER}: ${requestId}\r\n` +
        `Connection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
