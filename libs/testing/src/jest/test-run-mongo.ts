import { type MongoEngineKind, type RunningMongo, startMongo } from '@tenantpay/local-services';

import { TEST_ENVIRONMENT_VARIABLES as ENV } from '../test-environment-variables.constant';

const ENGINES: readonly MongoEngineKind[] = ['uri', 'mongod', 'emulator'];

let running: RunningMongo | undefined;

/**
 * One MongoDB for the whole Jest run, shared by every project and worker; test files isolate themselves by
 * database (useTestMongo). Jest runs a globalSetup path once per run even when many projects list it, and
 * workers start after it, so they inherit the published URI.
 */
export async function startTestRunMongo(): Promise<void> {
  running = await startMongo({
    uri: nonEmpty(process.env[ENV.mongodbUri]),
    engine: parseEngine(nonEmpty(process.env[ENV.mongoEngine])),
    mongodBinary: nonEmpty(process.env[ENV.mongodBinary]),
    log: (line) => process.stderr.write(`\n${line}\n`),
  });
  process.env[ENV.testRunMongoUri] = running.uri;
}

export async function stopTestRunMongo(): Promise<void> {
  await running?.stop();
  running = undefined;
}

function parseEngine(value: string | undefined): MongoEngineKind | undefined {
  if (value === undefined) return undefined;
  const engine = ENGINES.find((candidate) => candidate === value);
  if (engine === undefined) {
    throw new Error(`${ENV.mongoEngine}="${value}" is not one of ${ENGINES.join(', ')}`);
  }
  return engine;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}
