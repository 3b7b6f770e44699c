import { TemporarilyUnavailableException } from '@tenantpay/platform';

/**
 * Every slot for a dedicated placement's connection (MONGODB_PLACEMENT_MAX_OPEN) is held by one in recent
 * use: a further cluster is not connected to beyond the bound, the request is refused for a moment instead.
 */
export class PlacementCapacityException extends TemporarilyUnavailableException {
  constructor() {
    super(1);
  }
}
