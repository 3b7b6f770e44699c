// Entry point for Jest's globalTeardown (see jest.preset.js). Node's module cache hands back the instance the
// global setup loaded, so the teardown stops the server that setup started.
require('./register-workspace-aliases.cjs');

module.exports = require('./test-run-mongo.ts').stopTestRunMongo;
