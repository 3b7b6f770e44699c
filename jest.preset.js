// Shared Jest settings for every project. TypeScript is compiled by SWC (with decorator metadata, which
// Nest's dependency injection needs); path aliases come from tsconfig.base.json so there is one source.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const { compilerOptions } = JSON.parse(readFileSync(path.join(__dirname, 'tsconfig.base.json'), 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias}$`,
    path.join(__dirname, target),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
    // ESM-only packages that CommonJS code requires (Node 20 loads them with require(esm); Jest cannot):
    // content-disposition 3, which @fastify/static uses to serve the OpenAPI UI's files.
    '^.+/node_modules/content-disposition/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(?:.*/node_modules/)?content-disposition/)'],
  // See jest.config.cjs; repeated here for runs of one project (`nx test <project>`), whose config is the root.
  testTimeout: 30_000,
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Nest and class-transformer read decorator metadata through the Reflect API.
  setupFiles: ['reflect-metadata'],
  // Fails a test whose requests got a response the OpenAPI document does not allow (libs/testing/src/contract).
  setupFilesAfterEnv: [path.join(__dirname, 'libs/testing/src/jest/fail-on-contract-violations.ts')],
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // One MongoDB for the whole run (see libs/testing/src/jest/test-run-mongo.ts). Jest runs each distinct
  // globalSetup path once per run, so every project naming the same file still starts only one server.
  globalSetup: path.join(__dirname, 'libs/testing/src/jest/global-setup.cjs'),
  globalTeardown: path.join(__dirname, 'libs/testing/src/jest/global-teardown.cjs'),
};
