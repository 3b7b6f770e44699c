import { once } from 'node:events';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

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

  it('with a data directory, runs with AOF fsynced every second and keeps its data through a SIGKILL', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'redis-aof-'));
    const persistent = await RedisServerProcess.start({ dataDir });
    try {
      const client = clientOf(persistent);
      await expect(client.config('GET', 'appendonly')).resolves.toEqual(['appendonly', 'yes']);
      await expect(client.config('GET', 'appendfsync')).resolves.toEqual(['appendfsync', 'everysec']);
      await expect(client.config('GET', 'dir')).resolves.toEqual(['dir', await realpath(dataDir)]);
      await client.set('survives-crash', 'yes');
      await delay(1_500); // one `everysec` fsync
      await client.quit();

      await persistent.kill();
      await persistent.restart();

      await expect(clientOf(persistent).get('survives-crash')).resolves.toBe('yes');
    } finally {
      await persistent.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
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
