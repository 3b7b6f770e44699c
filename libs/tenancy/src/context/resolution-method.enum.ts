/** How a request's tenant was determined, in order of trust (SPEC §4). */
export enum ResolutionMethod {
  JwtClaim = 'jwt',
  ApiKey = 'api_key',
  TenantHeader = 'header',
  Subdomain = 'subdomain',
  CustomDomain = 'custom_domain',
  /** Work started by the platform itself (a queued job), not by a request. */
  Job = 'job',
}
