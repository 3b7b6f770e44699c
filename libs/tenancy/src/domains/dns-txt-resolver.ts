/**
 * The DNS lookup domain verification needs, as a port: production asks the system resolver, tests answer
 * from memory. Returns each TXT record as its character-strings (as node's `resolveTxt` does), and an
 * empty list when the name has no TXT records; rejects only when DNS could not be asked.
 */
export interface DnsTxtResolver {
  resolveTxt(name: string): Promise<string[][]>;
}

export const DNS_TXT_RESOLVER = Symbol('DNS_TXT_RESOLVER');
