import { Injectable } from '@nestjs/common';
import { TenantContextService, principalActorId } from '@tenantpay/tenancy';
import type { Types } from 'mongoose';
import { WebhookDestinationGuard } from '../destinations/webhook-destination-guard.service';
import type { WebhookEventSubscription } from '../events/webhook-event-type.enum';
import { generateWebhookSecret } from '../secrets/generate-webhook-secret';
import { WebhookSecretCipher } from '../secrets/webhook-secret-cipher.service';
import { WEBHOOK_ENDPOINTS_PER_TENANT_MAX } from '../webhooks.constant';
import type { WebhookEndpoint } from './webhook-endpoint';
import { WebhookEndpointChangedException } from './webhook-endpoint-changed.exception';
import { WebhookEndpointDisabledReason } from './webhook-endpoint-disabled-reason.enum';
import { WebhookEndpointLimitReachedException } from './webhook-endpoint-limit-reached.exception';
import { WebhookEndpointNotFoundException } from './webhook-endpoint-not-found.exception';
import {
  toWebhookEndpointView,
  type WebhookEndpointView,
  type WebhookEndpointWithSecret,
} from './webhook-endpoint-view';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

export interface CreateWebhookEndpointInput {
  readonly url: string;
  readonly events: readonly WebhookEventSubscription[];
  readonly description?: string | null;
}

export interface UpdateWebhookEndpointInput {
  readonly url?: string;
  readonly events?: readonly WebhookEventSubscription[];
  readonly description?: string | null;
  readonly enabled?: boolean;
}

/** The current tenant's webhook endpoints: register (secret shown once), list, change, delete, rotate. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly destinations: WebhookDestinationGuard,
    private readonly cipher: WebhookSecretCipher,
    private readonly tenantContext: TenantContextService,
  ) {}

  async create(input: CreateWebhookEndpointInput): Promise<WebhookEndpointWithSecret> {
    await this.destinations.check(input.url);
    // A soft limit: two concurrent creations at the limit can both pass, which only costs one endpoint.
    if ((await this.endpoints.countDocuments()) >= WEBHOOK_ENDPOINTS_PER_TENANT_MAX)
      throw new WebhookEndpointLimitReachedException();
    // The id is bound into the secret's ciphertext, so it is needed before the insert.
    const id = this.endpoints.newId();
    const secret = generateWebhookSecret();
    const endpoint = await this.endpoints.create({
      _id: id,
      url: input.url,
      description: input.description ?? null,
      events: [...new Set(input.events)],
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      secretCiphertext: this.cipher.encrypt(secret, this.binding(id)),
      previousSecretCiphertext: null,
      previousSecretExpiresAt: null,
      createdBy: this.actorId(),
    });
    return { ...toWebhookEndpointView(endpoint), secret };
  }

  async list(): Promise<WebhookEndpointView[]> {
    const now = new Date();
    const endpoints = await this.endpoints.find(
      {},
      { sort: { _id: 1 }, limit: WEBHOOK_ENDPOINTS_PER_TENANT_MAX * 2 },
    );
    return endpoints.map((endpoint) => toWebhookEndpointView(endpoint, now));
  }

  async get(id: string): Promise<WebhookEndpointView> {
    return toWebhookEndpointView(await this.existing(id));
  }

  /** The endpoint itself, for code in this library (delivery, replay); throws when missing. */
  async existing(id: string | Types.ObjectId): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoints.findById(id);
    if (endpoint === null) throw new WebhookEndpointNotFoundException();
    return endpoint;
  }

  async update(id: string, input: UpdateWebhookEndpointInput): Promise<WebhookEndpointView> {
    const current = await this.existing(id);
    if (input.url !== undefined && input.url !== current.url) await this.destinations.check(input.url);
    const set: Record<string, unknown> = {};
    if (input.url !== undefined) set['url'] = input.url;
    if (input.events !== undefined) set['events'] = [...new Set(input.events)];
    if (input.description !== undefined) set['description'] = input.description;
    if (input.enabled === true) Object.assign(set, { enabled: true, disabledReason: null, disabledAt: null });
    if (input.enabled === false && current.enabled)
      Object.assign(set, {
        enabled: false,
        disabledReason: WebhookEndpointDisabledReason.Manual,
        disabledAt: new Date(),
      });
    if (Object.keys(set).length === 0) return toWebhookEndpointView(current);
    const updated = await this.endpoints.findOneAndUpdate({ _id: current._id }, { $set: set });
    if (updated === null) throw new WebhookEndpointNotFoundException();
    return toWebhookEndpointView(updated);
  }

  /** Soft-deletes the endpoint; deliveries still queued for it are canceled when their turn comes. */
  async remove(id: string): Promise<void> {
    const endpoint = await this.existing(id);
    if ((await this.endpoints.softDeleteOne({ _id: endpoint._id })) === 0)
      throw new WebhookEndpointNotFoundException();
  }

  /**
   * Replaces the signing secret. The old one keeps signing next to the new one (a second `v1=`) for
   * `previousSecretValidForSeconds` (0 = stops at once, the right choice after a leak), so receivers can
   * switch without dropping deliveries. The write is conditional on the secret read, so two concurrent
   * rotations cannot both report success with one of their secrets silently lost.
   */
  async rotateSecret(id: string, previousSecretValidForSeconds = 0): Promise<WebhookEndpointWithSecret> {
    const current = await this.existing(id);
    const secret = generateWebhookSecret();
    const keepPrevious = previousSecretValidForSeconds > 0;
    const updated = await this.endpoints.findOneAndUpdate(
      { _id: current._id, secretCiphertext: current.secretCiphertext },
      {
        $set: {
          secretCiphertext: this.cipher.encrypt(secret, this.binding(current._id)),
          previousSecretCiphertext: keepPrevious ? current.secretCiphertext : null,
          previousSecretExpiresAt: keepPrevious
            ? new Date(Date.now() + previousSecretValidForSeconds * 1000)
            : null,
        },
      },
    );
    if (updated === null) throw new WebhookEndpointChangedException();
    return { ...toWebhookEndpointView(updated), secret };
  }

  /** The secrets a delivery is signed with now: the current one, then the previous one while it lasts. */
  signingSecrets(endpoint: WebhookEndpoint, now = new Date()): string[] {
    const binding = this.binding(endpoint._id);
    const secrets = [this.cipher.decrypt(endpoint.secretCiphertext, binding)];
    if (
      endpoint.previousSecretCiphertext !== null &&
      endpoint.previousSecretExpiresAt !== null &&
      endpoint.previousSecretExpiresAt > now
    )
      secrets.push(this.cipher.decrypt(endpoint.previousSecretCiphertext, binding));
    return secrets;
  }

  /** The receiver answered 410 Gone: stop delivering to it until an admin enables it again. */
  async disableGone(endpointId: Types.ObjectId): Promise<void> {
    await this.endpoints.updateOne(
      { _id: endpointId, enabled: true },
      {
        $set: {
          enabled: false,
          disabledReason: WebhookEndpointDisabledReason.EndpointGone,
          disabledAt: new Date(),
        },
      },
    );
  }

  private binding(endpointId: Types.ObjectId) {
    return { tenantId: this.tenantContext.getTenantId(), endpointId: endpointId.toHexString() };
  }

  private actorId(): string | null {
    const principal = this.tenantContext.current()?.principal;
    return principal ? principalActorId(principal) : null;
  }
}
