import { randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { ProducerSequence } from '@tenantpay/rate-limiting';

import {
  PRODUCER_MARKS_TTL_SECONDS,
  producerFloorField,
  producerMarksKey,
  UNSETTLED_IN_FLIGHT_MAX_AGE_MS,
} from './usage.constant';

/** A sequenced increment of one tenant-month (what a replay needs to be judged a duplicate or not). */
export interface SequencedStream {
  readonly tenantId: string;
  readonly period: string;
  readonly sequence: number;
}

/**
 * This process as an idempotent producer of usage increments (see `CLAIM_PRODUCER_SEQUENCE_LUA`): an id made
 * at start, one increasing sequence for every increment it makes, and for each tenant-month the increments
 * whose outcome it does not know yet (in flight, or buffered for replay). The oldest of those is the floor
 * each write carries: Redis keeps the sequences above it it has applied, and forgets everything below it.
 *
 * An increment must be settled exactly once (written, refused, or dropped). One whose settlement never comes
 * (a caller that threw between issuing and settling) would pin its stream's floor and make Redis keep every
 * later sequence of the stream; so an increment still in flight after UNSETTLED_IN_FLIGHT_MAX_AGE_MS (far
 * longer than any Redis call may take) no longer holds the floor. Buffered increments hold it for as long as
 * they are buffered: the buffer is bounded, and drops settle them.
 */
@Injectable()
export class UsageProducer {
  /** A new producer per process start: its sequences restart at 1 without colliding with its predecessor's. */
  readonly id = randomBytes(9).toString('base64url');
  private lastSequence = 0;
  /** Unsettled sequences per tenant-month, in issue order (a Map keeps insertion order), with their deadline. */
  private readonly unsettled = new Map<string, Map<number, number>>();

  /** A new increment's sequence, unsettled until {@link settle}. */
  issue(tenantId: string, period: string): SequencedStream {
    this.lastSequence += 1;
    const key = streamKey(tenantId, period);
    let stream = this.unsettled.get(key);
    if (stream === undefined) {
      stream = new Map();
      this.unsettled.set(key, stream);
    }
    stream.set(this.lastSequence, Date.now() + UNSETTLED_IN_FLIGHT_MAX_AGE_MS);
    return { tenantId, period, sequence: this.lastSequence };
  }

  /** The increment waits for a replay: it keeps the floor down however long that takes. */
  hold(stream: SequencedStream): void {
    const unsettled = this.unsettled.get(streamKey(stream.tenantId, stream.period));
    if (unsettled?.has(stream.sequence) === true) unsettled.set(stream.sequence, Number.POSITIVE_INFINITY);
  }

  /** Its outcome is known (counted, refused, or dropped for good): it no longer holds the floor. */
  settle(stream: SequencedStream): void {
    const key = streamKey(stream.tenantId, stream.period);
    const unsettled = this.unsettled.get(key);
    if (unsettled === undefined) return;
    unsettled.delete(stream.sequence);
    if (unsettled.size === 0) this.unsettled.delete(key);
  }

  /** What a write of `stream` carries to Redis. */
  claimOf(stream: SequencedStream): ProducerSequence {
    return {
      floorField: producerFloorField(this.id),
      marksKey: producerMarksKey(stream.tenantId, stream.period, this.id),
      sequence: stream.sequence,
      floor: this.floorOf(stream),
      marksTtlSeconds: PRODUCER_MARKS_TTL_SECONDS,
    };
  }

  /** Tenant-months with unsettled increments (each costs this process a small map until they settle). */
  get unsettledStreams(): number {
    return this.unsettled.size;
  }

  private floorOf(stream: SequencedStream): number {
    const key = streamKey(stream.tenantId, stream.period);
    const unsettled = this.unsettled.get(key);
    if (unsettled === undefined) return stream.sequence;
    const now = Date.now();
    for (const [sequence, deadline] of unsettled) {
      if (deadline >= now || sequence === stream.sequence) return Math.min(sequence, stream.sequence);
      unsettled.delete(sequence);
    }
    if (unsettled.size === 0) this.unsettled.delete(key);
    return stream.sequence;
  }
}

function streamKey(tenantId: string, period: string): string {
  return `${tenantId}\n${period}`;
}
