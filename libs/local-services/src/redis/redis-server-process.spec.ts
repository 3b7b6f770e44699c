import { once } from 'node:events';
import { connect } from 'node:net';

import Redis from 'ioredis';

import { RedisServerNotInstalledException } from './redis-server-not-installed.exception';
import { RedisServerProcess } from './redis-server-process';

describe('RedisServerProcess', () => {
  let server: RedisServerProcess;
  const clients: Redis[] = [];
  const clientOf = (target: RedisServerProcess): Redis => {
    const client = new Redis(target.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await RedisServerProcess.start();
  });
  afterEach(async () => {
    await Promise.all(
      clients.splice(0).map((client) => (client.status === 'end' ? undefined : client.quit())),
    );
  });
  afterAll(async () => {
    await server.stop();
  });

  it('serves commands on 127.0.0.1 at the port in its url', async () => {
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    await expect(clientOf(server).ping()).resolves.toBe('PONG');
  });

  it('runs without persistence', async () => {
    const client = clientOf(server);
    await expect(client.config('GET', 'save')).resolves.toEqual(['save', '']);
    await expect(client.config('GET', 'appendonly')).resolves.toEqual(['appendonly', 'no']);
  });

  it('restart() comes back on the same port with no data', async () => {
    const port = server.port;
    const beforeRestart = clientOf(server);
    await beforeRestart.set('survives-restart', 'no');
    await beforeRestart.quit();

    await server.restart();

    expect(server.port).toBe(port);
    await expect(clientOf(server).get('survives-restart')).resolves.toBeNull();
  });

  it('stop() leaves nothing listening, and is safe to call twice', async () => {
    const stopped = await RedisServerProcess.start();
    await stopped.stop();
    await stopped.stop();

    const connection = connect({ host: '127.0.0.1', port: stopped.port });
    const [error] = (await once(connection, 'error')) as [NodeJS.ErrnoException];
    expect(error.code).toBe('ECONNREFUSED');
  });

  it('explains how to install redis-server when the binary is missing', async () => {
    const start = RedisServerProcess.start({ binary: 'redis-server-that-does-not-exist' });
    await expect(start).rejects.toBeInstanceOf(RedisServerNotInstalledException);
    await expect(start).rejects.toThrow('install redis-server: apt-get install redis-server');
  });

  it('fails with the server output when its port is taken, instead of mistaking the other server for itself', async () => {
    await expect(RedisServerProcess.start({ port: server.port })).rejects.toThrow(
      /exited during startup[^]*in use/,
    );
  });
});
