import type { Test } from '@jest/test-result';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import LongestFirstTestSequencer from './longest-first-test-sequencer.cjs';

describe('LongestFirstTestSequencer without recorded times (a fresh clone)', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'test-sequencer-'));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  /** A test file of `bytes` bytes (a comment line padded to that size) holding `source` first. */
  function file(name: string, bytes: number, source = ''): string {
    const filePath = path.join(directory, name);
    writeFileSync(filePath, source + '/'.repeat(Math.max(0, bytes - source.length)));
    return filePath;
  }
  /** What Jest hands a sequencer, with the cache off: no file has a recorded time or failure. */
  const testOf = (filePath: string) =>
    ({ path: filePath, context: { config: { cache: false } } }) as unknown as Test;
  const order = (...filePaths: string[]) =>
    (
      new LongestFirstTestSequencer({ contexts: [], globalConfig: {} as never }).sort(
        filePaths.map(testOf),
      ) as Test[]
    ).map((test) => path.basename(test.path));

  it('sizes a group spec by the *.tests.ts modules it imports, not by its import lines', () => {
    file('a.tests.ts', 3_000);
    file('b.tests.ts', 3_000);
    const group = file('group.spec.ts', 0, "import './a.tests';\nimport './b.tests';\n");
    const single = file('single.spec.ts', 4_000);

    expect(order(single, group)).toEqual(['group.spec.ts', 'single.spec.ts']);
  });

  it('orders other files biggest first, as Jest does', () => {
    const small = file('small.spec.ts', 100);
    const big = file('big.spec.ts', 5_000);

    expect(order(small, big)).toEqual(['big.spec.ts', 'small.spec.ts']);
  });
});
