import { Logger } from '@nestjs/common';
import type { PaymentEventPublisher } from './payment-event-publisher.port';
import type { StorageUsage } from './storage-usage.port';
import type { TransactionQuota } from './transaction-quota.port';

/**
 * What PaymentsModule binds when the application binds nothing: no quota, no metering, events dropped, each
 * announced once at start-up so a deployment without them is visible in the log rather than silent.
 */
export function unboundPorts(): {
  quota: TransactionQuota;
  storage: StorageUsage;
  publisher: PaymentEventPublisher;
} {
  const logger = new Logger('PaymentsModule');
  return {
    quota: {
      prepareHold: (_tenant, batchRows) => ({
        id: 'unbound',
        period: '',
        units: batchRows ?? 1,
        forBatch: batchRows !== undefined,
      }),
      reserve: async () => undefined,
      release: async () => undefined,
      recordCreated: async () => undefined,
    },
    storage: { recordGrowth: async () => undefined },
    publisher: {
      publish: async (event) =>
        logger.debug({ eventId: event.id, type: event.type }, 'Payment event not published'),
    },
  };
}
