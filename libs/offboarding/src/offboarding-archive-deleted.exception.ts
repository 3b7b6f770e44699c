import { DomainException, ErrorCode } from '@tenantpay/platform';

/** The archive's retention period ended and the worker deleted the file: gone for good, hence 410. */
export class OffboardingArchiveDeletedException extends DomainException {
  constructor(deletedAt: Date) {
    super(
      ErrorCode.OffboardingArchiveDeleted,
      `The export archive was deleted on ${deletedAt.toISOString()} after its retention period.`,
    );
  }
}
