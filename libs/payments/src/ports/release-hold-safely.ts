import type { Logger } from '@nestjs/common';
import type { TenantSnapshot } from '@tenantpay/tenancy';
import type { QuotaHold, TransactionQuota } from './transaction-quota.port';

/**
 * Gives a failed creation's hold back without hiding the creation's own error: a release that fails is logged,
 * and the hold expires on its own.
 */
export async function releaseHoldSafely(
  quota: TransactionQuota,
  tenant: TenantSnapshot,
  hold: QuotaHold,
  logger: Logger,
): Promise<void> {
  await quota
    .release(tenant, hold)
    .catch((error: unknown) => logger.error({ err: error, holdId: hold.id }, 'Quota hold not released'));
}
