#!/usr/bin/env node
// `npm run test:redis-cluster`: the Redis-sensitive specs (redis-sensitive-specs.cjs) with
// REDIS_TEST_TOPOLOGY=cluster, so each file gets its own local Redis Cluster. Further arguments go to Jest
// (CI adds `--ci --json --outputFile=…`).
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const specs = require('./redis-sensitive-specs.cjs');

const repository = path.resolve(__dirname, '..', '..');
const result = spawnSync(
  process.execPath,
  [require.resolve('jest/bin/jest'), ...specs, ...process.argv.slice(2)],
  { cwd: repository, stdio: 'inherit', env: { ...process.env, REDIS_TEST_TOPOLOGY: 'cluster' } },
);
if (result.error) {
  process.stderr.write(`test:redis-cluster: could not run Jest: ${result.error.message}\n`);
  process.exit(2);
}
process.exit(result.status ?? 1);
