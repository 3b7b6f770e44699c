/**
 * Where a tenant's "usage changed" marker lives: one dirty set per Redis Cluster hash slot, named with a
 * hash tag that hashes into that slot. The tag of a tenant's shard lands in the same slot as `{<tenantId>}`,
 * so the per-request script that writes the tenant's keys writes its marker too without crossing slots
 * (Cluster rejects a script whose keys span slots with CROSSSLOT). The sync job walks the fixed list of
 * shards, which every node answers for its own slots, instead of scanning a keyspace that SCAN would only
 * show one node of.
 */
export class UsageDirtyShards {
  /** Redis Cluster's fixed number of hash slots. */
  static readonly COUNT = 16_384;
  private static tags: readonly string[] | undefined;

  /** The shard tag of a tenant: `usage:dirty:{<tag>}` is in the same slot as `usage:{<tenantId>}:…`. */
  static tagFor(tenantId: string): string {
    return UsageDirtyShards.all()[UsageDirtyShards.slotOf(tenantId)] as string;
  }

  /**
   * Every shard's tag, indexed by slot: for each slot, the first base-36 counter value that hashes into it.
   * Deterministic, so every API instance and worker derives the same names; computed once per process
   * (about 170 000 CRC16s of 1–4 characters).
   */
  static all(): readonly string[] {
    if (UsageDirtyShards.tags !== undefined) return UsageDirtyShards.tags;
    const tags = new Array<string>(UsageDirtyShards.COUNT);
    let missing = UsageDirtyShards.COUNT;
    for (let counter = 0; missing > 0; counter += 1) {
      const tag = counter.toString(36);
      const slot = UsageDirtyShards.slotOf(tag);
      if (tags[slot] === undefined) {
        tags[slot] = tag;
        missing -= 1;
      }
    }
    UsageDirtyShards.tags = tags;
    return tags;
  }

  /**
   * The Cluster slot of a hash tag's content (CRC16-XMODEM mod 16384, as Redis computes it for a key's
   * `{…}` part), over the UTF-8 bytes as Redis sees them; table-driven, since the walk list needs ~170 000.
   */
  static slotOf(hashTag: string): number {
    let crc = 0;
    for (let i = 0; i < hashTag.length; i += 1) {
      const code = hashTag.charCodeAt(i);
      if (code > 0x7f) return slotOfBytes(Buffer.from(hashTag, 'utf8'));
      crc = ((crc << 8) & 0xffff) ^ (CRC16_TABLE[(crc >> 8) ^ code] as number);
    }
    return crc % UsageDirtyShards.COUNT;
  }
}

const CRC16_TABLE = Uint16Array.from({ length: 256 }, (_, byte) => {
  let crc = byte << 8;
  for (let bit = 0; bit < 8; bit += 1)
    crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  return crc;
});

function slotOfBytes(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) & 0xffff) ^ (CRC16_TABLE[(crc >> 8) ^ byte] as number);
  return crc % UsageDirtyShards.COUNT;
}
