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

  // These connections write usage increments. One whose reply a dropped connection lost must fail to its
  // caller, whose replay waits for the usage baseline; a copy resent by the client on reconnecting would land
  // in a hash Redis may have rebuilt meanwhile, where it could be counted a second time. On one server only:
  // CLIENT PAUSE and CLIENT KILL act on one node.
  const onOneServer = process.env['REDIS_TEST_TOPOLOGY'] === 'cluster' ? it.skip : it;
  onOneServer(
    'does not send a command again after reconnecting when its connection dropped before the reply',
    async () => {
      const connection = pool.connections[0] as Redis;
      const admin = new Redis(server.url);
      const key = `${server.keyPrefix}sent-once`;
      try {
        const id = await connection.client('ID');
        // The server holds the write unexecuted until the connection that sent it is gone.
        await admin.client('PAUSE', 5_000, 'WRITE');
        const reply = connection.incr(key);
        reply.catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await admin.client('KILL', 'ID', String(id));
        await admin.client('UNPAUSE');
        await expect(reply).rejects.toThrow();
        // Well past the client's reconnection (200 ms) and its command timeout.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(connection.status).toBe('ready');
        expect(await admin.get(key)).toBeNull();
      } finally {
        admin.disconnect();
      }
    },
  );

  it('refuses a pool without connections', () => {
    expect(() => RedisConnectionPool.create(server.topology, 'pool-spec-empty', 0)).toThrow(/at least one/);
  });
});
