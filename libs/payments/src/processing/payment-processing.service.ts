import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { GatewayUnavailableError } from '../gateway/gateway-unavailable.error';
import {
  type GatewayChargeResult,
  PAYMENT_GATEWAY,
  type PaymentGateway,
} from '../gateway/payment-gateway.port';
import type { Payment } from '../payment/payment';
import { SYSTEM_ACTOR } from '../payment/payment-actor';
import { PaymentStatus } from '../payment/payment-status.enum';
import { PaymentsRepository } from '../payment/payments.repository';
import { PaymentEventType } from '../ports/payment-event';
import type { Types } from 'mongoose';
import { GatewayCallsAbort } from './gateway-calls-abort.service';
import { PaymentEventsService } from './payment-events.service';

export type ProcessingOutcome = 'completed' | 'failed' | 'skipped' | 'refunded';

/**
 * The worker's side of a payment, run inside the job's tenant context. Every step can run again after a crash
 * or a stalled job: the status moves are conditional, the gateway is called with the payment id (or refund id)
 * as its idempotency key so it never charges twice, and each event commits with the transition it announces.
 *
 * No transaction and no lock is held while the gateway is called: the payment is claimed by a conditional
 * PENDING → PROCESSING update, the gateway is called outside any session, and the outcome is written by a
 * conditional PROCESSING → COMPLETED | FAILED. A worker killed at any point leaves nothing locked, so another
 * worker resumes the job as soon as BullMQ hands it on (lock duration + stalled interval).
 *
 * Transient gateway failures are thrown so BullMQ retries with backoff; when the attempts run out the job
 * stays in the failed (dead-letter) set and the payment stays PROCESSING with `lastProcessingError` until the
 * sweep reconciles it with the gateway (StuckPaymentsSweeper). Declines are definitive and recorded. A call
 * abandoned at the shutdown deadline writes nothing: the job is retried elsewhere under the same key.
 */
@Injectable()
export class PaymentProcessingService {
  private readonly logger = new Logger(PaymentProcessingService.name);

  constructor(
    private readonly payments: PaymentsRepository,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly events: PaymentEventsService,
    private readonly abort: GatewayCallsAbort,
  ) {}

  async processPayment(paymentId: string): Promise<ProcessingOutcome> {
    let payment = await this.payments.findById(paymentId);
    if (payment === null) return this.missing(paymentId);
    if (payment.status === PaymentStatus.Pending) {
      payment =
        (await this.payments.transition(payment._id, {
          from: PaymentStatus.Pending,
          to: PaymentStatus.Processing,
          by: SYSTEM_ACTOR,
          reason: 'processing started',
        })) ?? (await this.payments.findById(paymentId));
      if (payment === null) return this.missing(paymentId);
    }
    if (payment.status !== PaymentStatus.Processing) return this.settled(payment);

    let result;
    try {
      result = await this.gateway.charge(
        {
          idempotencyKey: paymentId,
          amount: payment.amount,
          currency: payment.currency,
          method: payment.method,
          paymentToken: payment.paymentToken,
          metadata: { tenantId: payment.tenantId.toHexString(), paymentId },
        },
        this.abort.signal,
      );
    } catch (error) {
      if (error instanceof GatewayUnavailableError) {
        await this.payments.recordProcessingError(payment._id, error.message);
      }
      throw error;
    }
    const finished = await this.recordChargeOutcome(payment._id, result, 'charge');
    // Null: the gateway's webhook settled it first (and recorded its event).
    const settledPayment = finished ?? (await this.payments.findById(paymentId));
    return settledPayment === null ? this.missing(paymentId) : this.settled(settledPayment);
  }

  /**
   * Writes what the gateway decided, with its event: PROCESSING → COMPLETED or FAILED, conditional on the
   * payment still being PROCESSING. Null when it no longer was (a webhook or another run settled it first).
   * `via` says who learnt the outcome: the charge call itself, or the sweep asking the gateway afterwards.
   */
  async recordChargeOutcome(
    paymentId: Types.ObjectId,
    result: GatewayChargeResult,
    via: 'charge' | 'reconciliation',
  ): Promise<Payment | null> {
    const suffix = via === 'charge' ? '' : ' (reconciled with the gateway)';
    return result.outcome === 'succeeded'
      ? this.events.transition(
          paymentId,
          {
            from: PaymentStatus.Processing,
            to: PaymentStatus.Completed,
            by: SYSTEM_ACTOR,
            reason: `charge succeeded${suffix}`,
            set: { gatewayReference: result.gatewayReference, lastProcessingError: null },
          },
          PaymentEventType.Completed,
        )
      : this.events.transition(
          paymentId,
          {
            from: PaymentStatus.Processing,
            to: PaymentStatus.Failed,
            by: SYSTEM_ACTOR,
            reason: `charge declined${suffix}`,
            set: {
              gatewayReference: result.gatewayReference,
              failureCode: result.code,
              failureMessage: result.message,
              lastProcessingError: null,
            },
          },
          PaymentEventType.Failed,
        );
  }

  async processRefund(paymentId: string, refundId: string): Promise<ProcessingOutcome> {
    const payment = await this.payments.findById(paymentId);
    const refund = payment?.refunds.find((candidate) => candidate._id.toHexString() === refundId);
    if (payment === null || refund === undefined) return this.missing(paymentId);
    if (refund.status === 'pending') {
      if (payment.gatewayReference === null)
        throw new UnrecoverableError('Refund of a payment never charged');
      const result = await this.gateway.refund(
        {
          idempotencyKey: refundId,
          chargeReference: payment.gatewayReference,
          amount: refund.amount,
          currency: payment.currency,
        },
        this.abort.signal,
      );
      // Null: a concurrent run of this job marked it first, with the event.
      await this.events.refundSucceeded(
        payment._id,
        refund._id,
        result.gatewayReference,
        PaymentEventType.Refunded,
      );
    }
    return 'refunded';
  }

  /** Its event was written with the transition that settled it, whichever run or webhook that was. */
  private settled(payment: Payment): ProcessingOutcome {
    if (payment.status === PaymentStatus.Completed) return 'completed';
    if (payment.status === PaymentStatus.Failed) return 'failed';
    return 'skipped';
  }

  private missing(paymentId: string): ProcessingOutcome {
    this.logger.warn({ paymentId }, 'Payment job for a payment that does not exist; skipped');
    return 'skipped';
  }
}
