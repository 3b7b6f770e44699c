import type { ArgumentsHost } from '@nestjs/common';
import { MongoError } from 'mongodb';
import { ApiExceptionFilter } from './api-exception.filter';
import { DomainException } from './domain.exception';
import { ErrorCode } from './error-code';

/** Answers `exception` on a stand-in for Fastify's reply (what guards, pipes and handlers throw into). */
function answer(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent = { status: 0, body: {} as Record<string, unknown> };
  const response = {
    raw: {},
    sent: false,
    header() {
      return this;
    },
    type() {
      return this;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-1' }), getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return sent;
}

describe('ApiExceptionFilter', () => {
  it('answers a driver error that carries a domain exception (a bulk write the command wall refused) with it', () => {
    const refusal = new DomainException(ErrorCode.CrossTenantAccess, 'This operation is not allowed.');
    const wrapped = Object.assign(new MongoError('This operation is not allowed.'), {
      domainException: refusal,
    });
    expect(answer(wrapped)).toEqual({
      status: 403,
      body: expect.objectContaining({
        error: 'cross_tenant_access',
        message: 'This operation is not allowed.',
      }),
    });
  });

  it('answers any other driver error with a 500 that reveals nothing', () => {
    expect(
      answer(Object.assign(new MongoError('E11000 duplicate key'), { domainException: 'forged' })),
    ).toEqual({
      status: 500,
      body: expect.objectContaining({ error: 'internal_error', message: 'An internal error occurred.' }),
    });
  });

  it("answers Fastify's own body refusals in the API's terms", () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    const otherType = Object.assign(new Error('Unsupported Media Type'), {
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      statusCode: 415,
    });
    expect(answer(tooLarge)).toEqual({
      status: 413,
      body: expect.objectContaining({ error: 'payload_too_large', requestId: 'req-1' }),
    });
    expect(answer(otherType)).toEqual({
      status: 415,
      body: expect.objectContaining({ error: 'unsupported_media_type' }),
    });
  });

  it("answers on Node's response an exception thrown by a Nest middleware (Fastify runs those on it)", () => {
    const written: { status?: number; body?: string; headers: Record<string, unknown> } = { headers: {} };
    const raw = {
      headersSent: false,
      set statusCode(code: number) {
        written.status = code;
      },
      setHeader(name: string, value: unknown) {
        written.headers[name.toLowerCase()] = value;
      },
      end(body: string) {
        written.body = body;
      },
    };
    const limited = new DomainException(ErrorCode.RateLimitExceeded, 'Slow down.', undefined, {
      'Retry-After': '3',
    });
    new ApiExceptionFilter().reply(limited, { id: 'req-2' }, raw as never);
    expect(written.status).toBe(429);
    expect(written.headers['retry-after']).toBe('3');
    expect(JSON.parse(written.body ?? '{}')).toEqual(
      expect.objectContaining({ error: 'rate_limit_exceeded', requestId: 'req-2' }),
    );
  });
});
