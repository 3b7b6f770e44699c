import { isDuplicateKeyError } from '@tenantpay/platform';
import { Inject, Injectable } from '@nestjs/common';
import { TransactionService } from '@tenantpay/data-isolation';
import { randomUUID } from 'node:crypto';
import { IdempotencyInProgressException } from '../errors/idempotency-in-progress.exception';
import { IdempotencyKeyReusedException } from '../errors/idempotency-key-reused.exception';
import { InvalidIdempotencyKeyException } from '../errors/invalid-idempotency-key.exception';
import { PAYMENTS_SETTINGS, type PaymentsSettings } from '../payments-settings';
import { requestFingerprint } from './canonical-json';
import type { IdempotencyRecord } from './idempotency-record';
import { IdempotencyRecordsRepository } from './idempotency-records.repository';
import type { IdempotentResponse } from './idempotent-response';

const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

type Claim =
  | { readonly kind: 'claimed'; readonly record: IdempotencyRecord; readonly lockToken: string }
  | { readonly kind: 'replay'; readonly response: IdempotentResponse };

/**
 * Idempotency-Key handling for any operation of the current tenant (SPEC §9):
 * - the first request claims the key with an insert that the unique `{ tenantId, key }` index makes atomic;
 * - the operation's writes and the stored response commit in one transaction, so there is never a payment
 *   without its stored response nor a stored response without its payment;
 * - a later request with the same key and the same canonical request gets the stored status and body;
 *   with another request 422 `idempotency_key_reused`; while the first still runs 409 `idempotency_in_progress`.
 * A claim whose request died (lease expired) can be taken over, and a failed request releases its claim so a
 * retry with the same key runs again. Records live `idempotencyTtlSeconds` (24 h).
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly records: IdempotencyRecordsRepository,
    private readonly transactions: TransactionService,
    @Inject(PAYMENTS_SETTINGS) private readonly settings: PaymentsSettings,
  ) {}

  async execute<T>(
    key: string,
    operation: string,
    body: unknown,
    work: () => Promise<{ status: number; body: T }>,
  ): Promise<IdempotentResponse<T>> {
    if (!VALID_KEY.test(key)) throw new InvalidIdempotencyKeyException();
    const claim = await this.claim(key, requestFingerprint(operation, body));
    if (claim.kind === 'replay') return claim.response as IdempotentResponse<T>;
    const { record, lockToken } = claim;
    try {
      const response = await this.transactions.withTransaction(async () => {
        const result = await work();
        // JSON round trip: the stored body must be byte-for-byte what this first response serialises to.
        const stored = { status: result.status, body: JSON.parse(JSON.stringify(result.body)) as T };
        if (!(await this.records.complete(record._id, lockToken, stored))) {
          throw new IdempotencyInProgressException();
        }
        return stored;
      });
      return { ...response, replayed: false };
    } catch (error) {
      await this.records.release(record._id, lockToken).catch(() => undefined);
      throw error;
    }
  }

  private async claim(key: string, fingerprint: string): Promise<Claim> {
    // A few rounds only for the race where the record we collided with expires or is released meanwhile.
    for (let round = 0; round < 3; round += 1) {
      const now = new Date();
      const lockToken = randomUUID();
      const fresh = {
        key,
        fingerprint,
        state: 'in_progress' as const,
        lockToken,
        lockedUntil: new Date(now.getTime() + this.settings.idempotencyLeaseSeconds * 1000),
        responseStatus: null,
        responseBody: null,
        expiresAt: new Date(now.getTime() + this.settings.idempotencyTtlSeconds * 1000),
      };
      try {
        return { kind: 'claimed', record: await this.records.claim(fresh), lockToken };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const existing = await this.records.findByKey(key);
      if (existing === null) continue;
      const expired = existing.expiresAt.getTime() <= now.getTime();
      if (!expired) {
        if (existing.fingerprint !== fingerprint) throw new IdempotencyKeyReusedException();
        if (existing.state === 'completed') {
          return {
            kind: 'replay',
            response: { status: existing.responseStatus ?? 200, body: existing.responseBody, replayed: true },
          };
        }
        if (existing.lockedUntil.getTime() > now.getTime()) throw new IdempotencyInProgressException();
      }
      const taken = await this.records.takeOver(existing, fresh);
      if (taken === null) throw new IdempotencyInProgressException();
      return { kind: 'claimed', record: taken, lockToken };
    }
    throw new IdempotencyInProgressException();
  }
}
