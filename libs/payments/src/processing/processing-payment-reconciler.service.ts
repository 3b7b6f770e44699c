import { Inject, Injectable, Logger } from '@nestjs/common';
import { isLiveJobState } from '@tenantpay/platform';
import {
  type GatewayChargeLookup,
  PAYMENT_GATEWAY,
  type PaymentGateway,
} from '../gateway/payment-gateway.port';
import type { Payment } from '../payment/payment';
import { SYSTEM_ACTOR } from '../payment/payment-actor';
import { PaymentStatus } from '../payment/payment-status.enum';
import { PaymentsRepository } from '../payment/payments.repository';
import { MAX_UNKNOWN_RECONCILIATIONS } from '../payments.constant';
import { PaymentEventType } from '../ports/payment-event';
import { PaymentEventsService } from './payment-events.service';
import { PaymentJobsService } from './payment-jobs.service';
import { PaymentProcessingService } from './payment-processing.service';

/** What reconciling one PROCESSING payment did. */
export type ReconciliationOutcome =
  'left_to_job' | 'completed' | 'failed' | 're_enqueued' | 'unknown' | 'needs_attention';

/**
 * Settles a payment stuck in PROCESSING whose job can no longer settle it: the job is gone (Redis lost it) or
 * dead-lettered (its retries ran out). The gateway is asked by the payment's idempotency key, which never
 * moves money:
 * - settled → the recorded outcome is written (COMPLETED or FAILED), with its event;
 * - not charged, job gone → enqueued again (the gateway key keeps it to one charge);
 * - not charged, job dead-lettered → FAILED `gateway_unavailable`: the retry schedule ran out and nothing was
 *   charged. The dead letter is removed first and the gateway asked again, so no replay can charge behind it;
 * - unknown → counted and asked again at the next sweep; after MAX_UNKNOWN_RECONCILIATIONS the payment needs a
 *   person (reported every sweep), because guessing risks a lost or a double charge.
 * Runs in the payment's tenant context.
 */
@Injectable()
export class ProcessingPaymentReconciler {
  private readonly logger = new Logger(ProcessingPaymentReconciler.name);

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly jobs: PaymentJobsService,
    private readonly processing: PaymentProcessingService,
    private readonly events: PaymentEventsService,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
  ) {}

  async reconcile(payment: Payment): Promise<ReconciliationOutcome> {
    const paymentId = payment._id.toHexString();
    if (payment.reconciliationAttempts >= MAX_UNKNOWN_RECONCILIATIONS) {
      this.logger.error(
        { paymentId, tenantId: payment.tenantId.toHexString(), attempts: payment.reconciliationAttempts },
        'Payment PROCESSING with no job and no answer from the gateway: needs a person',
      );
      return 'needs_attention';
    }
    const jobState = await this.jobs.paymentJobState(paymentId);
    if (isLiveJobState(jobState)) return 'left_to_job';

    const deadLettered = jobState === 'failed';
    let lookup = await this.lookUp(paymentId);
    if (lookup.state === 'not_charged' && deadLettered) {
      if (!(await this.jobs.discardDeadLetteredPaymentJob(paymentId))) return 'left_to_job';
      // Asked again now that no replay of the removed job can be charging in between.
      lookup = await this.lookUp(paymentId);
    }
    switch (lookup.state) {
      case 'settled': {
        const settled = await this.processing.recordChargeOutcome(
          payment._id,
          lookup.result,
          'reconciliation',
        );
        if (settled === null) return 'left_to_job';
        this.logger.warn({ paymentId, status: settled.status }, 'Stuck payment settled from the gateway');
        return settled.status === PaymentStatus.Completed ? 'completed' : 'failed';
      }
      case 'not_charged':
        return deadLettered ? this.failUncharged(payment) : this.enqueueAgain(paymentId);
      case 'unknown':
        await this.payments.recordReconciliationUnknown(payment._id, lookup.reason);
        this.logger.warn(
          { paymentId, attempts: payment.reconciliationAttempts + 1, reason: lookup.reason },
          'The gateway could not say whether a stuck payment was charged; asking again at the next sweep',
        );
        return 'unknown';
    }
  }

  private async lookUp(paymentId: string): Promise<GatewayChargeLookup> {
    try {
      return await this.gateway.findCharge(paymentId);
    } catch (error) {
      return { state: 'unknown', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private async enqueueAgain(paymentId: string): Promise<ReconciliationOutcome> {
    await this.jobs.processPayment(paymentId);
    this.logger.warn({ paymentId }, 'Payment PROCESSING without a job and never charged: enqueued again');
    return 're_enqueued';
  }

  private async failUncharged(payment: Payment): Promise<ReconciliationOutcome> {
    const failed = await this.events.transition(
      payment._id,
      {
        from: PaymentStatus.Processing,
        to: PaymentStatus.Failed,
        by: SYSTEM_ACTOR,
        reason: 'gateway unreachable for the whole retry schedule; nothing was charged',
        set: {
          failureCode: 'gateway_unavailable',
          failureMessage: 'The payment gateway could not be reached. Nothing was charged.',
          lastProcessingError: null,
        },
      },
      PaymentEventType.Failed,
    );
    return failed === null ? 'left_to_job' : 'failed';
  }
}
