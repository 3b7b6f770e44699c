/**
 * `npm start`: runs the API and the worker as a user would on one machine. MongoDB and Redis come from
 * MONGODB_URI / REDIS_URL when set; otherwise embedded ones are started (a real mongod when this machine
 * has one, else the in-process engine; the local redis-server binary) and stopped again on exit.
 */
import 'reflect-metadata';
import { type RunningMongo, RedisServerProcess, startMongo } from '@tenantpay/local-services';
import { loadConfigOrExit } from '@tenantpay/platform';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { seedDemo } from './seed-demo';

const workspaceRoot = path.resolve(__dirname, '../../../..');
const say = (line: string) => process.stdout.write(`[tenantpay] ${line}\n`);

async function main(): Promise<void> {
  const apiPort = process.env['API_PORT'] ?? '3000';
  const mongo = await embeddedOrGivenMongo();
  const redis = await embeddedOrGivenRedis(mongo);
  const environment = {
    ...process.env,
    MONGODB_URI: mongo.uri,
    REDIS_URL: redis.url,
    API_PORT: apiPort,
    JWT_SIGNING_KEYS: process.env['JWT_SIGNING_KEYS'] || developmentSigningKey(),
    WEBHOOK_SECRET_ENCRYPTION_KEY: process.env['WEBHOOK_SECRET_ENCRYPTION_KEY'] || developmentWebhookKey(),
    PAYMENTS_GATEWAY_WEBHOOK_SECRET:
      process.env['PAYMENTS_GATEWAY_WEBHOOK_SECRET'] || developmentGatewayWebhookSecret(),
    // Local runs state the simulator as their choice; a deployment must state its own.
    PAYMENTS_GATEWAY: process.env['PAYMENTS_GATEWAY'] || 'simulated',
  };
  const demo = await seedDemo(loadConfigOrExit(environment));
  const apps = [startApp('api', environment), startApp('worker', environment)];

  let stopping = false;
  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all(apps.map(stopApp));
    await redis.stop();
    await mongo.stop();
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  for (const app of apps) {
    app.once('exit', (code) => {
      if (!stopping) say(`${app.spawnargs.at(-1)} exited unexpectedly (code ${code}); stopping everything`);
      void stopAll(1);
    });
  }

  await waitUntilReady(`http://127.0.0.1:${apiPort}/health/ready`);
  for (const line of demo) say(line);
  say(`ready: API on http://localhost:${apiPort} (GET /health/ready), worker running; Ctrl+C stops both`);
}

/** A fresh random key per run: tokens die with the run, and no shared default secret exists to leak. */
function developmentSigningKey(): string {
  say('JWT_SIGNING_KEYS not set: signing tokens with a random key for this run only');
  return `dev:${randomBytes(32).toString('base64url')}`;
}

/** Webhook secrets encrypted under it live in the run's (in-memory or dev) database only. */
function developmentWebhookKey(): string {
  say('WEBHOOK_SECRET_ENCRYPTION_KEY not set: using a random key for this run only');
  return randomBytes(32).toString('base64');
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

async function embeddedOrGivenMongo(): Promise<RunningMongo> {
  const running = await startMongo({
    uri: process.env['MONGODB_URI'] || undefined,
    dataDir: path.join(workspaceRoot, '.data', 'mongodb'),
    log: say,
  });
  if (running.kind === 'emulator') {
    say('************************************************************************');
    say('* No mongod on this machine: using the in-process MongoDB engine.      *');
    say('* Data is kept IN MEMORY ONLY and is lost when this process stops.     *');
    say('* Set MONGODB_URI to use a real MongoDB.                               *');
    say('************************************************************************');
  }
  return running;
}

/**
 * The embedded Redis runs with AOF, as production must. Its data outlives the run only when MongoDB's does:
 * beside the in-memory engine, counters, cached tenants and sessions of a previous run would name tenants
 * that no longer exist, so that run's data directory is emptied first.
 */
async function embeddedOrGivenRedis(mongo: RunningMongo): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env['REDIS_URL'];
  if (given) {
    say('Redis: REDIS_URL');
    return { url: given, stop: async () => undefined };
  }
  const persistent = mongo.kind !== 'emulator';
  const dataDir = path.join(workspaceRoot, '.data', persistent ? 'redis' : 'redis-this-run');
  if (!persistent) await rm(dataDir, { recursive: true, force: true });
  const server = await RedisServerProcess.start({ dataDir });
  say(`Redis: embedded redis-server at ${server.url} (AOF in ${dataDir}; set REDIS_URL to use another)`);
  return server;
}

function startApp(name: 'api' | 'worker', environment: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [path.join(workspaceRoot, 'dist', 'apps', name, 'src', 'main.js')], {
    env: environment,
    stdio: 'inherit',
  });
}

async function stopApp(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null || app.signalCode !== null) return;
  app.kill('SIGTERM');
  await once(app, 'exit');
}

async function waitUntilReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
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
