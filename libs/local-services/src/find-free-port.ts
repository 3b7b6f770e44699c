import { createServer } from 'node:net';

/**
 * Asks the kernel for a port nobody listens on right now. Another process may still take it before the caller
 * binds, so callers that spawn servers must surface a clear "address in use" failure rather than hang.
 */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error(`Could not read the port the kernel assigned on ${host}`);
  }
  return address.port;
}
