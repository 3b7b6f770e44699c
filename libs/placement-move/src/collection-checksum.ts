const MODULUS = 1n << 256n;

/**
 * An order-independent checksum of a set of documents: the sum of their SHA-256 digests modulo 2^256, plus
 * their count. A sum rather than an XOR so that a document present twice, or two equal documents where one is
 * expected, does not cancel out; order-independent so source and target can be scanned in any order, one
 * batch in memory at a time.
 */
export class CollectionChecksum {
  private sum = 0n;
  private documents = 0;

  /** One document, by its canonicalDocumentDigest (computed once by the caller, which compares it too). */
  addDigest(digest: Buffer): void {
    this.sum = (this.sum + BigInt(`0x${digest.toString('hex')}`)) % MODULUS;
    this.documents += 1;
  }

  get count(): number {
    return this.documents;
  }

  /** 64 hex digits. */
  get digest(): string {
    return this.sum.toString(16).padStart(64, '0');
  }
}
