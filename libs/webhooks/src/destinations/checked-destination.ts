import type { ResolvedAddress } from './webhook-dns-resolver';

/** A destination that passed the checks, with the one address the delivery must connect to. */
export interface CheckedDestination {
  readonly url: URL;
  /** The host name without IPv6 brackets, for the Host header and TLS server name. */
  readonly hostname: string;
  readonly address: ResolvedAddress;
}
