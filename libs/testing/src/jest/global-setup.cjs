// Entry point for Jest's globalSetup (see jest.preset.js); the work happens in test-run-mongo.ts.
require('./register-workspace-aliases.cjs');

module.exports = require('./test-run-mongo.ts').startTestRunMongo;
