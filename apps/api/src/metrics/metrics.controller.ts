import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { METRICS_REGISTRY } from '@tenantpay/platform';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import { Public } from '@tenantpay/tenancy';
import type { Response } from 'express';
import type { Registry } from 'prom-client';

/**
 * Prometheus scrape endpoint, outside `/v1` like the health probes. Public and unlimited so the scraper
 * needs no credential; it exposes no tenant data (no label carries a tenant id) but does show traffic
 * shape, so production should keep it off the public ingress (serve it on an internal listener or block
 * `/metrics` at the proxy) until a config switch restricts it here.
 */
@ApiTags('operations')
@Public()
@SkipRateLimit()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format' })
  async scrape(@Res() response: Response): Promise<void> {
    const body = await this.registry.metrics();
    response.type(this.registry.contentType).send(body);
  }
}
