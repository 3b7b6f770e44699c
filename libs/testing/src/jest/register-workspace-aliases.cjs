// Jest loads globalSetup/globalTeardown with the project's transform but with Node's own resolver, which does not
// know the `@tenantpay/*` aliases that moduleNameMapper gives test files. This teaches Node the same aliases, read
// from the same tsconfig.base.json, for the global hooks only.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const workspaceRoot = path.join(__dirname, '../../../..');
const { compilerOptions } = JSON.parse(readFileSync(path.join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
const aliasTargets = new Map(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(workspaceRoot, target)]),
);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveWorkspaceAlias(request, ...rest) {
  return resolveFilename.call(this, aliasTargets.get(request) ?? request, ...rest);
};
