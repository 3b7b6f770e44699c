import type { IncomingHttpHeaders } from 'node:http';
import type { ResolutionMethod } from '../context/resolution-method.enum';
import type { TenantReference } from './tenant-reference';

/** The parts of an HTTP request resolution may look at; strategies never see the whole request. */
export interface ResolutionInput {
  readonly headers: IncomingHttpHeaders;
  /** The Host header, normalized (lowercase, no port, no trailing dot), or null when absent or invalid. */
  readonly hostname: string | null;
  readonly ip: string;
  readonly requestId: string;
}

/**
 * One source of tenant identity (SPEC §4). Credential strategies (JWT, API key) verify what they read
 * and throw an unauthorized DomainException for a present but invalid credential; the others only read
 * a name. A strategy returns null when the request does not use it.
 *
 * Strategies live in the libraries that own them (identity has the credential ones, tenancy the
 * header/host ones) and the API composes the list under TENANT_RESOLUTION_STRATEGIES, so tenancy does
 * not depend on identity.
 */
export interface TenantResolutionStrategy {
  readonly method: ResolutionMethod;
  /** Lower runs first and wins: JWT 10, API key 20, header 30, subdomain 40, custom domain 50. */
  readonly priority: number;
  /** Whether this strategy proves who the caller is (and so may conflict with a named tenant). */
  readonly isCredential: boolean;
  find(input: ResolutionInput): Promise<TenantReference | null> | TenantReference | null;
}

export const TENANT_RESOLUTION_STRATEGIES = Symbol('TENANT_RESOLUTION_STRATEGIES');
