import { startHttpTestApplication } from '@tenantpay/testing';
import { type Type, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type AppConfig, DomainException, ErrorCode } from '@tenantpay/platform';
import {
  CustomDomainStrategy,
  type Principal,
  ResolutionMethod,
  SECURITY_AUDIT_SINK,
  type SecurityAuditEvent,
  type SecurityAuditSink,
  SubdomainStrategy,
  TENANT_RESOLUTION_STRATEGIES,
  TenantHeaderStrategy,
  type TenantReference,
  type ResolutionInput,
  type TenantResolutionStrategy,
} from '@tenantpay/tenancy';
import { ApiModule } from '../../src/api.module';

export const TEST_CREDENTIAL_HEADER = 'x-test-credential';

/**
 * A stand-in for identity's JWT strategy, for tests only: `X-Test-Credential` carries the verified caller
 * in the clear (`user:<tenantId>:<role>`, `api-key:<tenantId>:<scope,scope>`, `platform:<role>`), and
 * `invalid` is a credential that fails verification.
 */
export class TestCredentialStrategy implements TenantResolutionStrategy {
  readonly method = ResolutionMethod.JwtClaim;
  readonly priority = 10;
  readonly isCredential = true;

  find(input: ResolutionInput): TenantReference | null {
    const raw = input.headers[TEST_CREDENTIAL_HEADER];
    if (typeof raw !== 'string') return null;
    const [kind, first = '', ...rest] = raw.split(':');
    const second = rest.join(':');
    let principal: Principal;
    if (kind === 'user')
      principal = {
        kind: 'user',
        userId: 'u-1',
        tenantId: first,
        role: second,
        tokenId: 't-1',
        sessionId: 's-t-1',
      };
    else if (kind === 'api-key') {
      principal = {
        kind: 'api-key',
        apiKeyId: 'k-1',
        tenantId: first,
        scopes: second.split(',').filter(Boolean),
      };
    } else if (kind === 'platform')
      principal = { kind: 'platform-user', userId: 'p-1', role: first, tokenId: 't-2', sessionId: 's-t-2' };
    else throw new DomainException(ErrorCode.Unauthorized, 'The credential is not valid.');
    return {
      method: this.method,
      tenant: principal.kind === 'platform-user' ? null : { by: 'id', value: principal.tenantId },
      principal,
    };
  }
}

export const asUser = (tenantId: string, role = 'ADMIN') => `user:${tenantId}:${role}`;
export const asApiKey = (tenantId: string, ...scopes: string[]) => `api-key:${tenantId}:${scopes.join(',')}`;
export const asSuperAdmin = () => 'platform:SUPER_ADMIN';

/** Keeps every audit event tenancy records, so tests can assert on them. */
export class RecordingAuditSink implements SecurityAuditSink {
  readonly events: SecurityAuditEvent[] = [];

  async record(event: SecurityAuditEvent): Promise<void> {
    this.events.push(event);
  }
}

/**
 * The real API (ApiModule, the production HTTP stack) plus test controllers, with the test credential
 * strategy in front of the API's own strategies and audit events recorded in memory.
 */
export async function createTenancyTestApp(
  config: AppConfig,
  options: {
    controllers?: Type[];
    audit?: RecordingAuditSink;
    /** Real credential strategies of the API to trust besides the test credential (e.g. support tokens). */
    credentialStrategies?: Type<TenantResolutionStrategy>[];
  } = {},
): Promise<NestFastifyApplication> {
  @Module({ imports: [ApiModule.forRoot(config)], controllers: options.controllers ?? [] })
  class TenancyTestApiModule {}

  const moduleRef = await Test.createTestingModule({ imports: [TenancyTestApiModule] })
    .overrideProvider(TENANT_RESOLUTION_STRATEGIES)
    .useFactory({
      inject: [
        ...(options.credentialStrategies ?? []),
        TenantHeaderStrategy,
        SubdomainStrategy,
        CustomDomainStrategy,
      ],
      factory: (...strategies: TenantResolutionStrategy[]) => [new TestCredentialStrategy(), ...strategies],
    })
    .overrideProvider(SECURITY_AUDIT_SINK)
    .useValue(options.audit ?? new RecordingAuditSink())
    .compile();
  const app = await startHttpTestApplication(moduleRef);
  return app;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** SPEC §12: every error has exactly this shape. */
export function expectApiError(
  response: { status: number; body: Record<string, unknown> },
  status: number,
  code: string,
): void {
  expect({ status: response.status, error: response.body['error'] }).toEqual({ status, error: code });
  expect(response.body).toEqual(
    expect.objectContaining({ error: code, message: expect.any(String), requestId: expect.any(String) }),
  );
  expect(response.body['timestamp']).toMatch(ISO_TIMESTAMP);
  expect(
    Object.keys(response.body).every((key) =>
      ['error', 'message', 'details', 'requestId', 'timestamp'].includes(key),
    ),
  ).toBe(true);
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
