import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Types } from 'mongoose';
import { WebhookDestinationGuard } from '../destinations/webhook-destination-guard.service';
import { WebhookDestinationRefusedException } from '../destinations/webhook-destination-refused.exception';
import { WebhookEndpointsRepository } from '../endpoints/webhook-endpoints.repository';
import { WebhookEndpointsService } from '../endpoints/webhook-endpoints.service';
import { WebhookEventsRepository } from '../events/webhook-events.repository';
import { signatureHeaderValue } from '../signing/sign-webhook';
import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '../webhooks.constant';
import { WEBHOOKS_OPTIONS, type WebhooksOptions } from '../webhooks-options';
import { PinnedWebhookHttpClient } from './pinned-webhook-http-client';
import type { WebhookAttemptResult } from './webhook-attempt-result';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import type { WebhookDeliveryAttempt } from './webhook-delivery';
import { WebhookDeliveryStatus } from './webhook-delivery-status.enum';
import type { WebhookHttpOutcome } from './webhook-http-response';

export interface WebhookAttemptRequest {
  readonly deliveryId: string;
  /** Whether no retry follows a failure of this attempt. */
  readonly isLastAttempt: boolean;
}

const GONE = 410;

/**
 * One attempt at one delivery, in the tenant's context (the worker's job). The destination is checked
 * again now (its DNS may have been rebound since registration) and the connection pinned to the checked
 * address; the body is signed with a fresh timestamp; the attempt is appended to the delivery log whatever
 * happens, before BullMQ hears about it.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly endpointsRepository: WebhookEndpointsRepository,
    private readonly endpoints: WebhookEndpointsService,
    private readonly events: WebhookEventsRepository,
    private readonly destinations: WebhookDestinationGuard,
    private readonly http: PinnedWebhookHttpClient,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {}

  async attempt(request: WebhookAttemptRequest): Promise<WebhookAttemptResult> {
    const delivery = await this.deliveries.findById(request.deliveryId);
    if (delivery === null) return { outcome: 'skipped', reason: 'delivery not found' };
    if (delivery.status !== WebhookDeliveryStatus.Pending)
      return { outcome: 'skipped', reason: `already ${delivery.status}` };
    const endpoint = await this.endpointsRepository.findById(delivery.endpointId);
    if (endpoint === null || !endpoint.enabled) {
      const reason = endpoint === null ? 'endpoint deleted' : 'endpoint disabled';
      await this.deliveries.cancel(delivery._id, reason);
      return { outcome: 'skipped', reason };
    }
    const event = await this.events.findById(delivery.eventId);
    if (event === null) {
      await this.deliveries.cancel(delivery._id, 'event deleted');
      return { outcome: 'skipped', reason: 'event deleted' };
    }

    const startedAt = new Date();
    const outcome = await this.send(endpoint.url, event._id, event.body, () =>
      this.endpoints.signingSecrets(endpoint),
    );
    const attempt: WebhookDeliveryAttempt = {
      number: delivery.attempts.length + 1,
      startedAt,
      durationMs: outcome.durationMs,
      responseStatus: outcome.kind === 'response' ? outcome.status : null,
      responseBody: outcome.kind === 'response' ? outcome.body : null,
      error: outcome.kind === 'error' ? outcome.error : null,
      succeeded: outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300,
    };

    if (attempt.succeeded)
      return this.settle(delivery._id, attempt, WebhookDeliveryStatus.Succeeded, null, {
        outcome: 'succeeded',
      });
    if (attempt.responseStatus === GONE) {
      // Disabled first: the settled delivery says the endpoint is disabled, and a crash between the two writes
      // must not leave it saying so of an endpoint still enabled (the job's retry settles it again).
      await this.endpoints.disableGone(endpoint._id);
      return this.settle(
        delivery._id,
        attempt,
        WebhookDeliveryStatus.Failed,
        'endpoint answered 410 Gone; endpoint disabled',
        { outcome: 'gone' },
      );
    }
    const reason = attempt.error ?? `endpoint answered ${attempt.responseStatus}`;
    if (request.isLastAttempt)
      return this.settle(
        delivery._id,
        attempt,
        WebhookDeliveryStatus.Failed,
        `every attempt failed; last: ${reason}`,
        {
          outcome: 'dead_lettered',
          reason,
        },
      );
    return this.settle(delivery._id, attempt, WebhookDeliveryStatus.Pending, null, {
      outcome: 'retry',
      reason,
    });
  }

  private async send(
    url: string,
    eventId: Types.ObjectId,
    body: string,
    secrets: () => string[],
  ): Promise<WebhookHttpOutcome> {
    const started = performance.now();
    try {
      const destination = await this.destinations.check(url);
      const id = eventId.toHexString();
      const timestamp = Math.floor(Date.now() / 1000);
      const headers = {
        [WEBHOOK_ID_HEADER]: id,
        [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
        [WEBHOOK_SIGNATURE_HEADER]: signatureHeaderValue(secrets(), id, timestamp, body),
      };
      return await this.http.post(destination, headers, body, this.options.attemptTimeoutMs);
    } catch (error) {
      const durationMs = Math.round(performance.now() - started);
      if (error instanceof WebhookDestinationRefusedException)
        return { kind: 'error', error: `destination refused: ${error.reason}`, durationMs };
      // Our own failure (say, a secret that no longer decrypts): logged in full here, shown to the tenant
      // without internals, and retried like any other failed attempt.
      this.logger.error(
        { err: error, eventId: eventId.toHexString() },
        'Webhook attempt failed before sending',
      );
      return { kind: 'error', error: 'internal error before sending', durationMs };
    }
  }

  private async settle(
    deliveryId: Types.ObjectId,
    attempt: WebhookDeliveryAttempt,
    status: WebhookDeliveryStatus,
    finalReason: string | null,
    result: WebhookAttemptResult,
  ): Promise<WebhookAttemptResult> {
    const recorded = await this.deliveries.recordAttempt(deliveryId, attempt, status, finalReason);
    return recorded ? result : { outcome: 'skipped', reason: 'delivery ended concurrently' };
  }
}
