// `npm test` runs every project in one Jest process pool; `nx test <project>` runs one.
module.exports = {
  // Global, not per project (Jest ignores it in project configs). Hooks and tests boot whole Nest
  // applications, hash passwords with argon2 and start redis-servers; on a loaded 2-core machine that can
  // exceed Jest's 5 s default without anything being wrong. A hung test still fails, after 30 s.
  testTimeout: 30_000,
  // Test files mostly wait on Redis, MongoDB, timers and child processes rather than compute; Jest's
  // default (cores - 1) would run them one at a time on a 2-core machine. Measured on this 2-core machine
  // with 240 suites: 4 workers 514 s, 3 workers 654 s.
  maxWorkers: 4,
  // Longest files first, counting the tests a group spec imports. Global only: project configs cannot set it.
  testSequencer: '<rootDir>/libs/testing/src/jest/longest-first-test-sequencer.cjs',
  projects: [
    '<rootDir>/apps/*/jest.config.cjs',
    '<rootDir>/libs/*/jest.config.cjs',
    '<rootDir>/tools/*/jest.config.cjs',
  ],
};
