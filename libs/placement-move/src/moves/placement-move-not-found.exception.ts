import { DomainException, ErrorCode } from '@tenantpay/platform';

/** 404: no move of this id for this tenant (another tenant's move answers the same). */
export class PlacementMoveNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NotFound, 'This tenant has no placement move with this id.');
  }
}
