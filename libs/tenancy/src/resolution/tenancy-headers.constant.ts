/** Header names the tenancy library reads. */
export const TENANT_ID_HEADER = 'X-Tenant-ID';
