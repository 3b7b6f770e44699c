import { RedisConnectionPool } from '@tenantpay/platform';
import { useTestRedis } from '@tenantpay/testing';
import { Redis } from 'ioredis';

/** The limiter's connections (the pool lives in the platform library, which cannot depend on the test harness). */
describe('RedisConnectionPool', () => {
  let pool: RedisConnectionPool;
  // Declared before useTestRedis so it runs before the file's redis-server is stopped.
  afterAll(async () => {
    await pool.close();
  });
  const server = useTestRedis();

  beforeAll(async () => {
    pool = RedisConnectionPool.create(server.topology, 'pool-spec', 2);
    await pool.connect();
  });

  it('hands out its connections in turn', () => {
    const [first, second] = pool.connections;
    const picked = [pool.next(), pool.next(), pool.next(), pool.next()];
    expect(picked).toEqual([first, second, first, second]);
  });

  it('holds each socket corked until the next check phase, so the turn’s commands leave in one write', async () => {
    // As the admission gate hands requests on: each in its own setImmediate callback, with Node's nextTick
    // queue drained after each one.
    const sendFromImmediate = (index: number) =>
      new Promise<{ reply: Promise<string> }>((resolve) =>
        setImmediate(() => resolve({ reply: pool.next().echo(`m${index}`) })),
      );
    const sent = await Promise.all(Array.from({ length: 6 }, (_, index) => sendFromImmediate(index)));
    // A cluster client has no one socket: it batches per node by auto-pipelining instead.
    const sockets = pool.connections.flatMap((connection) =>
      connection instanceof Redis ? [connection.stream] : [],
    );
    for (const socket of sockets) expect(socket.writableCorked).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    for (const socket of sockets) expect(socket.writableCorked).toBe(0);
    await expect(Promise.all(sent.map(({ reply }) => reply))).resolves.toEqual([
      'm0',
      'm1',
      'm2',
      'm3',
      'm4',
      'm5',
    ]);
  });

  it('never rejects connecting, even when Redis is unreachable', async () => {
    const unreachable = RedisConnectionPool.create(
      { kind: 'standalone', url: 'redis://127.0.0.1:1' },
      'pool-spec-unreachable',
      1,
    );
    unreachable.connections[0].on('error', () => undefined);
    await expect(unreachable.connect()).resolves.toBeUndefined();
    await unreachable.close();
  });

  it('refuses a pool without connections', () => {
    expect(() => RedisConnectionPool.create(server.topology, 'pool-spec-empty', 0)).toThrow(/at least one/);
  });
});
