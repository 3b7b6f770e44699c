import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';
import { gateRequestListeners } from '../http/gate-request-listeners';
import { DrainState } from './drain-state';

/**
 * Stops an HTTP server without dropping a request that reached it (SPEC §13): readiness answers 503 first,
 * then the server stops accepting connections, requests in flight finish within SHUTDOWN_GRACE_MS, each
 * connection closes after its last response, and idle keep-alive connections are closed; only what is still
 * open at the deadline is cut. The application's own shutdown (databases, queues) must run after {@link drain}, never
 * before: Nest's default closes them while requests still use them.
 *
 * Built on Node 20's `closeIdleConnections`/`closeAllConnections` rather than http-terminator or stoppable,
 * which track sockets themselves for older Node versions and would still need the in-flight count and the
 * readiness step written around them.
 */
@Injectable()
export class GracefulHttpShutdown {
  private readonly logger = new Logger(GracefulHttpShutdown.name);
  private readonly inFlight = new Set<ServerResponse>();
  private server: Server | undefined;
  private drained: Promise<void> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly drainState: DrainState,
  ) {}

  /** Starts tracking the server's requests; call once its framework listener is in place. */
  attach(server: Server): void {
    this.server = server;
    const inFlight = this.inFlight;
    // One listener function for every response ('close' is emitted once, with the response as `this`): no
    // closure and no `once` wrapper per request.
    function forget(this: ServerResponse): void {
      inFlight.delete(this);
    }
    gateRequestListeners(server, (_request, response, pass) => {
      // A request that arrives on a kept-alive connection while draining is served, and its connection closed.
      if (this.drainState.isDraining) response.setHeader('Connection', 'close');
      inFlight.add(response);
      response.on('close', forget);
      pass();
    });
  }

  /** Drains the server; later calls return the first call's promise. */
  drain(): Promise<void> {
    this.drained ??= this.drainAttached();
    return this.drained;
  }

  private async drainAttached(): Promise<void> {
    const server = this.server;
    this.drainState.begin();
    if (server === undefined) return;
    const { shutdownGraceMs, shutdownReadinessDelayMs } = this.config;
    this.logger.log(`Draining: readiness 503, ${this.inFlight.size} request(s) in flight`);
    if (shutdownReadinessDelayMs > 0) await delay(shutdownReadinessDelayMs);

    const deadline = Date.now() + shutdownGraceMs;
    for (const response of this.inFlight) {
      if (!response.headersSent) response.setHeader('Connection', 'close');
    }
    // Stops accepting through net.Server's close, not http.Server's: that one also cuts the connections idle
    // at this instant, and a client may be writing its next request on one of them (the keep-alive race: the
    // request would meet a reset). Instead every open connection serves at most one more request, answered
    // with `Connection: close`, and only connections that stayed idle are closed once the work is done.
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    const finished = await this.untilNothingInFlight(deadline);
    server.closeIdleConnections();
    const allClosed =
      finished &&
      (await Promise.race([closed.then(() => true), delay(deadline - Date.now(), false, { ref: false })]));
    if (!allClosed) {
      this.logger.warn(`Requests still in flight after ${shutdownGraceMs} ms; closing their connections`);
      server.closeAllConnections();
    }
    await closed;
    this.logger.log('HTTP server closed');
  }

  private async untilNothingInFlight(deadline: number): Promise<boolean> {
    while (this.inFlight.size > 0) {
      if (Date.now() >= deadline) return false;
      await delay(Math.min(20, deadline - Date.now()));
    }
    return true;
  }
}
