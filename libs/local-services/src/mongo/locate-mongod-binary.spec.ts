import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { locateMongodBinary } from './locate-mongod-binary';

describe('locateMongodBinary', () => {
  let binDir: string;

  beforeAll(() => {
    binDir = mkdtempSync(join(tmpdir(), 'fake-mongod-'));
    const fakeMongod = join(binDir, 'mongod');
    writeFileSync(fakeMongod, '#!/bin/sh\necho "db version v7.0.14"\necho "Build Info: {}"\n');
    chmodSync(fakeMongod, 0o755);
  });
  afterAll(() => {
    rmSync(binDir, { recursive: true, force: true });
  });

  it('uses the configured path and reads its version', () => {
    expect(locateMongodBinary(join(binDir, 'mongod'))).toEqual({
      path: join(binDir, 'mongod'),
      version: '7.0.14',
      foundVia: 'configured path',
    });
  });

  it('rejects a configured path that does not run', () => {
    expect(() => locateMongodBinary(join(binDir, 'missing'))).toThrow(/missing or does not run/);
  });
});
