import { lookup } from 'node:dns/promises';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/**
 * How webhook destinations are resolved. A port so tests can play DNS (private answers, rebinding), and
 * so the address that was checked is the address that is connected to: the delivery pins it.
 */
export interface WebhookDnsResolver {
  /** Every address the host name resolves to; rejects when it does not resolve. */
  resolve(hostname: string): Promise<ResolvedAddress[]>;
}

export const WEBHOOK_DNS_RESOLVER = Symbol('WEBHOOK_DNS_RESOLVER');

/** The operating system's resolver (what an ordinary connection would use), all addresses, in its order. */
export class SystemWebhookDnsResolver implements WebhookDnsResolver {
  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    const answers = await lookup(hostname, { all: true, verbatim: true });
    return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
  }
}
