import { API_KEY_HEADER } from '@tenantpay/identity';
import { TENANT_ID_HEADER } from '@tenantpay/tenancy';

/**
 * Every request header the API's tenant resolution reads (bearer token or API key, tenant header, the host
 * and a trusted proxy's forwarded host for subdomains and custom domains): together they decide the tenant,
 * so the admission gate may remember which tenant they named.
 */
export const TENANT_IDENTITY_HEADERS: readonly string[] = [
  'authorization',
  API_KEY_HEADER,
  TENANT_ID_HEADER,
  'host',
  'x-forwarded-host',
];
