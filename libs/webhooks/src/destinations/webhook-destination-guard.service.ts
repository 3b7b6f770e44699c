import { Inject, Injectable } from '@nestjs/common';
import { isIP } from 'node:net';
import { WEBHOOK_URL_MAX_LENGTH } from '../webhooks.constant';
import { WEBHOOKS_OPTIONS, type WebhooksOptions } from '../webhooks-options';
import type { CheckedDestination } from './checked-destination';
import { classifyAddress } from './classify-address';
import { WebhookDestinationRefusedException } from './webhook-destination-refused.exception';
import { type ResolvedAddress, WEBHOOK_DNS_RESOLVER, type WebhookDnsResolver } from './webhook-dns-resolver';

/**
 * Server-side request forgery protection for webhook URLs, applied when an endpoint is registered and again
 * before every attempt (DNS may have changed since: rebinding). A destination is refused when any address
 * its host resolves to is private, loopback, link-local, shared (CGNAT), multicast, unique-local, a cloud
 * metadata service or otherwise reserved, unless the host or that address is on the allow-list. Plain http
 * is accepted only for allow-listed hosts. The caller connects to the returned address and no other.
 */
@Injectable()
export class WebhookDestinationGuard {
  private readonly allowedHosts: ReadonlySet<string>;
  private readonly hintAllowedHosts: boolean;

  constructor(
    @Inject(WEBHOOKS_OPTIONS) options: WebhooksOptions,
    @Inject(WEBHOOK_DNS_RESOLVER) private readonly resolver: WebhookDnsResolver,
  ) {
    this.allowedHosts = new Set(options.allowedHosts);
    this.hintAllowedHosts = options.hintAllowedHosts;
  }

  /** Checks the URL's form only (no DNS): what the URL itself says. */
  parse(rawUrl: string): URL {
    if (rawUrl.length > WEBHOOK_URL_MAX_LENGTH)
      throw new WebhookDestinationRefusedException(`must be at most ${WEBHOOK_URL_MAX_LENGTH} characters`);
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new WebhookDestinationRefusedException('must be an absolute http(s) URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new WebhookDestinationRefusedException('must be an https URL');
    // Credentials in the URL would be shown to every admin who lists endpoints, and logged.
    if (url.username !== '' || url.password !== '')
      throw new WebhookDestinationRefusedException('must not contain a user name or password');
    if (url.hash !== '') throw new WebhookDestinationRefusedException('must not contain a fragment');
    if (url.protocol === 'http:' && !this.isAllowListed(hostnameOf(url)))
      throw this.refusedUnlessAllowListed('must be an https URL', hostnameOf(url));
    return url;
  }

  async check(rawUrl: string): Promise<CheckedDestination> {
    const url = this.parse(rawUrl);
    const hostname = hostnameOf(url);
    const addresses = await this.addressesOf(hostname);
    if (addresses.length === 0) throw new WebhookDestinationRefusedException('host does not resolve');
    const hostAllowed = this.isAllowListed(hostname);
    // Every answer is judged, not only the first: a client may pick any of them, and an attacker controls
    // the order of their own records.
    for (const { address } of addresses) {
      if (hostAllowed || this.isAllowListed(address)) continue;
      const forbidden = classifyAddress(address);
      if (forbidden !== null)
        throw this.refusedUnlessAllowListed(`resolves to a non-public address (${forbidden})`, hostname);
    }
    return { url, hostname, address: addresses[0] as ResolvedAddress };
  }

  private async addressesOf(hostname: string): Promise<ResolvedAddress[]> {
    const version = isIP(hostname);
    if (version !== 0) return [{ address: hostname, family: version === 6 ? 6 : 4 }];
    try {
      return await this.resolver.resolve(hostname);
    } catch {
      throw new WebhookDestinationRefusedException('host does not resolve');
    }
  }

  /** A refusal the allow-list would lift: outside production, it says so (WebhooksOptions.hintAllowedHosts). */
  private refusedUnlessAllowListed(reason: string, hostname: string): WebhookDestinationRefusedException {
    return new WebhookDestinationRefusedException(
      reason,
      this.hintAllowedHosts
        ? `For local development, add ${hostname} to WEBHOOK_ALLOWED_HOSTS (comma-separated host names and addresses).`
        : undefined,
    );
  }

  private isAllowListed(hostOrAddress: string): boolean {
    return this.allowedHosts.has(hostOrAddress.toLowerCase());
  }
}

function hostnameOf(url: URL): string {
  return url.hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}
