import { ErrorCode, HTTP_STATUS_BY_ERROR_CODE } from '@tenantpay/platform';
import type { RouteContract } from './route-contract';

/** What one operation is: its guards' demands and the shape of its request. */
export interface OperationTraits {
  readonly contract: RouteContract;
  readonly writes: boolean;
  readonly hasBody: boolean;
  readonly hasInput: boolean;
  readonly hasPathParameters: boolean;
}

/**
 * Every error code an operation can answer, grouped by HTTP status: what the platform answers on every route
 * of its kind (derived from the same decorators the guards read, so the two cannot drift) plus the codes its
 * handler declares with `@DocumentedErrors()`.
 */
export function routeErrorCodes(traits: OperationTraits): Map<number, ErrorCode[]> {
  const { contract } = traits;
  const codes = new Set<ErrorCode>([
    ErrorCode.InternalError,
    ErrorCode.ServiceUnavailable,
    ErrorCode.Overloaded,
    ...contract.documentedErrors,
  ]);
  if (traits.hasInput) codes.add(ErrorCode.ValidationError);
  if (traits.hasBody) {
    codes.add(ErrorCode.InvalidJson);
    codes.add(ErrorCode.PayloadTooLarge);
    codes.add(ErrorCode.UnsupportedMediaType);
  }
  if (traits.hasPathParameters) codes.add(ErrorCode.NotFound);
  if (contract.rateLimited) codes.add(ErrorCode.RateLimitExceeded);
  if (contract.isPublic) {
    // A public platform route refuses a host naming a tenant (TenantGuard).
    if (contract.platformRoute) codes.add(ErrorCode.Forbidden);
    if (contract.requiresTenant) {
      codes.add(ErrorCode.ValidationError);
      codes.add(ErrorCode.TenantNotFound);
      codes.add(ErrorCode.TenantSuspended);
    }
  } else {
    codes.add(ErrorCode.Unauthorized);
    codes.add(ErrorCode.Forbidden);
    // The tenant request hook runs before every route's guards, platform routes included: a tenant's credential
    // sent with another tenant's header or host is refused there, whatever the route.
    codes.add(ErrorCode.TenantMismatch);
    if (!contract.platformRoute) {
      codes.add(ErrorCode.TenantSuspended);
      codes.add(ErrorCode.TenantNotFound);
      if (traits.writes) {
        codes.add(ErrorCode.TenantArchived);
        codes.add(ErrorCode.SupportSessionReadOnly);
        // A write of a tenant whose placement move is in its final pass (see MovingTenantWriteGate).
        codes.add(ErrorCode.TenantMoving);
      }
    }
  }
  if (contract.feature !== undefined) codes.add(ErrorCode.FeatureNotInTier);

  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of Object.values(ErrorCode).filter((candidate) => codes.has(candidate))) {
    const status = HTTP_STATUS_BY_ERROR_CODE[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
}
