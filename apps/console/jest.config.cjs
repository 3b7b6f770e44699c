// The console's unit and component tests: TSX through SWC with Preact's JSX runtime, in a DOM (jsdom).
const preset = require('../../jest.preset.js');

// The console's tests run far from UTC (the workers inherit it), so a date or a day that slips into the browser's
// time zone instead of the UTC days the console states shows as a failure.
process.env.TZ = 'Asia/Tokyo';

module.exports = {
  displayName: 'console',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  // jsdom's default 'browser' condition picks Preact's ES module builds, which Jest's CommonJS runtime cannot
  // load; 'require' picks the CommonJS builds of the same code.
  testEnvironmentOptions: { customExportConditions: ['require', 'default'] },
  testTimeout: preset.testTimeout,
  moduleNameMapper: preset.moduleNameMapper,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic', importSource: 'preact' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
};
