import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { json } from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { APP_CONFIG } from '../config/app-config.constant';
import type { AppConfig } from '../config/app-config';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { isNestedDeeperThan } from './is-nested-deeper-than';

type BodyParserError = Error & { type?: string; status?: number };

/** Far deeper than any request the API defines (a few levels), far shallower than what overflows the stack. */
const MAX_BODY_DEPTH = 32;
/** Requests whose body a JsonBodyMiddleware (of any limit) has read: the stream can be read only once. */
const parsed = new WeakSet<IncomingMessage>();

/**
 * Parses JSON bodies inside Nest's middleware chain (instead of Express's own parser) so that a body
 * that is not JSON, too large, or of another content type is answered by the exception filter in the
 * API error shape, with the request id. Only JSON is accepted: the API has no other body format.
 */
@Injectable()
export class JsonBodyMiddleware implements NestMiddleware {
  private readonly parse: ReturnType<typeof json>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.parse = json({
      limit: this.limitBytes(config),
      strict: true,
      type: isJsonContentType,
      // The exact bytes, for routes that verify a signature over them (inbound gateway webhooks): any
      // re-serialisation of the parsed body may differ from what was signed.
      verify: (request, _response, buffer) => {
        (request as IncomingMessage & { rawBody?: Buffer }).rawBody = buffer;
      },
    });
  }

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    if (parsed.has(request)) return next();
    parsed.add(request);
    if (hasBody(request) && !isJsonContentType(request)) {
      throw new DomainException(ErrorCode.UnsupportedMediaType, 'Request bodies must be application/json.');
    }
    await new Promise<void>((resolve, reject) =>
      this.parse(request, response, (error?: unknown) =>
        error ? reject(toDomainException(error)) : resolve(),
      ),
    );
    if (isNestedDeeperThan(request.body, MAX_BODY_DEPTH)) {
      throw new DomainException(
        ErrorCode.ValidationError,
        `The request body is nested more than ${MAX_BODY_DEPTH} levels deep.`,
      );
    }
    next();
  }

  /** The largest body accepted; routes with their own limit run a subclass before this one. */
  protected limitBytes(config: AppConfig): number {
    return config.http.bodyLimitBytes;
  }
}

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

function isJsonContentType(request: IncomingMessage): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

function toDomainException(error: unknown): DomainException {
  const type = (error as BodyParserError).type;
  if (type === 'entity.too.large') {
    return new DomainException(ErrorCode.PayloadTooLarge, 'The request body is too large.');
  }
  if (type === 'entity.parse.failed') {
    return new DomainException(ErrorCode.InvalidJson, 'The request body is not valid JSON.');
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new DomainException(ErrorCode.UnsupportedMediaType, 'The request body encoding is not supported.');
  }
  if (type === 'request.aborted' || type === 'request.size.invalid') {
    return new DomainException(ErrorCode.ValidationError, 'The request body was incomplete.');
  }
  return new DomainException(ErrorCode.ValidationError, 'The request body could not be read.');
}
