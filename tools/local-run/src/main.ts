/**
 * `npm start`: runs the API and the worker as a user would on one machine. MongoDB and Redis come from
 * MONGODB_URI / REDIS_URL when set; otherwise embedded ones are started (a real mongod when this machine
 * has one, else the in-process engine; the local redis-server binary) and stopped again on exit. The embedded
 * ones keep their data in LOCAL_DATA_DIR (default .data/) across runs. Without SMTP_URL (outside production) an
 * embedded SMTP sink captures every email, which the API shows at /dev/mailbox.
 *
 * `npm run start:scaled` (`--api N --workers M`) runs N API instances on free ports behind a round-robin
 * balancer on API_PORT, and M workers, against the same MongoDB and Redis: a scaled deployment on one machine.
 *
 * The first Ctrl-C (or SIGTERM, SIGHUP) stops everything in order: the API, the worker, then Redis and the
 * MongoDB engine, each app killed if it has not stopped within its grace period; a second Ctrl-C kills at
 * once. If one of the apps dies on its own, the launcher says which and why, and stops the rest.
 */
import 'reflect-metadata';
import { type RunningMongo, RedisServerProcess, SmtpSink, startMongo } from '@tenantpay/local-services';
import { API_LISTENING_MESSAGE, type AppConfig, loadConfigOrExit } from '@tenantpay/platform';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { findTakenPorts } from './find-taken-ports';
import { keptDevelopmentWebhookKey } from './kept-development-webhook-key';
import { type LaunchOptions, parseLaunchOptions } from './launch-options';
import { ProcessSupervisor, type SupervisedExit } from './process-supervisor';
import { RoundRobinBalancer } from './round-robin-balancer';
import { seedDemo } from './seed-demo';

const workspaceRoot = path.resolve(__dirname, '../../../..');
const say = (line: string) => process.stdout.write(`[tenantpay] ${line}\n`);
/** Past an app's own shutdown bounds, how long it may take to close its connections before it is killed. */
const STOP_MARGIN_MS = 5_000;
const STOP_ORDER = ['api', 'worker'];

/**
 * The user's settings, validated before anything starts. The three values the launcher supplies itself
 * (databases it may start, development keys it may generate) get stand-ins that pass validation.
 */
function settingsBeforeStart(): AppConfig {
  return loadConfigOrExit({
    ...process.env,
    MONGODB_URI: process.env['MONGODB_URI'] || 'mongodb://127.0.0.1:27017/not-started-yet',
    REDIS_URL: process.env['REDIS_URL'] || 'redis://127.0.0.1:6379',
    JWT_SIGNING_KEYS: process.env['JWT_SIGNING_KEYS'] || `dev:${'x'.repeat(32)}`,
    PAYMENTS_GATEWAY: localGateway(),
  });
}

async function main(): Promise<void> {
  const launch = launchOptionsOrExit();
  const settings = settingsBeforeStart();
  const scaled = launch.apiInstances > 1 || launch.workerInstances > 1;
  // Scaled, the instances take free ports and only API_PORT (the balancer's) is the user's.
  const taken = await findTakenPorts([
    { setting: 'API_PORT', port: settings.http.port, host: settings.http.host },
    ...(scaled
      ? []
      : [
          { setting: 'METRICS_PORT', port: settings.http.metricsPort },
          { setting: 'WORKER_METRICS_PORT', port: settings.worker.metricsPort },
        ]),
  ]);
  if (taken.length > 0) {
    for (const use of taken) {
      say(
        `port ${use.port} (${use.setting}) is already in use by another process: stop it or set ${use.setting}`,
      );
    }
    say('nothing was started');
    process.exit(1);
  }

  let stopping = false;
  const supervisor = new ProcessSupervisor((exit) => {
    if (stopping) return;
    say(describeExit(exit));
    void stopAll(1);
  });
  // Pending starts are awaited, so a Ctrl-C while Redis is starting still stops Redis.
  const dataDir = path.resolve(workspaceRoot, settings.localRun.dataDir);
  const mongoStarting = embeddedOrGivenMongo(dataDir);
  const redisStarting = mongoStarting.then((mongo) => embeddedOrGivenRedis(mongo, dataDir));
  const mailStarting = embeddedOrGivenSmtp(settings, dataDir);
  let balancer: RoundRobinBalancer | undefined;
  const stopAll = async (exitCode: number) => {
    stopping = true;
    say('stopping: api, worker, then Redis and MongoDB (Ctrl+C again to kill at once)…');
    await balancer?.close();
    await supervisor.stopAll(STOP_ORDER);
    await (await redisStarting.catch(() => undefined))?.stop();
    await (await mongoStarting.catch(() => undefined))?.stop();
    await (await mailStarting.catch(() => undefined))?.stop();
    say('stopped');
    process.exit(exitCode);
  };
  const onSignal = () => {
    if (!stopping) return void stopAll(0);
    say('killing what is still running');
    supervisor.killAll();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

  try {
    const [mongo, redis, mail] = await Promise.all([mongoStarting, redisStarting, mailStarting]);
    const environment = {
      ...process.env,
      MONGODB_URI: mongo.uri,
      REDIS_URL: redis.url,
      API_PORT: String(settings.http.port),
      JWT_SIGNING_KEYS: process.env['JWT_SIGNING_KEYS'] || developmentSigningKey(),
      WEBHOOK_SECRET_ENCRYPTION_KEY:
        process.env['WEBHOOK_SECRET_ENCRYPTION_KEY'] || (await developmentWebhookKey(dataDir)),
      PAYMENTS_GATEWAY_WEBHOOK_SECRET:
        process.env['PAYMENTS_GATEWAY_WEBHOOK_SECRET'] || developmentGatewayWebhookSecret(),
      PAYMENTS_GATEWAY: localGateway(),
      ...mail.environment,
      // Links in emails open the tenant's host on this machine: http://{slug}.localhost:{API_PORT}.
      TENANT_LINK_SCHEME: process.env['TENANT_LINK_SCHEME'] || 'http',
      TENANT_LINK_PORT: process.env['TENANT_LINK_PORT'] || String(settings.http.port),
    };
    const config = loadConfigOrExit(environment);
    const demo = await seedDemo(config);
    if (stopping) return;

    const appStopTimeoutMs = config.shutdownReadinessDelayMs + config.shutdownGraceMs + STOP_MARGIN_MS;
    // Scaled: every instance's ports from one request to the OS, so no two of them can collide.
    const free = scaled ? await freePorts(2 * launch.apiInstances + launch.workerInstances) : [];
    const apiPorts = scaled ? free.slice(0, launch.apiInstances) : [settings.http.port];
    const apis = apiPorts.map((port, index) => {
      const name = scaled ? `api-${index + 1}` : 'api';
      const ports = scaled
        ? { API_PORT: String(port), METRICS_PORT: String(free[launch.apiInstances + index]) }
        : {};
      return {
        port,
        child: startApp(supervisor, name, 'api', { ...environment, ...ports }, appStopTimeoutMs),
      };
    });
    for (let index = 0; index < launch.workerInstances; index++) {
      const name = scaled ? `worker-${index + 1}` : 'worker';
      const ports = scaled ? { WORKER_METRICS_PORT: String(free[2 * launch.apiInstances + index]) } : {};
      startApp(supervisor, name, 'worker', { ...environment, ...ports }, appStopTimeoutMs);
    }

    // Readiness is asked only once an API child says it listens: an answer on the port is then its own.
    for (const { port, child } of apis) {
      const [message] = (await once(child, 'message')) as [unknown];
      if (message !== API_LISTENING_MESSAGE)
        throw new Error(`unexpected message from the API: ${String(message)}`);
      await waitUntilReady(`http://127.0.0.1:${port}/health/ready`, () => stopping);
    }
    if (stopping) return;
    if (scaled) balancer = await RoundRobinBalancer.start(settings.http.port, apiPorts);
    for (const line of demo) say(line);
    if (mail.environment.DEV_MAILBOX_DIR !== undefined)
      say(
        `email: captured by the embedded SMTP sink; read it at http://localhost:${settings.http.port}/dev/mailbox/page (JSON: /dev/mailbox)`,
      );
    say(
      scaled
        ? `ready: ${launch.apiInstances} API instances (ports ${apiPorts.join(', ')}) behind http://localhost:` +
            `${settings.http.port}, ${launch.workerInstances} workers; Ctrl+C stops everything`
        : `ready: API on http://localhost:${settings.http.port} (GET /health/ready), metrics on ports ` +
            `${settings.http.metricsPort} (api) and ${settings.worker.metricsPort} (worker); Ctrl+C stops everything`,
    );
  } catch (error) {
    if (stopping) return;
    say(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
}

function describeExit(exit: SupervisedExit): string {
  const how = exit.signal === null ? `exit code ${exit.code}` : `signal ${exit.signal}`;
  return `${exit.name} stopped unexpectedly (${how})${exit.lastError === undefined ? '' : `: ${exit.lastError}`}; stopping everything`;
}

/** A fresh random key per run: tokens die with the run, and no shared default secret exists to leak. */
function developmentSigningKey(): string {
  say('JWT_SIGNING_KEYS not set: signing tokens with a random key for this run only');
  return `dev:${randomBytes(32).toString('base64url')}`;
}

async function developmentWebhookKey(dataDir: string): Promise<string> {
  const { key, created } = await keptDevelopmentWebhookKey(dataDir);
  say(
    `WEBHOOK_SECRET_ENCRYPTION_KEY not set: ${created ? 'created' : 'using'} a development key kept in ${dataDir}`,
  );
  return key;
}

/**
 * Printed because whoever plays the gateway locally (curl, a gateway sandbox) must sign with it; one value
 * passed to both processes, so the API instances of this run agree on it.
 */
function developmentGatewayWebhookSecret(): string {
  const secret = randomBytes(32).toString('hex');
  say(
    `PAYMENTS_GATEWAY_WEBHOOK_SECRET not set: gateway webhooks are signed with ${secret} for this run only`,
  );
  return secret;
}

async function embeddedOrGivenMongo(dataDir: string): Promise<RunningMongo> {
  return startMongo({
    uri: process.env['MONGODB_URI'] || undefined,
    dataDir: path.join(dataDir, 'mongodb'),
    emulatorDataDir: path.join(dataDir, 'mongo-emulator'),
    log: say,
  });
}

/** Local runs state the simulator as their choice; a deployment must state its own. */
function localGateway(): string {
  return process.env['PAYMENTS_GATEWAY'] || 'simulated';
}

async function embeddedOrGivenRedis(
  mongo: RunningMongo,
  dataDir: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env['REDIS_URL'];
  if (given) {
    say('Redis: REDIS_URL');
    return { url: given, stop: async () => undefined };
  }
  // AOF beside a persistent MongoDB; beside an in-memory one a fresh directory each run, so cached tenants and
  // counters never name tenants of a previous run. Its own process group: Ctrl-C must not stop Redis before the
  // apps that write to it.
  const redisDir = path.join(dataDir, mongo.persistent ? 'redis' : 'redis-this-run');
  if (!mongo.persistent) await rm(redisDir, { recursive: true, force: true });
  const server = await RedisServerProcess.start({ dataDir: redisDir, ownProcessGroup: true });
  say(`Redis: embedded redis-server at ${server.url} (AOF in ${redisDir}; set REDIS_URL to use another)`);
  return server;
}

interface MailSetup {
  readonly environment: { SMTP_URL?: string; DEV_MAILBOX_DIR?: string };
  stop(): Promise<void>;
}

/**
 * SMTP_URL when given; otherwise (never in production, where the config requires it) an embedded SMTP sink on
 * loopback whose captured messages, one JSON file each in a fresh folder per run, the API serves in development.
 */
async function embeddedOrGivenSmtp(settings: AppConfig, dataDir: string): Promise<MailSetup> {
  if (settings.mail.smtpUrl !== null) {
    say('Email: SMTP_URL');
    return { environment: {}, stop: async () => undefined };
  }
  const directory = path.join(dataDir, 'mailbox-this-run');
  await rm(directory, { recursive: true, force: true });
  const sink = await SmtpSink.start({ directory });
  say(`Email: embedded SMTP sink at ${sink.url} (set SMTP_URL to send real email)`);
  return { environment: { SMTP_URL: sink.url, DEV_MAILBOX_DIR: directory }, stop: () => sink.stop() };
}

function launchOptionsOrExit(): LaunchOptions {
  try {
    return parseLaunchOptions(process.argv.slice(2));
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    return process.exit(1);
  }
}

/** Ports free right now, handed out by the OS; a scaled run's instances listen on them. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve) => {
          const server = createServer();
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

function startApp(
  supervisor: ProcessSupervisor,
  name: string,
  app: 'api' | 'worker',
  environment: NodeJS.ProcessEnv,
  stopTimeoutMs: number,
): ChildProcess {
  const entry = path.join(workspaceRoot, 'dist', 'apps', app, 'src', 'main.js');
  return supervisor.start(name, process.execPath, [entry], { env: environment, stopTimeoutMs });
}

async function waitUntilReady(url: string, cancelled: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cancelled()) {
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

main().catch((error: unknown) => {
  say(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
