import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { MongoError } from 'mongodb';
import type { ServerResponse } from 'node:http';
import { isDatabaseUnavailableError } from '../mongo/is-database-unavailable-error';
import type { ApiErrorBody } from './api-error-body';
import { DomainException } from './domain.exception';
import { ErrorCode, HTTP_STATUS_BY_ERROR_CODE } from './error-code';
import { TemporarilyUnavailableException } from './temporarily-unavailable.exception';
import { toApiException } from './to-api-exception';

/** What a 503 for an unreachable database tells callers: about the driver's reconnection time. */
const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

/** Codes for errors raised by Nest or Fastify themselves rather than by our code. */
const CODE_BY_FRAMEWORK_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationError,
  401: ErrorCode.Unauthorized,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimitExceeded,
};

/**
 * Turns every error into the API error shape. Domain exceptions carry their code; framework HTTP
 * exceptions get a code from their status; anything else is a bug and becomes a 500 whose details stay
 * in the log, never in the response.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    this.reply(exception, http.getRequest<{ id?: unknown }>(), http.getResponse<ErrorResponse>());
  }

  /**
   * Answers `exception` in the API error shape on Fastify's reply, or on Node's response where the exception
   * came from a Nest middleware (which Fastify runs on the raw request and response).
   */
  reply(exception: unknown, request: { id?: unknown }, response: ErrorResponse): void {
    const { status, code, message, details, headers } = this.describe(toApiException(exception));
    if (status === 503) {
      // Expected while a dependency is down, possibly for every request: one line without a stack trace each,
      // not an error report (writing hundreds of stacks a second slowed the API during a MongoDB outage).
      const reason = exception instanceof Error ? exception.message : String(exception);
      this.logger.warn({ requestId: request.id, code, reason }, 'Answered 503: a dependency is unavailable');
    } else if (status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error while serving a request');
    }
    const body: ApiErrorBody = {
      error: code,
      message,
      ...(details && details.length > 0 ? { details } : {}),
      requestId: String(request.id ?? ''),
      timestamp: new Date().toISOString(),
    };
    if (isFastifyReply(response)) {
      if (response.sent) return;
      for (const [name, value] of Object.entries(headers ?? {})) response.header(name, value);
      void response.status(status).type('application/json; charset=utf-8').send(body);
      return;
    }
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
    response.statusCode = status;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(body));
  }

  private describe(exception: unknown): {
    status: number;
    code: ErrorCode;
    message: string;
    details?: DomainException['details'];
    headers?: DomainException['headers'];
  } {
    const carried = domainExceptionCarriedByDriver(exception);
    if (carried !== undefined) return this.describe(carried);
    if (isDatabaseUnavailableError(exception)) {
      // The database is unreachable, hung or too slow (failover, network, timeouts): a 503 the caller may
      // retry, like readiness says, rather than a 500 that reads as a bug. Logged above as a warning.
      return this.describe(new TemporarilyUnavailableException(RETRY_AFTER_UNAVAILABLE_SECONDS));
    }
    if (exception instanceof DomainException) {
      return {
        status: HTTP_STATUS_BY_ERROR_CODE[exception.code],
        code: exception.code,
        message: exception.message,
        details: exception.details,
        headers: exception.headers,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_BY_FRAMEWORK_STATUS[status];
      if (code) return { status, code, message: frameworkMessage(exception) };
      if (status < 500)
        return { status, code: ErrorCode.ValidationError, message: frameworkMessage(exception) };
    }
    return { status: 500, code: ErrorCode.InternalError, message: 'An internal error occurred.' };
  }
}

type ErrorResponse = FastifyReply | ServerResponse;

function isFastifyReply(response: ErrorResponse): response is FastifyReply {
  return 'raw' in response;
}

/**
 * The driver's bulk writes wrap an error thrown below them (data isolation's command wall refusing a command)
 * in a MongoBulkWriteError by copying its fields; the refusal marks itself with `domainException` so it keeps
 * its answer (403 `cross_tenant_access`) instead of becoming a 500.
 */
function domainExceptionCarriedByDriver(exception: unknown): DomainException | undefined {
  if (!(exception instanceof MongoError)) return undefined;
  const carried = (exception as { domainException?: unknown }).domainException;
  return carried instanceof DomainException ? carried : undefined;
}

function frameworkMessage(exception: HttpException): string {
  // Nest's own 404 says "Cannot GET /x"; keep that (it names only what the caller sent) but nothing richer.
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const message = (response as { message: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return exception.message;
}
