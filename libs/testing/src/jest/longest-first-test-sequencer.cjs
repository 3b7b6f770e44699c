// Jest's own order (files that failed last time first, then the longest by recorded time, files without a
// recorded time before those, biggest first), with one change: a file's size counts the `*.tests.ts` modules it
// imports. Group specs such as apps/api/test/identity.spec.ts are a few import lines that run thousands of
// lines of tests; on a fresh clone, where Jest has no timings, its default would start them last, and the
// longest files of the run would then finish alone at its end.
const { default: TestSequencer } = require('@jest/test-sequencer');
const { readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const IMPORTED_TESTS_MODULE = /^import '(\.{1,2}\/[^']+\.tests)';$/gm;

/** The bytes of test code a file runs: its own and those of the `*.tests.ts` modules it imports. */
function testCodeSize(testPath) {
  let size = statSync(testPath).size;
  for (const [, specifier] of readFileSync(testPath, 'utf8').matchAll(IMPORTED_TESTS_MODULE))
    size += statSync(path.resolve(path.dirname(testPath), `${specifier}.ts`)).size;
  return size;
}

class LongestFirstTestSequencer extends TestSequencer {
  sort(tests) {
    const sizes = new Map(tests.map((test) => [test.path, testCodeSize(test.path)]));
    for (const test of tests) test.duration = this.time(test);
    return tests.sort((a, b) => {
      const failedA = this.hasFailed(a);
      if (failedA !== this.hasFailed(b)) return failedA ? -1 : 1;
      if ((a.duration == null) !== (b.duration == null)) return a.duration == null ? -1 : 1;
      if (a.duration != null && b.duration != null) return b.duration - a.duration;
      return sizes.get(b.path) - sizes.get(a.path);
    });
  }
}

module.exports = LongestFirstTestSequencer;
