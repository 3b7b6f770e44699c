import { Injectable } from '@nestjs/common';
import { AuditAction, type AuditResource, AuditService } from '@tenantpay/audit';
import { TransactionService } from '@tenantpay/data-isolation';
import { type ListEnvelope, listEnvelope } from '@tenantpay/platform';
import { principalActorId, TenantContextService } from '@tenantpay/tenancy';
import type { ApiKey } from './api-key';
import { ApiKeyAlreadyRotatedException } from './api-key-already-rotated.exception';
import { ApiKeyCache } from './api-key-cache.service';
import { ApiKeyExpiryInPastException } from './api-key-expiry-in-past.exception';
import { ApiKeyNotFoundException } from './api-key-not-found.exception';
import { ApiKeyRevokedException } from './api-key-revoked.exception';
import type { ApiKeyScope } from './api-key-scope.enum';
import {
  API_KEY_ROTATION_DEFAULT_OVERLAP_SECONDS,
  API_KEY_ROTATION_MAX_OVERLAP_SECONDS,
} from './api-key-rotation.constant';
import { generateApiKey } from './api-key-secret';
import { type ApiKeyView, type CreatedApiKey, toApiKeyView } from './api-key-view';
import { ApiKeysRepository } from './api-keys.repository';
import { toCachedApiKey } from './cached-api-key';

export interface CreateApiKeyInput {
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly expiresAt?: Date;
}

/** The current tenant's API keys: create (secret shown once), list, revoke, rotate. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly cache: ApiKeyCache,
    private readonly tenantContext: TenantContextService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionService,
  ) {}

  async create(input: CreateApiKeyInput, ip: string | null = null): Promise<CreatedApiKey> {
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt !== null && expiresAt.getTime() <= Date.now()) throw new ApiKeyExpiryInPastException();
    const generated = generateApiKey(this.tenantContext.getTenantId());
    const key = await this.keys.insert({
      name: input.name,
      prefix: generated.prefix,
      hash: generated.hash,
      scopes: [...new Set(input.scopes)],
      expiresAt,
      createdBy: this.actorId(),
      rotatedFromId: null,
    });
    await this.audit.recordChange(AuditAction.ApiKeyCreated, apiKeyResource(key), ip, { scopes: key.scopes });
    return { ...toApiKeyView(key), key: generated.key };
  }

  /** Revoked and rotated-out keys stay listed, so the collection grows with every rotation: it is paged. */
  async list(limit: number, startingAfter?: string): Promise<ListEnvelope<ApiKeyView>> {
    const now = new Date();
    const page = await this.keys.list(limit, startingAfter);
    return listEnvelope(
      page.items.map((key) => toApiKeyView(key, now)),
      page.hasMore,
    );
  }

  async get(id: string): Promise<ApiKeyView> {
    return toApiKeyView(await this.existing(id));
  }

  /**
   * Revokes the key: it stops authenticating on this instance as soon as this returns, and on every other
   * one as soon as the cache invalidation announcement reaches it (ApiKeyCache).
   */
  async revoke(id: string, ip: string | null = null): Promise<ApiKeyView> {
    const key = await this.keys.revoke(id, this.actorId(), new Date());
    if (key === null) {
      await this.existing(id);
      throw new ApiKeyRevokedException();
    }
    await this.cache.markRevoked(key.hash);
    await this.audit.recordChange(AuditAction.ApiKeyRevoked, apiKeyResource(key), ip);
    return toApiKeyView(key);
  }

  /**
   * Replaces the key with a new secret and the same name and scopes. The old key keeps working for the
   * overlap the caller chose (default 24 h, at most 7 days; its status is `rotating`, and its expiry is
   * brought forward to the overlap's end, never pushed back), then is refused like any expired key; with no
   * overlap it is revoked at once. Both writes are one transaction (never both rotating, never neither). The
   * replacement's expiry carries over unless a new one is given; rotating an expired key needs a new one.
   */
  async rotate(
    id: string,
    expiresAt?: Date,
    ip: string | null = null,
    overlapSeconds = API_KEY_ROTATION_DEFAULT_OVERLAP_SECONDS,
  ): Promise<CreatedApiKey> {
    const old = await this.existing(id);
    if (old.revokedAt !== null) throw new ApiKeyRevokedException();
    if (old.rotatingUntil !== null) throw new ApiKeyAlreadyRotatedException();
    const newExpiry = expiresAt ?? old.expiresAt;
    if (newExpiry !== null && newExpiry.getTime() <= Date.now()) throw new ApiKeyExpiryInPastException();
    const overlap = Math.min(Math.max(0, overlapSeconds), API_KEY_ROTATION_MAX_OVERLAP_SECONDS);
    const generated = generateApiKey(this.tenantContext.getTenantId());
    const actor = this.actorId();
    const now = new Date();
    const rotatingUntil = new Date(now.getTime() + overlap * 1000);
    const { replaced, replacement } = await this.transactions.withTransaction(async () => {
      const retired =
        overlap === 0
          ? await this.keys.revoke(id, actor, now)
          : await this.keys.markRotating(id, rotatingUntil, earlier(old.expiresAt, rotatingUntil));
      if (retired === null) throw new ApiKeyRevokedException();
      const inserted = await this.keys.insert({
        name: old.name,
        prefix: generated.prefix,
        hash: generated.hash,
        scopes: old.scopes,
        expiresAt: newExpiry,
        createdBy: actor,
        rotatedFromId: old._id,
      });
      return { replaced: retired, replacement: inserted };
    });
    // Every instance applies the old key's new state at once: a tombstone, or its shortened expiry.
    if (overlap === 0) await this.cache.markRevoked(old.hash);
    else await this.cache.replace(old.hash, toCachedApiKey(replaced));
    await this.audit.recordChange(AuditAction.ApiKeyRotated, apiKeyResource(replacement), ip, {
      rotatedFromId: old._id.toHexString(),
      overlapSeconds: overlap,
    });
    return { ...toApiKeyView(replacement), key: generated.key };
  }

  private async existing(id: string): Promise<ApiKey> {
    const key = await this.keys.findById(id);
    if (key === null) throw new ApiKeyNotFoundException();
    return key;
  }

  private actorId(): string | null {
    const principal = this.tenantContext.current()?.principal;
    return principal ? principalActorId(principal) : null;
  }
}

function earlier(expiresAt: Date | null, until: Date): Date {
  return expiresAt !== null && expiresAt < until ? expiresAt : until;
}

function apiKeyResource(key: ApiKey): AuditResource {
  return { type: 'api_key', id: key._id.toHexString() };
}
