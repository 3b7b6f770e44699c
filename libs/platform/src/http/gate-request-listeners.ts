import type { IncomingMessage, Server, ServerResponse } from 'node:http';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * What runs in front of the application for each request: it answers the request itself, or calls `pass`
 * to hand it to the listeners the server had (the framework's). It works on Node's `http.Server`, before
 * Express or Fastify sees the request, so it costs no framework work and survives a change of framework.
 */
export type RequestGate = (request: IncomingMessage, response: ServerResponse, pass: () => void) => void;

/** Puts `gate` in front of the request listeners already on `server`; gates added later run first. */
export function gateRequestListeners(server: Server, gate: RequestGate): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    gate(request, response, () => {
      for (const listener of listeners) listener.call(server, request, response);
    });
  });
}
