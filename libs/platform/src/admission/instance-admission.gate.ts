import { Injectable } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../errors/api-error-body';
import { assignRequestId } from '../http/assign-request-id';
import { HEALTH_ROUTES } from '../http/configure-http-application';
import { gateRequestListeners } from '../http/gate-request-listeners';
import { AdmissionControl } from './admission-control.service';
import { OverloadedException } from './overloaded.exception';

const HEALTH_PATHS = new Set(HEALTH_ROUTES.map((route) => `/${route}`));

/**
 * The instance bound of admission control, applied on the HTTP server itself: a refused request costs no
 * body parsing, no routing and no tenant lookup, which is what keeps refusals cheap at twice the capacity.
 * Health probes always pass and are not counted: an orchestrator must be able to tell "busy" from "dead".
 */
@Injectable()
export class InstanceAdmissionGate {
  constructor(private readonly admission: AdmissionControl) {}

  attach(server: Server): void {
    gateRequestListeners(server, (request, response, pass) => {
      if (isHealthProbe(request)) return pass();
      if (this.admission.enterInstance() !== undefined) return this.refuse(request, response);
      response.once('close', () => this.admission.leaveInstance());
      pass();
    });
  }

  private refuse(request: IncomingMessage, response: ServerResponse): void {
    const refusal = new OverloadedException(this.admission.retryAfterSeconds);
    const body: ApiErrorBody = {
      error: refusal.code,
      message: refusal.message,
      requestId: assignRequestId(request, response),
      timestamp: new Date().toISOString(),
    };
    response
      .writeHead(503, { ...refusal.headers, 'Content-Type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(body));
  }
}

function isHealthProbe(request: IncomingMessage): boolean {
  const url = request.url ?? '';
  const queryStart = url.indexOf('?');
  return HEALTH_PATHS.has(queryStart === -1 ? url : url.slice(0, queryStart));
}
