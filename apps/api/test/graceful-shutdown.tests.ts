import { TenantUserRole } from '@tenantpay/identity';
import { Tier } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiApplication } from '../src/create-api-application';
import { shutDownApi } from '../src/shut-down-api';
import { seedTenant } from './identity-test-app';
import { newPayment, userToken } from './payments-test-app';

type Outcome =
  { status: number; connection: string | undefined } | { error: string; onReusedConnection: boolean };

/** One request on a kept-alive connection of `agent`: its status, or the client-side error and connection. */
function post(port: number, agent: Agent, path: string, headers: Record<string, string>, body: unknown) {
  return new Promise<Outcome>((resolve) => {
    const payload = JSON.stringify(body);
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }),
        );
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message, onReusedConnection: outgoing.reusedSocket }),
    );
    outgoing.end(payload);
  });
}

function get(port: number, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return fetch(`http://127.0.0.1:${port}${path}`).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
  }));
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe('graceful shutdown of the API (SIGTERM path: shutDownApi)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();

  async function listeningApi(variables: Record<string, string>) {
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url, ...variables });
    const app = await createApiApplication(config);
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    return { app, port };
  }

  it('answers every request that reached the server during a burst of payment creations', async () => {
    const { app, port } = await listeningApi({ SHUTDOWN_GRACE_MS: '20000' });
    const tenant = await seedTenant(app, Tier.Professional);
    const { auth } = await userToken(app, tenant, 'burst@shutdown.test', TenantUserRole.Admin);
    let reached = 0;
    app.getHttpServer().on('request', () => (reached += 1));

    // Twenty kept-alive connections carry sixty creations, so connections are busy and reused when the drain starts.
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    const burst = Array.from({ length: 60 }, () => post(port, agent, '/v1/payments', auth, newPayment()));
    await until(() => reached >= 10);
    const shutdown = shutDownApi(app);
    const outcomes = await Promise.all(burst);
    await shutdown;
    agent.destroy();

    const answered = outcomes.filter(
      (outcome): outcome is Extract<Outcome, { status: number }> => 'status' in outcome,
    );
    const failed = outcomes.filter(
      (outcome): outcome is Extract<Outcome, { error: string }> => 'error' in outcome,
    );
    // Every request the server saw was served in full, none cut or refused halfway.
    expect(answered).toHaveLength(reached);
    expect(answered.every((outcome) => outcome.status === 201)).toBe(true);
    // The others never reached it: new connections once it stopped accepting (refused, or reset by the kernel
    // while still in the listen backlog), never a request on a connection it had been serving.
    expect(failed.filter((outcome) => outcome.onReusedConnection)).toEqual([]);
    expect(failed.every((outcome) => ['ECONNREFUSED', 'ECONNRESET'].includes(outcome.error))).toBe(true);
    // Responses sent while draining tell the client not to reuse the connection.
    expect(answered.some((outcome) => outcome.connection === 'close')).toBe(true);
  });

  it('answers readiness with 503 first, while it still serves, then stops accepting connections', async () => {
    const { app, port } = await listeningApi({ SHUTDOWN_READINESS_DELAY_MS: '1500' });
    expect((await get(port, '/health/ready')).status).toBe(200);

    const shutdown = shutDownApi(app);
    const ready = await get(port, '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      error: 'not_ready',
      details: [{ field: 'instance', issue: 'shutting_down' }],
    });
    expect((await get(port, '/health/live')).status).toBe(200);

    await shutdown;
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
  });
});
