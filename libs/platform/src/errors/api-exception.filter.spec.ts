import type { ArgumentsHost } from '@nestjs/common';
import { MongoError } from 'mongodb';
import { ApiExceptionFilter } from './api-exception.filter';
import { DomainException } from './domain.exception';
import { ErrorCode } from './error-code';

function answer(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent = { status: 0, body: {} as Record<string, unknown> };
  const response = {
    headersSent: false,
    setHeader: () => undefined,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
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
});
