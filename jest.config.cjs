// `npm test` runs every project in one Jest process pool; `nx test <project>` runs one.
module.exports = {
  // Global, not per project (Jest ignores it in project configs). Hooks and tests boot whole Nest
  // applications, hash passwords with argon2 and start redis-servers; on a loaded 2-core machine that can
  // exceed Jest's 5 s default without anything being wrong. A hung test still fails, after 30 s.
  testTimeout: 30_000,
  // Test files mostly wait on Redis, MongoDB, timers, browsers and child processes rather than compute;
  // Jest's default (cores - 1) would run them one at a time on a 2-core machine. Measured on this 2-core
  // machine with 240 suites: 4 workers 514 s, 3 workers 654 s. Since spec files that boot the same app were
  // grouped (228 suites, ~1,055 CPU-s against ~1,490 before), the files left are longer and wait more; five
  // workers: 498 s in a fresh-clone CI rehearsal on a quiet machine (7 Dec; 929 s before the grouping).
  maxWorkers: 5,
  // Longest files first, counting the tests a group spec imports. Global only: project configs cannot set it.
  testSequencer: '<rootDir>/libs/testing/src/jest/longest-first-test-sequencer.cjs',
  projects: [
    '<rootDir>/apps/*/jest.config.cjs',
    '<rootDir>/libs/*/jest.config.cjs',
    '<rootDir>/tools/*/jest.config.cjs',
  ],
};
