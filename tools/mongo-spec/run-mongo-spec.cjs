#!/usr/bin/env node
// `npm run test:mongo-spec`: MongoDB's own driver specification tests (CRUD, transactions) against this
// checkout's libs/mongo-emulator, through the runner kept outside the repository (its README says how it
// counts). Where the runner lives: MONGO_SPEC_HOME, default ../shared/mongo-spec beside the repository.
// Runner variables (MONGO_SPEC_OUT, MONGO_SPEC_SUITES, MONGO_SPEC_ARGS) pass through.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const repository = path.resolve(__dirname, '..', '..');
const home = path.resolve(repository, process.env.MONGO_SPEC_HOME || path.join('..', 'shared', 'mongo-spec'));
const runner = path.join(home, 'run.sh');

if (!existsSync(runner)) {
  process.stderr.write(
    `test:mongo-spec: no spec runner at ${runner}.\n` +
      'Set MONGO_SPEC_HOME to the folder holding run.sh (the mongo-spec runner with its copy of\n' +
      'github.com/mongodb/specifications), or place it at ../shared/mongo-spec beside the repository.\n',
  );
  process.exit(2);
}

const result = spawnSync('bash', [runner, repository], { stdio: 'inherit' });
if (result.error) {
  process.stderr.write(`test:mongo-spec: could not run ${runner}: ${result.error.message}\n`);
  process.exit(2);
}
process.exit(result.status ?? 1);
