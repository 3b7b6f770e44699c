import { Injectable } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../errors/api-error-body';
import { assignRequestId } from '../http/assign-request-id';
import { HEALTH_ROUTES } from '../http/configure-http-application';
import { gateRequestListeners } from '../http/gate-request-listeners';
import { AdmissionControl } from './admission-control.service';
import { CheckPhaseQueue } from './check-phase-queue';
import { latencyClassOf } from './latency-class';
import { LearnedTenantKeys } from './learned-tenant-keys.service';
import { OverloadedException } from './overloaded.exception';

const HEALTH_PATHS = new Set(HEALTH_ROUTES.map((route) => `/${route}`));
/**
 * A refused request's body is not read; past this size (or of unknown size) the connection is closed rather
 * than kept alive, since keeping it would mean reading and discarding the whole body first.
 */
const LARGEST_BODY_DRAINED_BYTES = 64 * 1024;

/**
 * Admission control on the HTTP server itself, ahead of the framework: the request is charged to its tenant
 * as learnt from earlier requests with the same identity headers ({@link LearnedTenantKeys}), and admitted or
 * refused before any body parsing, routing or tenant lookup, which is what keeps a refusal cheap at twice the
 * capacity; an admitted request reaches the framework only once the refusals of its turn of the event loop are
 * written. Identity headers not seen before are admitted within the instance limit, and charged to their
 * tenant once it is resolved. Health probes always pass and are not counted: an orchestrator must tell "busy"
 * from "dead".
 */
@Injectable()
export class InstanceAdmissionGate {
  private readonly refusal: OverloadedException;
  private readonly refusalHeaders: Record<string, string>;
  private readonly admitted = new CheckPhaseQueue();

  constructor(
    private readonly admission: AdmissionControl,
    private readonly tenantKeys: LearnedTenantKeys,
  ) {
    this.refusal = new OverloadedException(admission.retryAfterSeconds);
    this.refusalHeaders = { ...this.refusal.headers, 'Content-Type': 'application/json; charset=utf-8' };
  }

  attach(server: Server): void {
    gateRequestListeners(server, (request, response, pass) => {
      if (isHealthProbe(request)) return pass();
      const tenantKey = this.tenantKeys.tenantKeyOf(this.tenantKeys.identityOf(request.headers));
      const ticket = this.admission.admit(tenantKey);
      if (typeof ticket === 'string') return this.refuse(request, response);
      this.admission.attach(request, ticket);
      response.once('close', () =>
        this.admission.release(
          ticket,
          response.writableFinished
            ? latencyClassOf(request.method, request.url, response.statusCode)
            : undefined,
        ),
      );
      // The framework's work for an admitted request starts after this turn's I/O callbacks (the check phase
      // comes once the poll phase is done), so every refusal of the same turn is written before it, not behind it.
      this.admitted.push(pass);
    });
  }

  private refuse(request: IncomingMessage, response: ServerResponse): void {
    const body: ApiErrorBody = {
      error: this.refusal.code,
      message: this.refusal.message,
      requestId: assignRequestId(request, response),
      timestamp: new Date().toISOString(),
    };
    if (!bodyIsSmall(request)) response.shouldKeepAlive = false;
    response.writeHead(503, this.refusalHeaders).end(JSON.stringify(body));
  }
}

function isHealthProbe(request: IncomingMessage): boolean {
  const url = request.url ?? '';
  const queryStart = url.indexOf('?');
  return HEALTH_PATHS.has(queryStart === -1 ? url : url.slice(0, queryStart));
}

function bodyIsSmall(request: IncomingMessage): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return false;
  const length = request.headers['content-length'];
  return length === undefined || Number(length) <= LARGEST_BODY_DRAINED_BYTES;
}
