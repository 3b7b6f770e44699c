import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { HEALTH_ROUTES, matchedRouteOf, PAGE_ROUTES } from '@tenantpay/platform';
import { TenantMiddleware } from '@tenantpay/tenancy';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { TenantAdmissionMiddleware } from '../admission/tenant-admission.middleware';

/**
 * Routes served without a tenant: health probes answer the platform, and the consoles' files are the same for
 * every tenant (the page asks /v1/branding for its brand). As Fastify names a matched route (the global prefix
 * leaves these out).
 */
const UNTENANTED_ROUTES: ReadonlySet<string> = new Set(
  [...HEALTH_ROUTES, ...PAGE_ROUTES].map((route) => (route.startsWith('/') ? route : `/${route}`)),
);

/**
 * Steps 2 and 2b of every API request (SPEC §2), in one Fastify `onRequest` hook registered once: the tenant
 * middleware resolves the tenant and runs the rest of the request in its context, then the admission
 * middleware charges the request to that tenant. Nest middleware would do the same through @fastify/middie,
 * whose path matching and dispatch ran on every request, routes every middleware excluded included (a
 * sixth of a health probe's CPU); here the matched route decides with one set lookup. Registered when the
 * application initialises, after the platform's own request hooks (request id, security headers), as Nest
 * middleware was. A request no route matched is resolved too, so its 404 is logged with its tenant.
 */
@Injectable()
export class TenantRequestHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tenantMiddleware: TenantMiddleware,
    private readonly admissionMiddleware: TenantAdmissionMiddleware,
  ) {}

  onModuleInit(): void {
    // An application context without HTTP (a script, a worker-side test) has no adapter and no requests.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify === undefined) return;
    fastify.addHook('onRequest', (request, reply, done) => this.enter(request, reply, done));
  }

  private enter(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
    const route = matchedRouteOf(request);
    if (route !== undefined && UNTENANTED_ROUTES.has(route)) return done();
    let entered = false;
    // A refusal (malformed or conflicting identity) goes to the one exception filter. Once the request has
    // gone on, whatever fails further along is Fastify's to answer, never a second verdict here.
    const refuse = (error: unknown): void => {
      if (!entered) done(error instanceof Error ? error : new Error(String(error)));
    };
    try {
      // Usually answered at once, the request going on inside this call (see TenantMiddleware.use).
      const entering = this.tenantMiddleware.use(request, () => {
        entered = true;
        this.admissionMiddleware.use(request.raw, reply.raw, done);
      });
      if (entering instanceof Promise) entering.catch(refuse);
    } catch (error) {
      refuse(error);
    }
  }
}
