import { DomainException, ErrorCode } from '@tenantpay/platform';

/**
 * A placement name that MONGODB_PLACEMENTS does not configure. Where a caller proposes one (a move), it is
 * their input and a 400; where a stored tenant names one, configuration lost a cluster the data lives on,
 * which the filter logs as this exception before answering.
 */
export class UnknownPlacementException extends DomainException {
  constructor(readonly placement: string) {
    super(ErrorCode.ValidationError, 'Unknown placement: it is not configured in MONGODB_PLACEMENTS.', [
      { field: 'placement', issue: 'not_configured' },
    ]);
  }
}
