import { Injectable, Logger } from '@nestjs/common';
import { type ApiKeyPrincipal, type Awaitable, thenOrNow } from '@tenantpay/tenancy';
import { Types } from 'mongoose';
import { InvalidCredentialException } from '../tokens/invalid-credential.exception';
import { ApiKeyCache } from './api-key-cache.service';
import { ApiKeyCredentialsRepository } from './api-key-credentials.repository';
import { hashApiKey, parseApiKey } from './api-key-secret';
import { type CachedApiKey, toCachedApiKey } from './cached-api-key';

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Turns a presented API key into a principal, or refuses it (unknown, revoked, expired, malformed) with
 * one undifferentiated 401. Lookups go through the shared cache; the key's tenant still has to be
 * resolved and checked by the caller (tenant resolution does that for the reference it returns).
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly logger = new Logger(ApiKeyAuthenticator.name);
  /** When this process last wrote each key's lastUsedAt; spares MongoDB a no-op update per request. */
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly cache: ApiKeyCache,
    private readonly credentials: ApiKeyCredentialsRepository,
  ) {}

  /**
   * Not async: a key this process knows is answered at once, without a promise (every API-key request asks).
   * A malformed key is refused with a throw, an unknown or revoked one with a throw or a rejection.
   */
  authenticate(presented: string, now = new Date()): Awaitable<ApiKeyPrincipal> {
    const parsed = parseApiKey(presented);
    if (parsed === null) throw new InvalidCredentialException();
    const hash = hashApiKey(presented);
    const entry = this.cache.find(hash, () => this.load(hash, parsed.tenantId));
    return thenOrNow(entry, (found) => this.principalOf(found, now));
  }

  private principalOf(entry: CachedApiKey, now: Date): ApiKeyPrincipal {
    if (entry.state !== 'active') throw new InvalidCredentialException();
    if (entry.expiresAt !== null && Date.parse(entry.expiresAt) <= now.getTime()) {
      throw new InvalidCredentialException();
    }
    this.touch(entry.id, entry.tenantId, now);
    return { kind: 'api-key', apiKeyId: entry.id, tenantId: entry.tenantId, scopes: entry.scopes };
  }

  private async load(hash: string, tenantId: string | null): Promise<CachedApiKey> {
    const key = await this.credentials.findByHash(hash, tenantId);
    const entry = toCachedApiKey(key);
    await this.cache.fill(hash, entry);
    return entry;
  }

  /** Fire and forget: recording use must never slow down or fail the request that used the key. */
  private touch(id: string, tenantId: string, now: Date): void {
    const last = this.lastTouched.get(id);
    if (last !== undefined && now.getTime() - last < LAST_USED_RESOLUTION_MS) return;
    this.lastTouched.set(id, now.getTime());
    if (this.lastTouched.size > 10_000) this.lastTouched.clear();
    this.credentials
      .touchLastUsed(
        new Types.ObjectId(id),
        new Types.ObjectId(tenantId),
        now,
        new Date(now.getTime() - LAST_USED_RESOLUTION_MS),
      )
      .catch((error: unknown) =>
        this.logger.error({ err: error, apiKeyId: id }, 'Could not record API key use'),
      );
  }
}
