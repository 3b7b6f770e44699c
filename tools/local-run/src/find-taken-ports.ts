import { createServer } from 'node:net';

export interface PortUse {
  /** The setting that names the port, as the user knows it (`API_PORT`). */
  readonly setting: string;
  readonly port: number;
  /** The interface the application binds; omitted: all of them, as Node's default. */
  readonly host?: string;
}

/**
 * The ports among `uses` that cannot be listened on right now (another process holds them), checked by
 * binding each one as the application will and letting go at once. Port 0 means "any free port": never taken.
 */
export async function findTakenPorts(uses: readonly PortUse[]): Promise<PortUse[]> {
  const taken: PortUse[] = [];
  for (const use of uses) {
    if (use.port !== 0 && !(await canListen(use))) taken.push(use);
  }
  return taken;
}

function canListen(use: PortUse): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port: use.port, host: use.host }, () => server.close(() => resolve(true)));
  });
}
