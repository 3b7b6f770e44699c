import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { findFreePort, RedisServerProcess } from '@tenantpay/local-services';
import { createRedisClient, type RedisClient, type RedisTopology } from '@tenantpay/platform';

import { testRedisTopology } from '../config/test-redis-topology';

const run = promisify(execFile);
const HOST = '127.0.0.1';

/**
 * A certificate authority and a server certificate for 127.0.0.1 it signed, made with openssl for this run
 * (P-256 keys: quick to generate). Nothing is kept: the folder goes with the test file.
 */
async function makeCertificates(dir: string): Promise<{ ca: string; cert: string; key: string }> {
  const file = (name: string) => join(dir, name);
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run(
    'openssl',
    ['req', '-x509', ...ecKey, '-keyout', file('ca.key'), '-out', file('ca.pem')].concat([
      '-days',
      '1',
      '-subj',
      '/CN=tenantpay-test-ca',
    ]),
  );
  await run(
    'openssl',
    ['req', ...ecKey, '-keyout', file('server.key'), '-out', file('server.csr')].concat([
      '-subj',
      `/CN=${HOST}`,
    ]),
  );
  await writeFile(file('server.ext'), `subjectAltName=IP:${HOST}\n`);
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    file('server.ext'),
    '-out',
    file('server.pem'),
  ]);
  return { ca: file('ca.pem'), cert: file('server.pem'), key: file('server.key') };
}

function clientOf(topology: RedisTopology): RedisClient {
  const client = createRedisClient(topology, 'tls-spec', { retryStrategy: () => null });
  client.on('error', () => undefined);
  return client;
}

/**
 * TLS for real against a redis-server built with TLS (this one is: `--tls-port`), on one server. A cluster's
 * TLS options take the same path (every node's `redisOptions`), checked in create-redis-client.spec.ts.
 */
describe('Redis over TLS (rediss:// with REDIS_TLS_CA_FILE)', () => {
  let dir: string;
  let server: RedisServerProcess;
  let tlsPort: number;
  let ca: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tenantpay-redis-tls-'));
    const certificates = await makeCertificates(dir);
    ca = certificates.ca;
    tlsPort = await findFreePort(HOST);
    // The plain port stays open for the harness's readiness probe; clients here use the TLS port only.
    server = await RedisServerProcess.start({
      extraArguments: [
        '--tls-port',
        String(tlsPort),
        '--tls-cert-file',
        certificates.cert,
        '--tls-key-file',
        certificates.key,
        '--tls-ca-cert-file',
        certificates.ca,
        '--tls-auth-clients',
        'no',
      ],
    });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('connects with the configured authorities and serves commands', async () => {
    const client = clientOf(
      testRedisTopology({ REDIS_URL: `rediss://${HOST}:${tlsPort}`, REDIS_TLS_CA_FILE: ca }),
    );
    try {
      await client.connect();
      await client.set('tls-spec:{t}', 'over tls');
      expect(await client.get('tls-spec:{t}')).toBe('over tls');
    } finally {
      client.disconnect();
    }
  });

  it("refuses a server whose certificate Node's default authorities do not vouch for", async () => {
    const client = createRedisClient(
      testRedisTopology({ REDIS_URL: `rediss://${HOST}:${tlsPort}` }),
      'tls-spec',
      {
        retryStrategy: () => null,
      },
    );
    const errors: Error[] = [];
    client.on('error', (error: Error) => errors.push(error));
    try {
      await expect(client.connect()).rejects.toThrow();
      expect(errors.map((error) => error.message)).toContainEqual(expect.stringMatching(/certificate/i));
    } finally {
      client.disconnect();
    }
  });
});
