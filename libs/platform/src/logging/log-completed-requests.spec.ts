import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { logCompletedRequests } from './log-completed-requests';
import { REDACTED_LOG_PATHS } from './redacted-log-paths.constant';

describe('logCompletedRequests', () => {
  let lines: Record<string, unknown>[];
  let fastify: FastifyInstance;

  beforeEach(async () => {
    lines = [];
    const logger = pino(
      { level: 'info', redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' } },
      { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    fastify = Fastify({ genReqId: () => 'req-1' });
    logCompletedRequests(fastify, logger);
    fastify.get('/health/live', async () => ({ status: 'ok' }));
    fastify.get('/v1/things', async () => ({ ok: true }));
    fastify.get('/v1/missing', async (_request, reply) => reply.code(404).send({ error: 'not_found' }));
    fastify.get('/v1/down', async (_request, reply) => reply.code(503).send({ error: 'down' }));
    fastify.get('/v1/broken', async () => {
      throw new Error('boom');
    });
    await fastify.ready();
  });

  afterEach(() => fastify.close());

  it('writes one line per answered request, with its id, route, status and time, and no headers', async () => {
    await fastify.inject({
      method: 'GET',
      url: '/v1/things?limit=2',
      headers: { host: 'bank1.example.com', authorization: 'Bearer secret', 'x-api-key': 'secret' },
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        requestId: 'req-1',
        req: {
          method: 'GET',
          url: '/v1/things',
          host: 'bank1.example.com',
          remoteAddress: '127.0.0.1',
        },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('leaves the query string out, where emailed links carry single-use tokens', async () => {
    await fastify.inject({ method: 'GET', url: '/v1/things?token=inv_single-use-secret' });
    expect(lines).toEqual([expect.objectContaining({ req: expect.objectContaining({ url: '/v1/things' }) })]);
    expect(JSON.stringify(lines)).not.toContain('inv_single-use-secret');
  });

  it('logs refusals as warnings, a 503 too, and other server errors as errors', async () => {
    await fastify.inject({ method: 'GET', url: '/v1/missing' });
    await fastify.inject({ method: 'GET', url: '/v1/down' });
    await fastify.inject({ method: 'GET', url: '/v1/broken' });
    expect(lines.map((line) => [line['level'], line['msg']])).toEqual([
      [40, 'request completed'],
      [40, 'request errored'],
      [50, 'request errored'],
    ]);
  });

  it('does not log liveness probes', async () => {
    await fastify.inject({ method: 'GET', url: '/health/live' });
    expect(lines).toEqual([]);
  });
});
