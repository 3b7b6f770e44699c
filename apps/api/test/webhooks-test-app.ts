import { startHttpTestApplication } from '@tenantpay/testing';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { AppConfig } from '@tenantpay/platform';
import {
  CustomDomainStrategy,
  ResolutionMethod,
  SubdomainStrategy,
  TENANT_RESOLUTION_STRATEGIES,
  TenantAdminService,
  TenantContextService,
  TenantHeaderStrategy,
  TenantLookupService,
  type TenantResolutionStrategy,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import {
  type ResolvedAddress,
  WEBHOOK_DNS_RESOLVER,
  type WebhookDnsResolver,
  WEBHOOKS_OPTIONS,
  type WebhooksOptions,
} from '@tenantpay/webhooks';
import { randomBytes } from 'node:crypto';
import { ApiModule } from '../src/api.module';
import { TestCredentialStrategy } from './support/tenancy-test-app';

/** DNS as a test wants it: answers set per host name, changeable between calls (rebinding). */
export class FakeDnsResolver implements WebhookDnsResolver {
  private readonly answers = new Map<string, ResolvedAddress[]>();
  readonly lookups: string[] = [];

  set(hostname: string, ...addresses: string[]): void {
    this.answers.set(
      hostname,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  }

  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    this.lookups.push(hostname);
    const answer = this.answers.get(hostname);
    if (answer === undefined)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer;
  }
}

export function testWebhooksOptions(overrides: Partial<WebhooksOptions> = {}): WebhooksOptions {
  return {
    secretEncryptionKey: randomBytes(32),
    allowedHosts: ['127.0.0.1', 'localhost'],
    hintAllowedHosts: true,
    retryDelaysMs: [100, 200],
    retryJitter: 0,
    attemptTimeoutMs: 2_000,
    ...overrides,
  };
}

/**
 * The real API (ApiModule, production HTTP stack) with the test credential strategy (`X-Test-Credential`),
 * webhook options for tests (127.0.0.1 and localhost allow-listed) and a fake DNS resolver.
 */
export async function createWebhooksTestApp(
  config: AppConfig,
  resolver: FakeDnsResolver,
  options: WebhooksOptions = testWebhooksOptions(),
): Promise<NestFastifyApplication> {
  @Module({ imports: [ApiModule.forRoot(config)] })
  class WebhooksTestApiModule {}

  const moduleRef = await Test.createTestingModule({ imports: [WebhooksTestApiModule] })
    .overrideProvider(TENANT_RESOLUTION_STRATEGIES)
    .useFactory({
      inject: [TenantHeaderStrategy, SubdomainStrategy, CustomDomainStrategy],
      factory: (...strategies: TenantResolutionStrategy[]) => [new TestCredentialStrategy(), ...strategies],
    })
    .overrideProvider(WEBHOOKS_OPTIONS)
    .useValue(options)
    .overrideProvider(WEBHOOK_DNS_RESOLVER)
    .useValue(resolver)
    .compile();
  const app = await startHttpTestApplication(moduleRef);
  return app;
}

export async function seedTenant(
  app: NestFastifyApplication,
  tier = Tier.Professional,
): Promise<TenantSnapshot> {
  const slug = `w${randomBytes(5).toString('hex')}`;
  const created = await app
    .get(TenantContextService)
    .runAsPlatform('test setup', () =>
      app.get(TenantAdminService).create({ slug, name: `Tenant ${slug}`, tier }),
    );
  const tenant = await app.get(TenantLookupService).findById(created.id);
  if (tenant === null) throw new Error('seeded tenant not found');
  return tenant;
}

/** Runs `work` as the tenant's background code would (a job or a service call outside HTTP). */
export function inTenant<T>(
  app: NestFastifyApplication,
  tenant: TenantSnapshot,
  work: () => Promise<T>,
): Promise<T> {
  return app
    .get(TenantContextService)
    .run({ tenant, resolvedBy: ResolutionMethod.Job, principal: null, requestId: 'webhooks-test' }, work);
}
