import { createTenantpayClient, type TenantpayClientOptions } from './tenantpay-client';
import { TenantpayApiError } from './tenantpay-api-error';

interface Sent {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string;
}

/** A transport that records every request and answers from a script (the last answer repeats). */
function scriptedApi(...answers: Array<() => Response>) {
  const sent: Sent[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    sent.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.text(),
    });
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (answer === undefined) throw new Error('no answer scripted');
    return answer();
  };
  return { sent, fetch };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
const apiError = (status: number, error: string, headers: Record<string, string> = {}) =>
  json(
    status,
    { error, message: `${error} happened`, requestId: 'req-1', timestamp: '2026-01-01T00:00:00.000Z' },
    headers,
  );

const PAYMENT = { amount: 1050, currency: 'EUR', reference: 'inv-1', method: 'card' as const };

function client(transport: ReturnType<typeof scriptedApi>, overrides: Partial<TenantpayClientOptions> = {}) {
  return createTenantpayClient({
    baseUrl: 'http://api.test/',
    credential: { apiKey: 'tpk_test_key' },
    fetch: transport.fetch,
    retry: { baseDelayMs: 1 },
    ...overrides,
  });
}

describe('createTenantpayClient', () => {
  it('sends the API key, the tenant and JSON to the base URL, and resolves to the body', async () => {
    const api = scriptedApi(json(201, { id: 'p1' }));
    const created = await client(api, { tenant: 'first-bank' }).POST('/v1/payments', { body: PAYMENT });
    expect(created).toEqual({ id: 'p1' });
    const [request] = api.sent;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('http://api.test/v1/payments');
    expect(request?.headers.get('X-API-Key')).toBe('tpk_test_key');
    expect(request?.headers.get('Authorization')).toBeNull();
    expect(request?.headers.get('X-Tenant-ID')).toBe('first-bank');
    expect(JSON.parse(request?.body ?? '')).toEqual(PAYMENT);
  });

  it('sends a bearer token instead when given one, and path and query parameters', async () => {
    const api = scriptedApi(json(200, { id: 'p1' }));
    await client(api, { credential: { bearerToken: 'jwt' } }).GET('/v1/payments/{id}', {
      params: { path: { id: 'p 1' } },
    });
    await client(api).GET('/v1/payments', { params: { query: { limit: 5, starting_after: 'p0' } } });
    expect(api.sent[0]?.headers.get('Authorization')).toBe('Bearer jwt');
    expect(api.sent[0]?.headers.get('X-API-Key')).toBeNull();
    expect(api.sent[0]?.url).toBe('http://api.test/v1/payments/p%201');
    expect(api.sent[1]?.url).toBe('http://api.test/v1/payments?limit=5&starting_after=p0');
  });

  it('sends no credential when given none (signing in)', async () => {
    const api = scriptedApi(json(200, { accessToken: 'jwt' }));
    await client(api, { credential: undefined, tenant: 'first-bank' }).POST('/v1/auth/login', {
      body: { email: 'admin@first-bank.test', password: 'secret' },
    });
    expect([api.sent[0]?.headers.get('X-API-Key'), api.sent[0]?.headers.get('Authorization')]).toEqual([
      null,
      null,
    ]);
    expect(api.sent[0]?.headers.get('X-Tenant-ID')).toBe('first-bank');
  });

  describe('Idempotency-Key', () => {
    it('gives each money-moving POST a new key', async () => {
      const api = scriptedApi(json(201, {}));
      const keys = ['key-1', 'key-2', 'key-3'];
      const tenantpay = client(api, { newIdempotencyKey: () => keys.shift() ?? 'none' });
      await tenantpay.POST('/v1/payments', { body: PAYMENT });
      await tenantpay.POST('/v1/payments/{id}/refund', {
        params: { path: { id: 'p1' } },
        body: { amount: 1 },
      });
      await tenantpay.POST('/v1/payments/batches', { body: { payments: [] } });
      expect(api.sent.map((request) => request.headers.get('Idempotency-Key'))).toEqual([
        'key-1',
        'key-2',
        'key-3',
      ]);
    });

    it("keeps the caller's key", async () => {
      const api = scriptedApi(json(201, {}));
      await client(api).POST('/v1/payments', {
        params: { header: { 'Idempotency-Key': 'order-42' } },
        body: PAYMENT,
      });
      expect(api.sent[0]?.headers.get('Idempotency-Key')).toBe('order-42');
    });

    it('adds none to other POSTs', async () => {
      const api = scriptedApi(json(201, {}));
      await client(api).POST('/v1/webhook-endpoints', {
        body: { url: 'https://hooks.test/', events: ['*'] },
      });
      expect(api.sent[0]?.headers.get('Idempotency-Key')).toBeNull();
    });
  });

  describe('errors', () => {
    it('rejects a non-2xx answer with the API error: code, message, details, requestId, status', async () => {
      const api = scriptedApi(
        json(400, {
          error: 'validation_error',
          message: 'amount must be positive',
          details: [{ field: 'amount' }],
          requestId: 'req-9',
          timestamp: '2026-01-01T00:00:00.000Z',
        }),
      );
      const failure = await client(api)
        .POST('/v1/payments', { body: PAYMENT })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TenantpayApiError);
      expect(failure).toMatchObject({
        status: 400,
        code: 'validation_error',
        message: 'amount must be positive',
        details: [{ field: 'amount' }],
        requestId: 'req-9',
      });
    });

    it('still gives the status and request id of an answer that is not the API error shape', async () => {
      const api = scriptedApi(
        () => new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'X-Request-Id': 'edge-1' } }),
      );
      await expect(client(api).GET('/v1/payments')).rejects.toMatchObject({
        status: 502,
        code: 'unexpected_response',
        requestId: 'edge-1',
      });
    });
  });

  describe('retries', () => {
    it('repeats a 429 after its Retry-After, with the same Idempotency-Key and body', async () => {
      const api = scriptedApi(
        apiError(429, 'rate_limit_exceeded', { 'Retry-After': '0' }),
        json(201, { id: 'p1' }),
      );
      await expect(client(api).POST('/v1/payments', { body: PAYMENT })).resolves.toEqual({ id: 'p1' });
      expect(api.sent).toHaveLength(2);
      expect(api.sent[1]?.headers.get('Idempotency-Key')).toBe(api.sent[0]?.headers.get('Idempotency-Key'));
      expect(api.sent[1]?.body).toBe(api.sent[0]?.body);
    });

    it('repeats a 503 of a GET or of a POST with an Idempotency-Key', async () => {
      const get = scriptedApi(apiError(503, 'overloaded'), json(200, { data: [] }));
      await client(get).GET('/v1/payments');
      const pay = scriptedApi(apiError(503, 'service_unavailable'), json(201, { id: 'p1' }));
      await client(pay).POST('/v1/payments', { body: PAYMENT });
      expect([get.sent.length, pay.sent.length]).toEqual([2, 2]);
    });

    it('does not repeat a 503 of a POST without an Idempotency-Key (it may have done some work)', async () => {
      const api = scriptedApi(apiError(503, 'service_unavailable'), json(201, {}));
      await expect(
        client(api).POST('/v1/webhook-endpoints', { body: { url: 'https://hooks.test/', events: ['*'] } }),
      ).rejects.toMatchObject({ status: 503, code: 'service_unavailable' });
      expect(api.sent).toHaveLength(1);
    });

    it('gives up after maxRetries and rejects with the last answer', async () => {
      const api = scriptedApi(apiError(429, 'quota_exceeded', { 'Retry-After': '0' }));
      await expect(client(api, { retry: { maxRetries: 2 } }).GET('/v1/payments')).rejects.toMatchObject({
        code: 'quota_exceeded',
      });
      expect(api.sent).toHaveLength(3);
    });

    it('does not wait for a Retry-After beyond maxDelayMs', async () => {
      const api = scriptedApi(apiError(429, 'quota_exceeded', { 'Retry-After': '3600' }));
      await expect(client(api, { retry: { maxDelayMs: 1000 } }).GET('/v1/payments')).rejects.toMatchObject({
        status: 429,
      });
      expect(api.sent).toHaveLength(1);
    });

    it('does not repeat other errors', async () => {
      const api = scriptedApi(apiError(500, 'internal_error'));
      await expect(client(api).GET('/v1/payments')).rejects.toMatchObject({ code: 'internal_error' });
      expect(api.sent).toHaveLength(1);
    });
  });
});
