import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics-registry.constant';
import { METRICS_SERVER_PORT } from './metrics-server-port.constant';

/**
 * Serves the process's registry on a port of its own (`METRICS_PORT` for the API, `WORKER_METRICS_PORT` for
 * the worker), never on the public API port: request counts by route and status are traffic that tenants
 * must not read. Any GET answers the Prometheus text format. Metrics are not worth stopping payments for: a
 * port already taken is logged as an error and the application runs on unscraped (`npm start` checks its
 * ports before starting anything). Keep the port on the internal network; it needs no credential.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | undefined;

  constructor(
    @Inject(METRICS_SERVER_PORT) private readonly configuredPort: number,
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
  ) {}

  /** The port actually listened on (useful with port 0), or undefined when not listening. */
  get port(): number | undefined {
    const address = this.server?.address();
    return address !== null && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      this.registry.metrics().then(
        (body) =>
          response
            .writeHead(200, { 'Content-Type': this.registry.contentType, 'Cache-Control': 'no-store' })
            .end(body),
        () => response.writeHead(500).end(),
      );
    });
    server.listen(this.configuredPort);
    try {
      await Promise.race([
        once(server, 'listening'),
        once(server, 'error').then(([error]) => Promise.reject(error)),
      ]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`Metrics not served on port ${this.configuredPort}: ${reason}`);
      return;
    }
    this.server = server;
    this.logger.log(`Metrics served on port ${this.port ?? this.configuredPort}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    // A scraper's keep-alive connection must not hold the process open.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}
