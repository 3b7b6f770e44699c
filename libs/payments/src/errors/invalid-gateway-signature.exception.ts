import { DomainException, ErrorCode } from '@tenantpay/platform';

/** One message for every reason (missing, malformed, stale, wrong): the caller learns nothing to refine a forgery. */
export class InvalidGatewaySignatureException extends DomainException {
  constructor() {
    super(ErrorCode.Unauthorized, 'The webhook signature is not valid.');
  }
}
