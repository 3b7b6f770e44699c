import { Inject, Injectable, Logger } from '@nestjs/common';
import { TransactionService } from '@tenantpay/data-isolation';
import { isDuplicateKeyError } from '@tenantpay/platform';
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

/** Heartbeats per lease: two may be lost (a slow database) before the lease runs out under a live request. */
const HEARTBEATS_PER_LEASE = 3;

type Claim =
  | { readonly kind: 'claimed'; readonly record: IdempotencyRecord; readonly lockToken: string }
  | { readonly kind: 'replay'; readonly response: IdempotentResponse };

/**
 * Idempotency-Key handling for any operation of the current tenant (SPEC §9):
 * - the first request claims the key with an insert that the unique `{ tenantId, key }` index makes atomic;
 * - the operation's writes and the stored response commit in one transaction, so there is never a payment
 *   without its stored response nor a stored response without its payment;
 * - a later request with the same key and the same canonical request gets the stored status and body;
 *   with another request 422 `idempotency_key_reused`; while the first still runs, at once, 409
 *   `idempotency_in_progress` with `Retry-After` (when its lease would run out).
 *
 * Crash safety: a claim is a short lease (`idempotencyLeaseSeconds`) that its request renews while it runs, and
 * it names the request's MongoDB session. A claim whose lease ran out belongs to a request that died (a crashed
 * API): a retry kills that session — aborting the dead request's transaction, which would otherwise keep the
 * claim and the payment locked until the server's transaction lifetime limit — and takes the claim over. So a
 * key whose request died is usable again within one lease. A live request whose heartbeats all failed for a
 * whole lease may lose its claim that way; its transaction then fails to complete the claim (409) and only the
 * retry's commits, so there is still exactly one payment. A failed request releases its claim so a retry with
 * the same key runs again. Records live `idempotencyTtlSeconds` (24 h).
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger(IdempotencyService.name);

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
    const fingerprint = requestFingerprint(operation, body);
    return this.transactions.withSession(async (session) => {
      const claim = await this.claim(key, fingerprint, this.transactions.sessionIdOf(session));
      if (claim.kind === 'replay') return claim.response as IdempotentResponse<T>;
      const { record, lockToken } = claim;
      const stopHeartbeat = this.startHeartbeat(record, lockToken);
      try {
        const response = await this.transactions.runIn(session, async () => {
          const result = await work();
          // JSON round trip: the stored body must be byte-for-byte what this first response serialises to.
          const stored = { status: result.status, body: JSON.parse(JSON.stringify(result.body)) as T };
          if (!(await this.records.complete(record._id, lockToken, stored))) {
            throw new IdempotencyInProgressException(this.leaseMs());
          }
          return stored;
        });
        return { ...response, replayed: false };
      } catch (error) {
        // In the background: a database that failed the request may not answer this either, and the lease
        // frees the key within seconds anyway.
        void this.records.release(record._id, lockToken).catch(() => undefined);
        throw error;
      } finally {
        stopHeartbeat();
      }
    });
  }

  /**
   * Closes a key whose work will not be run again (a bulk chunk that exhausted its attempts): the stored
   * response when the work committed, otherwise null, and then the key holds a claim that no request can
   * complete, renew or take over before the record expires. So work still running under the key (a stalled job's
   * first run on a live worker) can never commit after the caller has concluded that nothing was created: its
   * completion is conditional on its own lock token, and its transaction is aborted at once.
   */
  async fence(key: string, operation: string, body: unknown): Promise<IdempotentResponse | null> {
    if (!VALID_KEY.test(key)) throw new InvalidIdempotencyKeyException();
    const fingerprint = requestFingerprint(operation, body);
    // A few rounds only for the race where the claim is completed or taken over between the read and the write.
    for (let round = 0; round < 3; round += 1) {
      const now = new Date();
      const expiresAt = new Date(now.getTime() + this.settings.idempotencyTtlSeconds * 1000);
      const fence = {
        key,
        fingerprint,
        state: 'in_progress' as const,
        lockToken: randomUUID(),
        // The lease lasts as long as the record: nobody may take the key over while it exists.
        lockedUntil: expiresAt,
        holderSession: null,
        responseStatus: null,
        responseBody: null,
        expiresAt,
      };
      const existing = await this.records.findByKey(key);
      if (existing === null) {
        try {
          await this.records.claim(fence);
          return null;
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          continue;
        }
      }
      if (existing.state === 'completed') {
        return { status: existing.responseStatus ?? 200, body: existing.responseBody, replayed: true };
      }
      // Whoever holds the claim, dead or alive, must not commit now: abort its transaction, then take the claim.
      if (existing.holderSession !== null) await this.transactions.killSession(existing.holderSession);
      if ((await this.records.takeOver(existing, fence)) !== null) return null;
    }
    throw new IdempotencyInProgressException(this.leaseMs());
  }

  private async claim(key: string, fingerprint: string, holderSession: string): Promise<Claim> {
    // A few rounds only for the race where the record we collided with expires or is released meanwhile.
    for (let round = 0; round < 3; round += 1) {
      const now = new Date();
      const lockToken = randomUUID();
      const fresh = {
        key,
        fingerprint,
        state: 'in_progress' as const,
        lockToken,
        lockedUntil: new Date(now.getTime() + this.leaseMs()),
        holderSession,
        responseStatus: null,
        responseBody: null,
        expiresAt: new Date(now.getTime() + this.settings.idempotencyTtlSeconds * 1000),
      };
      // A read first: it never waits on a lock, whereas an insert colliding with a key a dead request's
      // transaction wrote would wait for that transaction to end.
      const existing = await this.records.findByKey(key);
      if (existing === null) {
        try {
          return { kind: 'claimed', record: await this.records.claim(fresh), lockToken };
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          continue;
        }
      }
      const expired = existing.expiresAt.getTime() <= now.getTime();
      if (!expired) {
        if (existing.fingerprint !== fingerprint) throw new IdempotencyKeyReusedException();
        if (existing.state === 'completed') {
          return {
            kind: 'replay',
            response: { status: existing.responseStatus ?? 200, body: existing.responseBody, replayed: true },
          };
        }
        const leaseLeftMs = existing.lockedUntil.getTime() - now.getTime();
        if (leaseLeftMs > 0) throw new IdempotencyInProgressException(leaseLeftMs);
        // Its request stopped renewing the lease: it died. Abort what it left open before taking over.
        if (existing.holderSession !== null) await this.transactions.killSession(existing.holderSession);
      }
      const taken = await this.records.takeOver(existing, fresh);
      // An expired record may be deleted by its TTL index between the read and the takeover: claim afresh
      // (another request that took it over meanwhile is found by the next round's read).
      if (taken === null && expired) continue;
      if (taken === null) throw new IdempotencyInProgressException(this.leaseMs());
      return { kind: 'claimed', record: taken, lockToken };
    }
    throw new IdempotencyInProgressException(this.leaseMs());
  }

  /** Renews the lease every third of it while the request runs; returns the function that stops it. */
  private startHeartbeat(record: IdempotencyRecord, lockToken: string): () => void {
    let renewing = false;
    const timer = setInterval(() => {
      if (renewing) return;
      renewing = true;
      this.records
        .renew(record._id, lockToken, new Date(Date.now() + this.leaseMs()))
        .catch((error: unknown) =>
          this.logger.warn({ err: error, key: record.key }, 'Idempotency lease not renewed'),
        )
        .finally(() => (renewing = false));
    }, this.leaseMs() / HEARTBEATS_PER_LEASE);
    timer.unref();
    return () => clearInterval(timer);
  }

  private leaseMs(): number {
    return this.settings.idempotencyLeaseSeconds * 1000;
  }
}
