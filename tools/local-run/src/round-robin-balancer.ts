import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * The local stand-in for a load balancer in front of several API instances (`npm run start:scaled`): each
 * client connection goes to the next instance in turn, and a connection an instance refuses (stopped,
 * restarting) is tried on the next one. It works on TCP, below HTTP, so it needs no HTTP library: requests
 * reach the instances byte for byte with their Host header (which names the tenant) and keep-alive intact;
 * a production balancer would also add X-Forwarded-For. Written here because it is a few lines of `net`.
 */
export class RoundRobinBalancer {
  private next = 0;

  private constructor(
    private readonly server: Server,
    private readonly backends: readonly number[],
    private readonly host: string,
  ) {}

  /** Listens on `port` and spreads connections over the instances listening on `backends` (ports on `host`). */
  static async start(
    port: number,
    backends: readonly number[],
    host = '127.0.0.1',
  ): Promise<RoundRobinBalancer> {
    if (backends.length === 0) throw new Error('a balancer needs at least one instance');
    const server = createServer();
    const balancer = new RoundRobinBalancer(server, backends, host);
    server.on('connection', (client) => balancer.forward(client, backends.length));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => resolve());
    });
    return balancer;
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private forward(client: Socket, attemptsLeft: number): void {
    const port = this.backends[this.next % this.backends.length] as number;
    this.next += 1;
    const upstream = connect(port, this.host);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      client.pipe(upstream).pipe(client);
    });
    upstream.on('error', () => {
      if (!connected && attemptsLeft > 1 && !client.destroyed) return this.forward(client, attemptsLeft - 1);
      client.destroy();
    });
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => {
      if (connected) client.destroy();
    });
  }
}
