import { Injectable } from '@nestjs/common';
import { isIP, type LookupFunction } from 'node:net';
import http from 'node:http';
import https from 'node:https';
import type { CheckedDestination } from '../destinations/checked-destination';
import { WEBHOOK_RESPONSE_BODY_LOG_LIMIT, WEBHOOK_USER_AGENT } from '../webhooks.constant';
import type { WebhookHttpOutcome } from './webhook-http-response';

/** Reading stops here: the log keeps less, and an endpoint must not make the worker buffer without bound. */
const RESPONSE_READ_LIMIT = 16 * 1024;

/**
 * POSTs a delivery to the checked address and no other. The connection's DNS lookup is replaced by one
 * that answers with the address the destination guard approved (so a second, rebound answer can never be
 * used), while the Host header and TLS server name (SNI, certificate check) stay the URL's host name.
 *
 * Built on node:http(s) rather than fetch: Node 20 does not expose undici's Agent, which fetch would need
 * for a custom `connect.lookup`, and the `undici` package is not a dependency. node:http(s) also never
 * follows redirects (a 3xx is an ordinary failed attempt), ignores proxy environment variables, and with
 * `agent: false` shares no pooled connection between endpoints.
 */
@Injectable()
export class PinnedWebhookHttpClient {
  post(
    destination: CheckedDestination,
    headers: Readonly<Record<string, string>>,
    body: string,
    timeoutMs: number,
  ): Promise<WebhookHttpOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const { url, hostname, address } = destination;
    const pinnedLookup: LookupFunction = (_host, options, callback) => {
      if (options.all === true) callback(null, [{ address: address.address, family: address.family }]);
      else callback(null, address.address, address.family);
    };
    const transport = url.protocol === 'https:' ? https : http;

    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: WebhookHttpOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.destroy();
        resolve(outcome);
      };
      const request = transport.request({
        method: 'POST',
        hostname,
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        headers: {
          ...headers,
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
          'User-Agent': WEBHOOK_USER_AGENT,
        },
        lookup: pinnedLookup,
        agent: false,
        ...(transport === https ? { servername: isIP(hostname) === 0 ? hostname : undefined } : {}),
      });
      const timer = setTimeout(
        () => finish({ kind: 'error', error: `timed out after ${timeoutMs} ms`, durationMs: elapsed() }),
        timeoutMs,
      );
      request.on('error', (error: NodeJS.ErrnoException) =>
        finish({ kind: 'error', error: describeNetworkError(error), durationMs: elapsed() }),
      );
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let received = 0;
        const done = () =>
          finish({
            kind: 'response',
            status: response.statusCode ?? 0,
            body: truncate(Buffer.concat(chunks).toString('utf8')),
            durationMs: elapsed(),
          });
        response.on('data', (chunk: Buffer) => {
          if (received < RESPONSE_READ_LIMIT) chunks.push(chunk.subarray(0, RESPONSE_READ_LIMIT - received));
          received += chunk.length;
          if (received >= RESPONSE_READ_LIMIT) done();
        });
        response.on('end', done);
        response.on('error', done);
      });
      request.end(body);
    });
  }
}

function truncate(text: string): string {
  return text.length <= WEBHOOK_RESPONSE_BODY_LOG_LIMIT
    ? text
    : `${text.slice(0, WEBHOOK_RESPONSE_BODY_LOG_LIMIT)}…`;
}

/** The error's code and message only: never a stack, and nothing the tenant's own URL does not reveal. */
function describeNetworkError(error: NodeJS.ErrnoException): string {
  return error.code === undefined ? error.message : `${error.code}: ${error.message}`;
}
