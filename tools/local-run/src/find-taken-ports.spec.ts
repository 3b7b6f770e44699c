import { once } from 'node:events';
import { createServer } from 'node:net';
import { findTakenPorts } from './find-taken-ports';

describe('findTakenPorts (npm start refuses taken ports before starting anything)', () => {
  it('names the settings whose ports another process listens on, and only those', async () => {
    const occupant = createServer().listen(0);
    await once(occupant, 'listening');
    const takenPort = (occupant.address() as { port: number }).port;
    const free = createServer().listen(0);
    await once(free, 'listening');
    const freePort = (free.address() as { port: number }).port;
    await new Promise((resolve) => free.close(resolve));
    try {
      const taken = await findTakenPorts([
        { setting: 'API_PORT', port: takenPort, host: '0.0.0.0' },
        { setting: 'METRICS_PORT', port: freePort },
        { setting: 'WORKER_METRICS_PORT', port: 0 },
      ]);
      expect(taken).toEqual([{ setting: 'API_PORT', port: takenPort, host: '0.0.0.0' }]);
    } finally {
      occupant.close();
    }
  });
});
