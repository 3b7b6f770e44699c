import { Injectable } from '@nestjs/common';
import { ResolutionMethod } from '../context/resolution-method.enum';
import { InvalidTenantHeaderException } from './invalid-tenant-header.exception';
import { TENANT_ID_HEADER } from './tenancy-headers.constant';
import type { TenantKey, TenantReference } from './tenant-reference';
import type { ResolutionInput, TenantResolutionStrategy } from './tenant-resolution-strategy';

const OBJECT_ID = /^[0-9a-f]{24}$/;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * `X-Tenant-ID: <tenant id | slug>`. Slugs can never look like ids (see slug.ts), so the form decides
 * the lookup. A value that is neither (or several values) is refused outright rather than ignored: a
 * client that sends a tenant header and is silently served another tenant would be worse than an error.
 */
@Injectable()
export class TenantHeaderStrategy implements TenantResolutionStrategy {
  readonly method = ResolutionMethod.TenantHeader;
  readonly priority = 30;
  readonly isCredential = false;

  find(input: ResolutionInput): TenantReference | null {
    const raw = input.headers[TENANT_ID_HEADER.toLowerCase()];
    if (raw === undefined) return null;
    return { method: this.method, tenant: parseTenantHeader(raw) };
  }
}

export function parseTenantHeader(raw: string | readonly string[]): TenantKey {
  if (typeof raw !== 'string') throw new InvalidTenantHeaderException();
  const value = raw.trim().toLowerCase();
  if (OBJECT_ID.test(value)) return { by: 'id', value };
  if (DNS_LABEL.test(value)) return { by: 'slug', value };
  throw new InvalidTenantHeaderException();
}
