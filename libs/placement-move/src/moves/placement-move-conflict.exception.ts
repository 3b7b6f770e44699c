import { DomainException, ErrorCode } from '@tenantpay/platform';

/**
 * 409: the move cannot start now (the tenant is already there, or another move of it is open), or cannot be
 * canceled (its switch has begun, or it has ended).
 */
export class PlacementMoveConflictException extends DomainException {
  constructor(message: string) {
    super(ErrorCode.Conflict, message);
  }
}
