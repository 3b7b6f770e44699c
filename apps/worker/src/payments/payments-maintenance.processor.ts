import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  PAYMENTS_MAINTENANCE_QUEUE,
  PaymentMaintenanceJobName,
  PaymentOutboxDispatcher,
  StuckPaymentBatchesSweeper,
  StuckPaymentsSweeper,
} from '@tenantpay/payments';
import type { Job } from 'bullmq';
import { PaymentsSweepMetrics } from './payments-sweep.metrics';

/**
 * Cross-tenant payments maintenance: the timeouts of PENDING, PROCESSING and AWAITING_APPROVAL payments
 * (StuckPaymentsSweeper), bulk batches no chunk job will finish (StuckPaymentBatchesSweeper), and dispatching
 * payment events
 * left in the outbox (their first dispatch failed or its process died). Runs with no tenant context;
 * the services enter the platform scope for the cross-tenant read and each tenant's context for its work.
 */
@Processor(PAYMENTS_MAINTENANCE_QUEUE)
export class PaymentsMaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(PaymentsMaintenanceProcessor.name);

  constructor(
    private readonly stuckPayments: StuckPaymentsSweeper,
    private readonly stuckBatches: StuckPaymentBatchesSweeper,
    private readonly outbox: PaymentOutboxDispatcher,
    private readonly sweepMetrics: PaymentsSweepMetrics,
  ) {
    super();
  }

  async process(job: Job): Promise<number> {
    switch (job.name) {
      case PaymentMaintenanceJobName.SweepStuckPayments:
        return this.sweepMetrics.record(await this.stuckPayments.sweep());
      case PaymentMaintenanceJobName.SweepStuckBatches:
        return (await this.stuckBatches.sweep()).batchesRecovered;
      case PaymentMaintenanceJobName.DispatchPaymentEvents:
        return this.outbox.dispatchPending();
      default:
        throw new Error(`Unknown payments maintenance job ${job.name}`);
    }
  }

  // Without a listener, a connection error would be an unhandled 'error' event and crash the process.
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, 'Payments maintenance worker error');
  }
}
