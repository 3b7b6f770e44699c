import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig, METRICS_REGISTRY } from '@tenantpay/platform';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/**
 * The worker has no HTTP API, so it serves its registry on WORKER_METRICS_PORT itself: any GET answers
 * the Prometheus text format. Metrics are not worth stopping payments for: a port already taken (two
 * workers on one host with the same setting) is logged as an error and the worker runs on unscraped.
 * Keep the port off public networks; it needs no credential.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerMetricsServer.name);
  private server: Server | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
        (body) => response.writeHead(200, { 'Content-Type': this.registry.contentType }).end(body),
        () => response.writeHead(500).end(),
      );
    });
    server.listen(this.config.worker.metricsPort);
    try {
      await Promise.race([
        once(server, 'listening'),
        once(server, 'error').then(([error]) => Promise.reject(error)),
      ]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`Metrics not served on port ${this.config.worker.metricsPort}: ${reason}`);
      return;
    }
    this.server = server;
    this.logger.log(`Metrics served on port ${this.port ?? this.config.worker.metricsPort}`);
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
