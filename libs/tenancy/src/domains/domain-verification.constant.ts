/**
 * Where a tenant publishes a custom domain's verification token: a TXT record on a dedicated label, so
 * it never collides with the domain's own TXT records (SPF, other verifications).
 */
export const DOMAIN_VERIFICATION_RECORD_LABEL = '_tenantpay-verify';

export function domainVerificationRecordName(hostname: string): string {
  return `${DOMAIN_VERIFICATION_RECORD_LABEL}.${hostname}`;
}
