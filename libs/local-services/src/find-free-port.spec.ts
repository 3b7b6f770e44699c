import { createServer } from 'node:net';

import { findFreePort } from './find-free-port';

describe('findFreePort', () => {
  it('returns a port that can be listened on right away', async () => {
    const port = await findFreePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(port).toBeGreaterThan(0);
  });
});
