import { HttpException } from '@nestjs/common';
import { DomainException } from './domain.exception';
import { ErrorCode } from './error-code';

/** Fastify's own refusals of a request body, in the API's terms. */
const DOMAIN_ERROR_BY_FASTIFY_CODE: Readonly<Record<string, () => DomainException>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new DomainException(ErrorCode.PayloadTooLarge, 'The request body is too large.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new DomainException(ErrorCode.UnsupportedMediaType, 'Request bodies must be application/json.'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new DomainException(ErrorCode.ValidationError, 'The request body was incomplete.'),
};

/**
 * An error raised by Fastify itself (body parsing, a hook) as the exception filter understands it: a known
 * Fastify refusal becomes its domain error, any other client error keeps its status, anything else is a bug.
 */
export function toApiException(error: unknown): unknown {
  if (error instanceof DomainException || error instanceof HttpException) return error;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  const known = typeof code === 'string' ? DOMAIN_ERROR_BY_FASTIFY_CODE[code] : undefined;
  if (known !== undefined) return known();
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return new HttpException((error as Error).message, statusCode);
  }
  return error;
}
