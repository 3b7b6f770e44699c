import { DomainException, ErrorCode } from '@tenantpay/platform';
import { domainVerificationRecordName } from './domain-verification.constant';

/** The verification TXT record is not (yet) published; the domain stays pending and may be re-checked. */
export class DomainVerificationFailedException extends DomainException {
  constructor(hostname: string, reason: 'record_missing' | 'dns_unavailable') {
    super(
      ErrorCode.Conflict,
      reason === 'record_missing'
        ? 'The verification TXT record was not found; publish it and try again.'
        : 'DNS could not be queried; try again later.',
      [
        {
          field: 'hostname',
          issue:
            reason === 'record_missing'
              ? `no TXT record ${domainVerificationRecordName(hostname)} with the verification token`
              : 'DNS lookup failed',
        },
      ],
    );
  }
}
