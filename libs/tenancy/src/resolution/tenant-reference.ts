import type { Principal } from '../context/principal';
import type { ResolutionMethod } from '../context/resolution-method.enum';

/** A way a request names a tenant; the resolver looks it up (through the cache) to get the tenant. */
export type TenantKey =
  | { readonly by: 'id'; readonly value: string }
  | { readonly by: 'slug'; readonly value: string }
  | { readonly by: 'domain'; readonly value: string };

/** What one resolution strategy found in a request. */
export interface TenantReference {
  readonly method: ResolutionMethod;
  /** The tenant it names, or null for a verified credential of a platform user (no tenant). */
  readonly tenant: TenantKey | null;
  /** Set by credential strategies (JWT, API key) once the credential is verified. */
  readonly principal?: Principal;
}
