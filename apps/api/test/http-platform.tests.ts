import { Body, Controller, Get, Module, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  configureHttpApplication,
  createHttpAdapter,
  HTTP_APPLICATION_OPTIONS,
  DomainException,
  ErrorCode,
} from '@tenantpay/platform';
import { Public } from '@tenantpay/tenancy';
import { readyHttpApplication, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import request from 'supertest';
import { ApiModule } from '../src/api.module';

class PayerDto {
  @IsString()
  name!: string;
}

class ProbeDto {
  @IsInt()
  @Min(1)
  amount!: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => PayerDto)
  payer?: PayerDto;

  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;
}

class PayersDto {
  @ValidateNested({ each: true })
  @Type(() => PayerDto)
  payers!: PayerDto[];
}

class ProbeQuery {
  @IsOptional()
  @IsString()
  status?: string;
}

/** Routes that exist only in this test, to drive each kind of error through the real HTTP stack. */
@Public()
@Controller('probe')
class ProbeController {
  @Post()
  create(@Body() body: ProbeDto) {
    return { received: body };
  }

  @Get()
  list(@Query() query: ProbeQuery) {
    return { query };
  }

  @Post('payers')
  payers(@Body() body: PayersDto) {
    return { received: body };
  }

  @Get('crash')
  crash(): never {
    throw new Error('connection string mongodb://admin:hunter2@db leaked in a stack');
  }

  @Get('conflict')
  conflict(): never {
    throw new DomainException(ErrorCode.Conflict, 'Already done.', undefined, { 'Retry-After': '3' });
  }
}

/** The headers helmet sets by default (helmet 8), which every answer of the API carries. */
const HELMET_DEFAULT_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
] as const;

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('HTTP platform (error shape, request ids, validation, body parsing)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const config = testAppConfig({
      MONGODB_URI: mongo.uri,
      REDIS_URL: redis.url,
      HTTP_BODY_LIMIT_BYTES: '2048',
    });
    @Module({ imports: [ApiModule.forRoot(config)], controllers: [ProbeController] })
    class ProbeApiModule {}
    app = await configureHttpApplication(
      await NestFactory.create<NestFastifyApplication>(
        ProbeApiModule,
        createHttpAdapter(config),
        HTTP_APPLICATION_OPTIONS,
      ),
    );
    await readyHttpApplication(app);
  });
  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());

  function expectErrorShape(body: Record<string, unknown>, code: string): void {
    expect(body).toEqual(
      expect.objectContaining({ error: code, message: expect.any(String), requestId: expect.any(String) }),
    );
    expect(body['timestamp']).toMatch(ISO_TIMESTAMP);
    expect(
      Object.keys(body).every((key) =>
        ['error', 'message', 'details', 'requestId', 'timestamp'].includes(key),
      ),
    ).toBe(true);
  }

  describe('error shape', () => {
    it('answers an unknown route with 404 not_found', async () => {
      const response = await http().get('/v1/nowhere').expect(404);
      expectErrorShape(response.body, 'not_found');
      expect(response.body.requestId).toBe(response.headers['x-request-id']);
    });

    it('answers a known path asked with another method with 405 method_not_allowed and Allow', async () => {
      const response = await http().delete('/v1/probe').expect(405);
      expectErrorShape(response.body, 'method_not_allowed');
      expect(response.headers['allow']).toBe('GET, HEAD, POST');
      expect(response.body.requestId).toBe(response.headers['x-request-id']);
    });

    it('answers 405 for a path with parameters too, before authentication, and 404 where no method fits', async () => {
      const wrong = await http().put('/v1/payments/0123456789abcdef01234567').expect(405);
      expectErrorShape(wrong.body, 'method_not_allowed');
      expect(wrong.headers['allow']).toBe('GET, HEAD');
      expectErrorShape((await http().delete('/v1/nowhere').expect(404)).body, 'not_found');
    });

    it('answers invalid input with 400 validation_error listing each field', async () => {
      const response = await http()
        .post('/v1/probe')
        .send({ amount: 0, payer: { name: 7 } })
        .expect(400);
      expectErrorShape(response.body, 'validation_error');
      expect(response.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'amount', param: 'amount' }),
          expect.objectContaining({ field: 'payer.name', param: 'payer.name' }),
        ]),
      );
    });

    it('points at a field inside an array with its JSON path (param)', async () => {
      const response = await http()
        .post('/v1/probe/payers')
        .send({ payers: [{ name: 'A' }, { name: 'B' }, { name: 7 }] })
        .expect(400);
      expect(response.body.details).toEqual([
        expect.objectContaining({ field: 'payers.2.name', param: 'payers[2].name' }),
      ]);
    });

    it('answers a body that is not JSON with 400 invalid_json', async () => {
      const response = await http()
        .post('/v1/probe')
        .set('Content-Type', 'application/json')
        .send('{"amount": 1,')
        .expect(400);
      expectErrorShape(response.body, 'invalid_json');
    });

    it('answers a body over the limit with 413 payload_too_large', async () => {
      const response = await http()
        .post('/v1/probe')
        .send({ amount: 1, metadata: { blob: 'x'.repeat(4096) } })
        .expect(413);
      expectErrorShape(response.body, 'payload_too_large');
    });

    it('refuses a body nested more than 32 levels deep with 400 validation_error', async () => {
      // JSON.parse accepts any depth; what walks the parsed value recursively afterwards must never see it.
      const nested = (levels: number): unknown => (levels === 0 ? 'x' : { a: nested(levels - 1) });
      await http()
        .post('/v1/probe')
        .send({ amount: 1, metadata: nested(31) })
        .expect(201);
      const response = await http()
        .post('/v1/probe')
        .send({ amount: 1, metadata: nested(32) })
        .expect(400);
      expectErrorShape(response.body, 'validation_error');
    });

    it('answers a non-JSON content type with 415 unsupported_media_type', async () => {
      const response = await http()
        .post('/v1/probe')
        .set('Content-Type', 'text/plain')
        .send('amount=1')
        .expect(415);
      expectErrorShape(response.body, 'unsupported_media_type');
      await http()
        .post('/v1/probe')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send('amount=1')
        .expect(415);
    });

    it('answers an unexpected error with 500 internal_error and no internals', async () => {
      const response = await http().get('/v1/probe/crash').expect(500);
      expectErrorShape(response.body, 'internal_error');
      expect(JSON.stringify(response.body)).not.toMatch(/hunter2|mongodb:|stack|Error:/);
    });

    it('carries the headers a domain error declares', async () => {
      const response = await http().get('/v1/probe/conflict').expect(409);
      expectErrorShape(response.body, 'conflict');
      expect(response.headers['retry-after']).toBe('3');
    });
  });

  describe('requests the HTTP parser refuses', () => {
    /** Writes raw bytes to the listening server and collects what comes back until the server closes. */
    async function exchangeRaw(bytes: string): Promise<{ status: number; headers: string; body: string }> {
      const server = app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const received = await new Promise<string>((resolve, reject) => {
        const chunks: Buffer[] = [];
        const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        // A reset after the answer arrived is how a refusing server may close; without an answer it is a failure.
        socket.on('error', (error) => (chunks.length > 0 ? undefined : reject(error)));
      });
      const [head = '', body = ''] = received.split('\r\n\r\n');
      return { status: Number(head.split(' ')[1]), headers: head, body };
    }

    it('answers headers over the size limit with 431 request_headers_too_large in the error shape', async () => {
      const answer = await exchangeRaw(
        `GET /v1/probe HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      expect(answer.status).toBe(431);
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      expectErrorShape(body, 'request_headers_too_large');
      expect(answer.headers).toContain(`X-Request-Id: ${String(body['requestId'])}`);
    });

    it('answers bytes that are not HTTP with 400 malformed_request in the error shape', async () => {
      const answer = await exchangeRaw('NOT HTTP AT ALL\r\n\r\n');
      expect(answer.status).toBe(400);
      expectErrorShape(JSON.parse(answer.body) as Record<string, unknown>, 'malformed_request');
    });
  });

  describe('request ids', () => {
    it('echoes a sane inbound X-Request-Id on success and in errors', async () => {
      const ok = await http().get('/health/live').set('X-Request-Id', 'client-abc-123').expect(200);
      expect(ok.headers['x-request-id']).toBe('client-abc-123');
      const failed = await http().get('/v1/nowhere').set('X-Request-Id', 'client-abc-124').expect(404);
      expect(failed.headers['x-request-id']).toBe('client-abc-124');
      expect(failed.body.requestId).toBe('client-abc-124');
    });

    it('generates one when none is sent', async () => {
      const response = await http().get('/health/live').expect(200);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('replaces an insane inbound id', async () => {
      const response = await http()
        .get('/v1/nowhere')
        .set('X-Request-Id', `${'x'.repeat(300)}`)
        .expect(404);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body.requestId).toBe(response.headers['x-request-id']);
    });

    it('gives a body-parse failure a request id too', async () => {
      const response = await http()
        .post('/v1/probe')
        .set('Content-Type', 'application/json')
        .set('X-Request-Id', 'parse-fail-1')
        .send('{')
        .expect(400);
      expect(response.body.requestId).toBe('parse-fail-1');
    });

    it('gives a request whose path cannot be decoded a request id too', async () => {
      const response = await http().get('/v1/probe/%E0%A4%A').set('X-Request-Id', 'bad-path-1').expect(400);
      expectErrorShape(response.body, 'validation_error');
      expect(response.headers['x-request-id']).toBe('bad-path-1');
      expect(response.body.requestId).toBe('bad-path-1');
    });
  });

  describe('validation pipe', () => {
    it('accepts a valid body and converts it to the DTO', async () => {
      const response = await http()
        .post('/v1/probe')
        .send({ amount: 5, payer: { name: 'Ada' } })
        .expect(201);
      expect(response.body).toEqual({ received: { amount: 5, payer: { name: 'Ada' } } });
    });

    it('rejects unknown fields instead of dropping them', async () => {
      const response = await http().post('/v1/probe').send({ amount: 5, tenantId: 'other' }).expect(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'tenantId' })]);
    });

    it('rejects unknown fields in nested objects', async () => {
      const response = await http()
        .post('/v1/probe')
        .send({ amount: 5, payer: { name: 'A', role: 'x' } })
        .expect(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'payer.role' })]);
    });

    it('rejects $-prefixed keys at the top level', async () => {
      const response = await http().post('/v1/probe').send({ amount: 5, $where: '1' }).expect(400);
      expectErrorShape(response.body, 'validation_error');
    });

    it('rejects $-prefixed and dotted keys inside free-form objects', async () => {
      const operator = await http()
        .post('/v1/probe')
        .send({ amount: 5, metadata: { ref: { $gt: '' } } })
        .expect(400);
      expect(operator.body.details).toEqual([expect.objectContaining({ field: 'metadata.ref.$gt' })]);
      const dotted = await http()
        .post('/v1/probe')
        .send({ amount: 5, metadata: { 'a.b': 1 } })
        .expect(400);
      expect(dotted.body.details).toEqual([expect.objectContaining({ field: 'metadata.a.b' })]);
    });

    it('rejects __proto__ keys', async () => {
      await http()
        .post('/v1/probe')
        .set('Content-Type', 'application/json')
        .send('{"amount": 5, "metadata": {"__proto__": {"isAdmin": true}}}')
        .expect(400);
    });

    it('keeps bracketed query keys flat (no nested objects from query strings)', async () => {
      const nested = await http().get('/v1/probe?status[$ne]=x').expect(400);
      expect(nested.body.details).toEqual([expect.objectContaining({ field: 'status[$ne]' })]);
      const plain = await http().get('/v1/probe?status=PENDING').expect(200);
      expect(plain.body).toEqual({ query: { status: 'PENDING' } });
    });
  });

  describe('security headers', () => {
    it('sets helmet headers and hides the framework', async () => {
      const response = await http().get('/health/live').expect(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    // Every kind of answer, whichever layer writes it: the handler, the validation pipe, the body parser,
    // Fastify's own limits and content types, the exception filter, an authentication refusal, no route.
    const answers: readonly [string, () => request.Test, number][] = [
      ['a handler', () => http().get('/v1/probe'), 200],
      ['no route', () => http().get('/v1/no-such-route'), 404],
      ['a wrong method', () => http().delete('/v1/probe'), 405],
      ['a refused credential', () => http().get('/v1/usage').set('Authorization', 'Bearer nope'), 401],
      ['invalid input', () => http().post('/v1/probe').send({ amount: 0 }), 400],
      [
        'a body that is not JSON',
        () => http().post('/v1/probe').set('Content-Type', 'application/json').send('{"amount": 1,'),
        400,
      ],
      [
        'a body over the limit',
        () =>
          http()
            .post('/v1/probe')
            .send({ blob: 'x'.repeat(4096) }),
        413,
      ],
      [
        'another content type',
        () => http().post('/v1/probe').set('Content-Type', 'text/plain').send('a'),
        415,
      ],
      ['an unexpected error', () => http().get('/v1/probe/crash'), 500],
      ['a domain error with its own headers', () => http().get('/v1/probe/conflict'), 409],
    ];
    it.each(answers)('sets all of them and the request id on %s', async (_kind, send, status) => {
      const reference = await http().get('/health/live').expect(200);
      const response = await send().set('X-Request-Id', 'headers-check-1').expect(status);
      for (const name of HELMET_DEFAULT_HEADERS) {
        expect(reference.headers[name]).toEqual(expect.any(String));
        expect(response.headers[name]).toBe(reference.headers[name]);
      }
      expect(response.headers['x-request-id']).toBe('headers-check-1');
    });
  });
});
