import { verifyWebhook, WebhookVerificationError, type WebhookEvent } from '@tenantpay/sdk';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const PATH = '/tenantpay/webhooks';

/**
 * A bank's webhook endpoint in miniature: reads the raw body, verifies it with the SDK before believing a
 * byte of it (400 otherwise), answers 2xx at once, and handles each event id once (Tenantpay delivers at least
 * once: retries and replays carry the same id).
 */
export class WebhookReceiver {
  private readonly handled = new Set<string>();
  private readonly waiting: Array<{
    matches: (event: WebhookEvent) => boolean;
    resolve: (event: WebhookEvent) => void;
  }> = [];
  readonly received: WebhookEvent[] = [];
  readonly refused: string[] = [];
  private secret: string | undefined;

  private constructor(private readonly server: Server) {}

  static async start(host: string, port: number): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (request: IncomingMessage, response) => {
      void receiver.handle(request).then(
        (status) => response.writeHead(status).end(),
        () => response.writeHead(500).end(),
      );
    });
    server.listen(port, host);
    await once(server, 'listening');
    return receiver;
  }

  get url(): string {
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${address.includes(':') ? `[${address}]` : address}:${port}${PATH}`;
  }

  /** The endpoint's secret, shown once by the API when the endpoint is created. */
  useSecret(secret: string): void {
    this.secret = secret;
  }

  /** The first verified event that `matches`, including one already received. */
  waitFor(matches: (event: WebhookEvent) => boolean): Promise<WebhookEvent> {
    const seen = this.received.find(matches);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiting.push({ matches, resolve }));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }

  private async handle(request: IncomingMessage): Promise<number> {
    if (request.method !== 'POST' || request.url !== PATH || this.secret === undefined) return 404;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let event: WebhookEvent;
    try {
      event = verifyWebhook({
        payload: Buffer.concat(chunks),
        headers: request.headers,
        secret: this.secret,
      });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      this.refused.push(error.reason);
      return 400;
    }
    if (this.handled.has(event.id)) return 200;
    this.handled.add(event.id);
    this.received.push(event);
    for (const waiter of this.waiting.filter((entry) => entry.matches(event))) waiter.resolve(event);
    return 200;
  }
}
