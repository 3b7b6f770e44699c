import { Inject, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { ADMISSION_IDENTITY_HEADERS } from './admission-identity-headers.constant';

/** Identities remembered; past this the earliest learnt is forgotten (its next request learns it again). */
const MAX_IDENTITIES = 10_000;
/** Identities longer than this (oversized headers) are not remembered: the memory stays bounded. */
const MAX_IDENTITY_LENGTH = 4096;

/**
 * Which tenant a request's identity headers (credential, tenant header, host) resolved to last time, learnt
 * from the application's own tenant resolution: the admission gate reads it before any framework work, so a
 * tenant's flood is refused at the cost of a map lookup. Only the exact headers that once resolved to a
 * tenant map to it, so nobody can be charged to another tenant without presenting that tenant's own
 * credential or host. A request with identity headers not seen yet is admitted within the instance limit and
 * charged to its tenant once tenant resolution has run.
 */
@Injectable()
export class LearnedTenantKeys {
  private readonly keys = new Map<string, string>();

  constructor(@Inject(ADMISSION_IDENTITY_HEADERS) private readonly headerNames: readonly string[]) {}

  /** The identity headers of a request as one string (a header absent and a header empty are alike). */
  identityOf(headers: IncomingHttpHeaders): string {
    let identity = '';
    for (const name of this.headerNames) {
      const value = headers[name];
      identity += `${Array.isArray(value) ? value.join(',') : (value ?? '')}\n`;
    }
    return identity;
  }

  tenantKeyOf(identity: string): string | undefined {
    return this.keys.get(identity);
  }

  learn(identity: string, tenantKey: string): void {
    if (identity.length > MAX_IDENTITY_LENGTH || this.keys.get(identity) === tenantKey) return;
    this.keys.delete(identity);
    this.keys.set(identity, tenantKey);
    if (this.keys.size > MAX_IDENTITIES) {
      const oldest = this.keys.keys().next();
      if (oldest.done !== true) this.keys.delete(oldest.value);
    }
  }
}
