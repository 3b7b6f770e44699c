import { Binary, Long, Timestamp, type Document } from 'bson';

/**
 * The replica set's logical clock: every reply carries `operationTime` and `$clusterTime`, which drivers use
 * for causally consistent sessions (a later read names `afterClusterTime`). One node means no other node's
 * time to wait for: reads are always at or after any time this clock handed out.
 */
export class ClusterClock {
  private seconds = 0;
  private increment = 0;

  /** A time later than every earlier one: (wall-clock seconds, counter within the second). */
  tick(): Timestamp {
    const now = Math.floor(Date.now() / 1000);
    if (now > this.seconds) {
      this.seconds = now;
      this.increment = 1;
    } else {
      this.increment++;
    }
    return new Timestamp({ t: this.seconds, i: this.increment });
  }

  /** The fields mongod adds to a replica set member's replies; the signature is unkeyed (no auth). */
  stamp(reply: Document): Document {
    const time = this.tick();
    return {
      ...reply,
      $clusterTime: {
        clusterTime: time,
        signature: { hash: new Binary(Buffer.alloc(20), 0), keyId: Long.fromInt(0) },
      },
      operationTime: time,
    };
  }
}
