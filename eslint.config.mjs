// Lint rules that keep the architecture visible: libraries are reached only through their public entry
// point, dependencies point one way (apps → feature libs → core), test-only and tooling code never reaches
// production code, and libraries never read process.env (configuration arrives by injection).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const productionConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:core'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:core'] },
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'] },
  // The client SDK an integrating bank installs: it stands alone, never reaching the server's libraries.
  { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: [] },
  // The staff console runs in the browser and reaches the server only over HTTP, through the SDK.
  { sourceTag: 'type:frontend', onlyDependOnLibsWithTags: ['type:sdk'] },
  // Local stand-ins for MongoDB and Redis (the embedded run and the test harness) and integration examples;
  // never used by the product.
  {
    sourceTag: 'type:tooling',
    onlyDependOnLibsWithTags: ['type:feature', 'type:core', 'type:tooling', 'type:sdk'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:feature', 'type:core', 'type:tooling', 'type:testing', 'type:sdk'],
  },
];
// Specs and benchmarks may additionally use the testing library and the SDK (to act as an integrator would);
// the SDK's own specs check it against the server's code (they sign with the server's webhook signer).
const testConstraints = productionConstraints.map((c) => {
  if (c.sourceTag === 'type:testing') return c;
  const extra = c.sourceTag === 'type:sdk' ? ['type:testing', 'type:feature', 'type:core'] : ['type:testing'];
  return {
    ...c,
    onlyDependOnLibsWithTags: [...new Set([...c.onlyDependOnLibsWithTags, ...extra, 'type:sdk'])],
  };
});
const testFiles = ['**/*.spec.ts', '**/test/**/*.ts'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/tmp/**', '**/.nx/**', '**/coverage/**', '**/.data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: false,
          depConstraints: productionConstraints,
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@tenantpay/*/*'], message: 'Import a library through its index.' }] },
      ],
    },
  },
  {
    files: testFiles,
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: false,
          depConstraints: testConstraints,
        },
      ],
    },
  },
  {
    // What an integrator installs: openapi-fetch and Node's built-ins, nothing of the server (Nest, Mongoose, …).
    files: ['libs/sdk/src/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!openapi-fetch$|node:|\\.{1,2}/)',
              message:
                'The SDK depends only on openapi-fetch and Node built-ins: integrators install it alone.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/testing/**', ...testFiles],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Libraries receive configuration by injection.' },
      ],
    },
  },
  {
    // Tenant data is reached only through data-isolation's repositories: the raw driver collection or database
    // (`Model.collection`, `connection.db`) and global Mongoose plugins run beneath every isolation check.
    // The engine, the conformance suite and the test harness work on the wire on purpose.
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    ignores: [
      'libs/data-isolation/**',
      'libs/mongo-emulator/**',
      'libs/mongo-conformance/**',
      'libs/testing/**',
      ...testFiles,
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='collection']",
          message: 'No raw driver collection outside libs/data-isolation: use a repository.',
        },
        {
          selector: "MemberExpression[property.name='db']",
          message: 'No raw driver database (connection.db) outside libs/data-isolation: use a repository.',
        },
        {
          selector: "CallExpression[callee.object.name='mongoose'][callee.property.name='plugin']",
          message:
            'No global Mongoose plugin: it would run on tenant-owned models beneath the isolation plugin.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
