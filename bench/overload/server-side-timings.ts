import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { nearestRank, wallClockMicros } from '../load/load-generator';

/** The header in which the load generator stamps each request's send time (see LoadRequest.sentAtHeader). */
export const SENT_AT_HEADER = 'x-bench-sent-at';

/** p50, p99 and the slowest of a set of durations, in ms (NaN when empty). */
export interface Spread {
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * Where a request's time goes before the client has its answer, split at the API's own `request` event (the
 * first moment its JavaScript sees the request, headers parsed):
 * - `toServer`: from the generator writing the request to that event (kernel, and the API's event loop busy
 *   with other work or waiting for a CPU);
 * - `inServer`: from that event to the response handed to the kernel (`finish`).
 * The client's own figure minus these two is the way back (the generator reading the answer). Arrivals per
 * 10 ms show whether requests come spread out or in bursts.
 */
export interface ServerSideTimings {
  readonly refused: { readonly toServer: Spread; readonly inServer: Spread };
  /**
   * Refusals of a connection's first request apart: the generator stamps those when it opens the connection,
   * so their `toServer` also holds the connection's set-up (the TCP handshake, the API accepting it).
   */
  readonly refusedFirstOnConnection: { readonly toServer: Spread };
  readonly admitted: { readonly toServer: Spread; readonly inServer: Spread };
  readonly arrivalsPer10Ms: { readonly p50: number; readonly p99: number; readonly max: number };
  /**
   * Refused requests that arrived on a connection whose earlier response was not finished yet (keep-alive
   * head-of-line blocking: Node writes a connection's responses in order), and connections opened while
   * watching (each one through the kernel's accept queue).
   */
  readonly refusedBehindUnfinishedResponse: number;
  readonly connectionsOpened: number;
}

/**
 * Times every stamped request the server answers until the returned function is called. Listens before the
 * admission gate (prepended), so a refusal's time includes the gate's work.
 */
export function watchServerSideTimings(server: Server): () => ServerSideTimings {
  const samples = {
    refused: { toServer: [] as number[], inServer: [] as number[] },
    refusedFirstOnConnection: { toServer: [] as number[] },
    admitted: { toServer: [] as number[], inServer: [] as number[] },
  };
  const arrivals = new Map<number, number>();
  const unfinishedBySocket = new WeakMap<Socket, number>();
  const requestsBySocket = new WeakMap<Socket, number>();
  let refusedBehindUnfinishedResponse = 0;
  let connectionsOpened = 0;
  const onConnection = () => (connectionsOpened += 1);
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const sentAt = Number(request.headers[SENT_AT_HEADER]);
    if (!Number.isFinite(sentAt)) return;
    const arrivedAt = wallClockMicros();
    const socket = request.socket;
    const unfinishedBefore = unfinishedBySocket.get(socket) ?? 0;
    const earlierOnSocket = requestsBySocket.get(socket) ?? 0;
    requestsBySocket.set(socket, earlierOnSocket + 1);
    unfinishedBySocket.set(socket, unfinishedBefore + 1);
    response.once('close', () => unfinishedBySocket.set(socket, (unfinishedBySocket.get(socket) ?? 1) - 1));
    const bucket = Math.floor(arrivedAt / 10_000);
    arrivals.set(bucket, (arrivals.get(bucket) ?? 0) + 1);
    response.once('finish', () => {
      const kind =
        response.statusCode === 503 ? samples.refused : response.statusCode < 300 ? samples.admitted : null;
      if (response.statusCode === 503 && unfinishedBefore > 0) refusedBehindUnfinishedResponse += 1;
      if (response.statusCode === 503 && earlierOnSocket === 0)
        samples.refusedFirstOnConnection.toServer.push(arrivedAt - sentAt);
      kind?.toServer.push(arrivedAt - sentAt);
      kind?.inServer.push(wallClockMicros() - arrivedAt);
    });
  };
  server.prependListener('request', onRequest);
  server.on('connection', onConnection);
  return () => {
    server.off('request', onRequest);
    server.off('connection', onConnection);
    const buckets = [...arrivals.values()].sort((a, b) => a - b);
    return {
      refused: { toServer: spread(samples.refused.toServer), inServer: spread(samples.refused.inServer) },
      refusedFirstOnConnection: { toServer: spread(samples.refusedFirstOnConnection.toServer) },
      admitted: { toServer: spread(samples.admitted.toServer), inServer: spread(samples.admitted.inServer) },
      arrivalsPer10Ms: {
        p50: nearestRank(buckets, 0.5),
        p99: nearestRank(buckets, 0.99),
        max: nearestRank(buckets, 1),
      },
      refusedBehindUnfinishedResponse,
      connectionsOpened,
    };
  };
}

function spread(micros: number[]): Spread {
  micros.sort((a, b) => a - b);
  const ms = (q: number) => Number((nearestRank(micros, q) / 1000).toFixed(1));
  return { count: micros.length, p50Ms: ms(0.5), p99Ms: ms(0.99), maxMs: ms(1) };
}
